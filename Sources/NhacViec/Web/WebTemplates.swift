/// The Office pages' Mustache templates (DESIGN §15). `{{name}}` escapes HTML (and quotes,
/// for attributes); no template uses the unescaped `{{{…}}}` or `{{&…}}` forms, which a
/// test checks. No inline script or style: the CSP forbids both.
enum WebTemplates {
    static let all: [String: String] = [
        "header": header, "footer": footer, "dashboard": dashboard, "units": units, "unit": unit, "tasks": tasks,
        "task": task, "periods": periods, "period": period, "calendar": calendar, "message": message,
        "difficulties": difficulties, "unitHeader": unitHeader, "unitReport": unitReport, "unitReceipt": unitReceipt,
        "unitReports": unitReports, "documentHead": documentHead, "overdue": overdue, "overdueTable": overdueTable,
        "upcoming": upcoming, "upcomingTable": upcomingTable, "deliveries": deliveries, "deliveryTable": deliveryTable,
        "pager": pager,
    ]

    /// Every page's `<head>`: the Office's pages and the units' alike.
    static let documentHead = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Nhắc việc</title>
        <link rel="stylesheet" href="/static/style.css">
        </head>
        """

    static let header = """
        {{>documentHead}}
        <body>
        <a class="skip" href="#main">Bỏ qua trình đơn, tới nội dung chính</a>
        <header class="site">
        <p class="org">{{organization}}</p>
        <nav aria-label="Trình đơn chính">
        <ul>
        <li><a href="/">Tổng quan</a></li>
        <li><a href="/units">Đơn vị</a></li>
        <li><a href="/tasks">Nhiệm vụ</a></li>
        <li><a href="/periods">Kỳ báo cáo</a></li>
        <li><a href="/difficulties">Vướng mắc</a></li>
        <li><a href="/calendar">Lịch làm việc</a></li>
        </ul>
        </nav>
        {{#user}}<p class="user">Người dùng: {{user}}</p>{{/user}}
        </header>
        <main id="main">
        <h1>{{title}}</h1>
        {{#pagerNotice}}<p class="warning" role="status">{{pagerNotice}}</p>{{/pagerNotice}}

        """

    static let footer = """
        </main>
        <footer class="site"><p>Số liệu tại thời điểm {{generatedAt}} · nhacviec {{version}}</p></footer>
        </body>
        </html>

        """

    static let dashboard = """
        {{>header}}
        <p class="lead">Kỳ báo cáo <strong>{{periodName}}</strong> ({{periodStart}} – {{periodEnd}}). Hôm nay: {{today}}.
        Lần chạy gần nhất của dịch vụ nhắc việc: {{lastPass}}.</p>
        <section aria-labelledby="h-reports">
        <h2 id="h-reports">Báo cáo định kỳ của các đơn vị, {{periodName}}</h2>
        {{>unitReports}}
        </section>
        <section aria-labelledby="h-overdue">
        <h2 id="h-overdue">Nhiệm vụ quá hạn ({{overdueCount}})</h2>
        {{#overdueAreas}}
        <h3>{{name}}</h3>
        {{>overdueTable}}
        {{#more}}<p class="more"><a href="{{moreHref}}">{{more}}</a></p>{{/more}}
        {{/overdueAreas}}
        {{^overdueAreas}}<p>Không có nhiệm vụ nào quá hạn.</p>{{/overdueAreas}}
        </section>
        <section aria-labelledby="h-upcoming">
        <h2 id="h-upcoming">Thời hạn trong 10 ngày làm việc tới (đến {{upcomingEnd}}): {{upcomingCount}}</h2>
        {{>upcomingTable}}
        {{#upcomingMore}}<p class="more"><a href="{{upcomingMoreHref}}">{{upcomingMore}}</a></p>{{/upcomingMore}}
        </section>
        <section aria-labelledby="h-difficulties">
        <h2 id="h-difficulties">Vướng mắc chưa giải quyết ({{difficultyCount}})</h2>
        {{#difficultiesAny}}
        <table>
        <thead><tr><th scope="col">Mã</th><th scope="col">Đơn vị</th><th scope="col">Nội dung</th><th scope="col">Nhiệm vụ</th><th scope="col">Tình trạng</th><th scope="col">Số ngày</th></tr></thead>
        <tbody>
        {{#difficulties}}<tr><td><a href="/difficulties#{{anchor}}">{{id}}</a></td><td>{{unit}}</td><td>{{text}}</td><td>{{#task}}<a href="{{taskHref}}">{{task}}</a>{{/task}}</td><td>{{status}}</td><td>{{age}} ngày</td></tr>
        {{/difficulties}}
        </tbody>
        </table>
        {{/difficultiesAny}}
        {{^difficulties}}<p>Không có vướng mắc nào đang chờ xử lý.</p>{{/difficulties}}
        {{#difficultiesMore}}<p class="more"><a href="{{difficultiesMoreHref}}">{{difficultiesMore}}</a></p>{{/difficultiesMore}}
        </section>
        <section aria-labelledby="h-deliveries">
        <h2 id="h-deliveries">Thư đang gửi lại hoặc thất bại ({{deliveryCount}})</h2>
        {{>deliveryTable}}
        {{#deliveriesMore}}<p class="more"><a href="{{deliveriesMoreHref}}">{{deliveriesMore}}</a></p>{{/deliveriesMore}}
        </section>
        {{>footer}}
        """

    /// Overdue tasks (`tasks`), most overdue first: under each area of the dashboard and on an area's page.
    static let overdueTable = """
        <table>
        <thead><tr><th scope="col">Mã</th><th scope="col">Nhiệm vụ</th><th scope="col">Chủ trì</th><th scope="col">Thời hạn</th><th scope="col">Quá hạn</th></tr></thead>
        <tbody>
        {{#tasks}}<tr class="late"><td><a href="{{href}}">{{id}}</a></td><td>{{title}}</td><td>{{lead}}</td><td>{{due}} <span class="note">({{dueText}})</span></td><td>{{days}} ngày</td></tr>
        {{/tasks}}
        </tbody>
        </table>
        """

    static let upcomingTable = """
        {{#upcomingAny}}
        <table>
        <thead><tr><th scope="col">Ngày</th><th scope="col">Việc</th><th scope="col">Đơn vị</th><th scope="col">Thời hạn ghi trong kế hoạch</th><th scope="col">Tình trạng</th></tr></thead>
        <tbody>
        {{#upcoming}}<tr><td>{{weekday}}, {{date}}</td><td>{{#href}}<a href="{{href}}">{{label}}</a>{{/href}}{{^href}}{{label}}{{/href}}</td><td>{{unit}}</td><td>{{dueText}}</td><td>{{status}}</td></tr>
        {{/upcoming}}
        </tbody>
        </table>
        {{/upcomingAny}}
        {{^upcoming}}<p>Không có thời hạn nào trong 10 ngày làm việc tới.</p>{{/upcoming}}
        """

    static let deliveryTable = """
        {{#deliveriesAny}}
        <table>
        <thead><tr><th scope="col">Trạng thái</th><th scope="col">Người nhận</th><th scope="col">Kênh</th><th scope="col">Việc</th><th scope="col">Số lần thử</th><th scope="col">Lỗi gần nhất</th><th scope="col">Thử lại lúc</th></tr></thead>
        <tbody>
        {{#deliveries}}<tr class="{{css}}"><td>{{status}}</td><td>{{recipient}}</td><td>{{channel}}</td><td>{{duty}} · {{step}}</td><td>{{attempts}}</td><td>{{error}}</td><td>{{next}}</td></tr>
        {{/deliveries}}
        </tbody>
        </table>
        {{/deliveriesAny}}
        {{^deliveries}}<p>Không có thư nào đang gửi lại hay thất bại.</p>{{/deliveries}}
        """

    /// Previous and next links of a long list's page (``WebPaging``).
    static let pager = """
        {{#pagerMany}}
        <nav aria-label="Trang" class="pager"><p>Trang {{pagerNumber}}/{{pagerCount}}.
        {{#pagerPrevious}}<a href="{{pagerPrevious}}" rel="prev">← Trang trước</a>{{/pagerPrevious}}
        {{#pagerNext}}<a href="{{pagerNext}}" rel="next">Trang sau →</a>{{/pagerNext}}</p></nav>
        {{/pagerMany}}
        """

    static let overdue = """
        {{>header}}
        <p class="lead">{{overdueCount}} nhiệm vụ quá hạn, nhiệm vụ quá hạn lâu nhất trước. <a href="/">Về trang tổng quan</a></p>
        {{#tasksAny}}{{>overdueTable}}{{/tasksAny}}
        {{^tasks}}<p>Lĩnh vực này không có nhiệm vụ nào quá hạn.</p>{{/tasks}}
        {{>pager}}
        {{>footer}}
        """

    static let upcoming = """
        {{>header}}
        <p class="lead">{{upcomingCount}} thời hạn, theo ngày. <a href="/">Về trang tổng quan</a></p>
        {{>upcomingTable}}
        {{>pager}}
        {{>footer}}
        """

    static let deliveries = """
        {{>header}}
        <p class="lead">{{deliveryCount}} thư, thư mới nhất trước. <a href="/">Về trang tổng quan</a></p>
        {{>deliveryTable}}
        {{>pager}}
        {{>footer}}
        """

    /// Each unit's monthly report for one period (the dashboard and the period page).
    static let unitReports = """
        {{#reports}}
        <p>Hạn nộp: <strong>{{due}}</strong>. Đúng hạn: {{onTime}} · Chậm: {{late}} · Chưa gửi: {{missing}}.</p>
        <table>
        <thead><tr><th scope="col">Đơn vị</th><th scope="col">Tình trạng</th><th scope="col">Ngày nhận</th></tr></thead>
        <tbody>
        {{#units}}<tr class="{{css}}"><td><a href="{{href}}">{{name}}</a></td><td>{{status}}</td><td>{{received}}</td></tr>
        {{/units}}
        </tbody>
        </table>
        {{#more}}<p class="more"><a href="{{moreHref}}">{{more}}</a></p>{{/more}}
        {{/reports}}
        {{^reports}}<p>Cấu hình không có báo cáo định kỳ hằng tháng.</p>{{/reports}}
        """

    static let units = """
        {{>header}}
        <table>
        <thead><tr><th scope="col">Mã</th><th scope="col">Tên đơn vị</th><th scope="col">Chủ trì</th><th scope="col">Phối hợp</th><th scope="col">Quá hạn</th></tr></thead>
        <tbody>
        {{#units}}<tr><td><a href="{{href}}">{{id}}</a></td><td>{{name}}</td><td>{{lead}}</td><td>{{support}}</td><td>{{overdue}}</td></tr>
        {{/units}}
        </tbody>
        </table>
        {{>footer}}
        """

    static let unit = """
        {{>header}}
        <dl class="facts">
        <dt>Mã đơn vị</dt><dd>{{id}}</dd>
        {{#head}}<dt>Người đứng đầu</dt><dd>{{head}}</dd>{{/head}}
        <dt>Thư điện tử</dt><dd>{{emails}}</dd>
        {{#calendarURL}}<dt>Lịch thời hạn (iCalendar)</dt><dd><a href="{{calendarURL}}">Đăng ký lịch của đơn vị</a></dd>{{/calendarURL}}
        </dl>
        <section aria-labelledby="h-tasks">
        <h2 id="h-tasks">Nhiệm vụ của đơn vị ({{taskCount}})</h2>
        {{#tasksAny}}
        <table>
        <thead><tr><th scope="col">Mã</th><th scope="col">Nhiệm vụ</th><th scope="col">Vai trò</th><th scope="col">Thời hạn</th><th scope="col">Tình trạng</th></tr></thead>
        <tbody>
        {{#tasks}}<tr class="{{css}}"><td><a href="{{href}}">{{id}}</a></td><td>{{title}}</td><td>{{role}}</td><td>{{dueText}}</td><td>{{status}}</td></tr>
        {{/tasks}}
        </tbody>
        </table>
        {{/tasksAny}}
        {{^tasks}}<p>Đơn vị không chủ trì hay phối hợp nhiệm vụ nào.</p>{{/tasks}}
        </section>
        <section aria-labelledby="h-reports">
        <h2 id="h-reports">Báo cáo định kỳ</h2>
        {{#reportsAny}}
        <table>
        <thead><tr><th scope="col">Kỳ</th><th scope="col">Hạn nộp</th><th scope="col">Tình trạng</th><th scope="col">Ngày nhận</th><th scope="col">Số lần gửi</th></tr></thead>
        <tbody>
        {{#reports}}<tr class="{{css}}"><td><a href="{{href}}">{{period}}</a></td><td>{{due}}</td><td>{{status}}</td><td>{{received}}</td><td>{{versions}}</td></tr>
        {{/reports}}
        </tbody>
        </table>
        {{/reportsAny}}
        {{^reports}}<p>Đơn vị không phải gửi báo cáo định kỳ.</p>{{/reports}}
        </section>
        {{>footer}}
        """

    static let tasks = """
        {{>header}}
        {{#areas}}
        <h2>{{name}}</h2>
        <table>
        <thead><tr><th scope="col">Mã</th><th scope="col">Nhiệm vụ</th><th scope="col">Chủ trì</th><th scope="col">Thời hạn</th><th scope="col">Tình trạng</th></tr></thead>
        <tbody>
        {{#tasks}}<tr class="{{css}}"><td><a href="{{href}}">{{id}}</a></td><td>{{title}}</td><td>{{lead}}</td><td>{{dueText}}</td><td>{{status}}</td></tr>
        {{/tasks}}
        </tbody>
        </table>
        {{/areas}}
        {{>footer}}
        """

    static let task = """
        {{>header}}
        {{#saved}}<p class="notice" role="status">Đã lưu tình trạng mới.</p>{{/saved}}
        <dl class="facts">
        <dt>Mã nhiệm vụ</dt><dd>{{id}}</dd>
        <dt>Lĩnh vực</dt><dd>{{area}}</dd>
        <dt>Chủ trì</dt><dd><a href="{{leadHref}}">{{lead}}</a></dd>
        <dt>Phối hợp</dt><dd>{{support}}</dd>
        <dt>Thời hạn</dt><dd>{{dueText}}{{#dueDates}} · {{dueDates}}{{/dueDates}}</dd>
        {{#output}}<dt>Sản phẩm</dt><dd>{{output}}</dd>{{/output}}
        <dt>Tình trạng hiện tại</dt><dd><strong>{{status}}</strong></dd>
        </dl>
        <section aria-labelledby="h-set">
        <h2 id="h-set">Cập nhật tình trạng</h2>
        <form method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field">
        <label for="status">Tình trạng</label>
        <select id="status" name="status">
        {{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
        {{/statusOptions}}
        </select>
        </div>
        <div class="field">
        <label for="progress">Tiến độ (%, không bắt buộc)</label>
        <input id="progress" name="progress" type="number" min="0" max="100" value="{{progress}}"{{#progressError}} aria-invalid="true" aria-describedby="progress-error"{{/progressError}}>
        {{#progressError}}<p class="error" id="progress-error">{{progressError}}</p>{{/progressError}}
        </div>
        <div class="field">
        <label for="note">Ghi chú (không bắt buộc)</label>
        <textarea id="note" name="note" rows="3">{{note}}</textarea>
        </div>
        <button type="submit">Lưu tình trạng</button>
        </form>
        </section>
        <section aria-labelledby="h-history">
        <h2 id="h-history">Lịch sử tình trạng</h2>
        {{#historyAny}}
        <table>
        <thead><tr><th scope="col">Thời điểm</th><th scope="col">Tình trạng</th><th scope="col">Tiến độ</th><th scope="col">Ghi chú</th><th scope="col">Nguồn</th></tr></thead>
        <tbody>
        {{#history}}<tr><td>{{at}}</td><td>{{status}}</td><td>{{progress}}</td><td>{{note}}</td><td>{{source}}</td></tr>
        {{/history}}
        </tbody>
        </table>
        {{/historyAny}}
        {{^history}}<p>Chưa có ai báo cáo về nhiệm vụ này (coi là chưa thực hiện).</p>{{/history}}
        </section>
        <section aria-labelledby="h-sent">
        <h2 id="h-sent">Thư nhắc đã gửi</h2>
        {{#remindersAny}}
        <table>
        <thead><tr><th scope="col">Thời hạn</th><th scope="col">Lượt nhắc</th><th scope="col">Người nhận</th><th scope="col">Kênh</th><th scope="col">Trạng thái</th><th scope="col">Lúc</th></tr></thead>
        <tbody>
        {{#reminders}}<tr class="{{css}}"><td>{{occurrence}}</td><td>{{step}}</td><td>{{recipient}}</td><td>{{channel}}</td><td>{{status}}</td><td>{{at}}</td></tr>
        {{/reminders}}
        </tbody>
        </table>
        {{/remindersAny}}
        {{^reminders}}<p>Chưa có thư nhắc nào cho nhiệm vụ này.</p>{{/reminders}}
        </section>
        {{>footer}}
        """

    static let periods = """
        {{>header}}
        <ul class="periods">
        {{#periods}}<li><a href="{{href}}">{{name}}</a> ({{start}} – {{end}}){{#current}} · kỳ hiện tại{{/current}}</li>
        {{/periods}}
        </ul>
        {{>footer}}
        """

    static let period = """
        {{>header}}
        <p class="lead">Từ {{start}} đến {{end}}.{{#compileDay}} Ngày tổng hợp: {{compileDay}}.{{/compileDay}}</p>
        <section aria-labelledby="h-download">
        <h2 id="h-download">Tải báo cáo tổng hợp</h2>
        <p>{{downloadNote}}</p>
        <ul class="downloads">
        {{#downloads}}<li><a href="{{href}}" download>{{label}}</a> <span class="note">({{name}})</span></li>
        {{/downloads}}
        </ul>
        </section>
        <section aria-labelledby="h-units">
        <h2 id="h-units">Báo cáo của các đơn vị</h2>
        {{>unitReports}}
        </section>
        {{>footer}}
        """

    static let calendar = """
        {{>header}}
        <nav aria-label="Năm" class="years"><a href="{{previousHref}}">← Năm {{previousYear}}</a> · <a href="{{nextHref}}">Năm {{nextYear}} →</a></nav>
        <section aria-labelledby="h-days">
        <h2 id="h-days">Ngày nghỉ và ngày làm bù</h2>
        <table>
        <thead><tr><th scope="col">Ngày</th><th scope="col">Thứ</th><th scope="col">Loại</th><th scope="col">Tên</th></tr></thead>
        <tbody>
        {{#entries}}<tr class="{{css}}"><td>{{date}}</td><td>{{weekday}}</td><td>{{kind}}</td><td>{{name}}</td></tr>
        {{/entries}}
        </tbody>
        </table>
        </section>
        <section aria-labelledby="h-months">
        <h2 id="h-months">Số ngày làm việc theo tháng</h2>
        <table>
        <thead><tr><th scope="col">Tháng</th><th scope="col">Ngày làm việc</th></tr></thead>
        <tbody>
        {{#months}}<tr><td>Tháng {{month}}</td><td>{{workingDays}}</td></tr>
        {{/months}}
        </tbody>
        </table>
        <p>Tổng cả năm: {{totalWorkingDays}} ngày làm việc.</p>
        </section>
        {{>footer}}
        """

    static let difficulties = """
        {{>header}}
        {{#saved}}<p class="notice" role="status">Đã ghi nhận thao tác với vướng mắc {{saved}}.</p>{{/saved}}
        {{^difficulties}}<p>Chưa đơn vị nào nêu vướng mắc.</p>{{/difficulties}}
        {{#difficulties}}
        <section class="difficulty" id="{{anchor}}" aria-labelledby="{{anchor}}-h">
        <h2 id="{{anchor}}-h">{{id}} · {{unit}}</h2>
        <dl class="facts">
        <dt>Nội dung</dt><dd>{{text}}</dd>
        {{#task}}<dt>Nhiệm vụ</dt><dd><a href="{{taskHref}}">{{task}}</a></dd>{{/task}}
        <dt>Nêu ngày</dt><dd>{{raised}} ({{age}} ngày)</dd>
        <dt>Tình trạng</dt><dd><strong>{{status}}</strong></dd>
        </dl>
        <table>
        <thead><tr><th scope="col">Thời điểm</th><th scope="col">Tình trạng</th><th scope="col">Ghi chú</th></tr></thead>
        <tbody>
        {{#history}}<tr><td>{{at}}</td><td>{{status}}</td><td>{{note}}</td></tr>
        {{/history}}
        </tbody>
        </table>
        {{#active}}
        <form method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field">
        <label for="{{noteID}}">Ý kiến chỉ đạo, ghi chú (bắt buộc khi giải quyết)</label>
        <textarea id="{{noteID}}" name="note" rows="3"{{#error}} aria-invalid="true" aria-describedby="{{noteID}}-error"{{/error}}>{{note}}</textarea>
        {{#error}}<p class="error" id="{{noteID}}-error">{{error}}</p>{{/error}}
        </div>
        {{#canForward}}<button type="submit" name="action" value="forward">Chuyển xử lý</button>{{/canForward}}
        <button type="submit" name="action" value="resolve">Giải quyết</button>
        <button type="submit" name="action" value="withdraw" class="secondary">Ghi nhận đơn vị rút</button>
        </form>
        {{/active}}
        </section>
        {{/difficulties}}
        {{>pager}}
        {{>footer}}
        """

    /// The unit pages' head: no Office menu, nothing but the unit's own page.
    static let unitHeader = """
        {{>documentHead}}
        <body class="unit">
        <header class="site"><p class="org">{{organization}}</p></header>
        <main id="main">
        <h1>{{title}}</h1>

        """

    static let unitReport = """
        {{>unitHeader}}
        {{#periodRange}}<p class="lead">Kỳ báo cáo {{periodRange}}. Liên kết dùng được đến hết ngày {{expiry}}.</p>{{/periodRange}}
        {{#requestDue}}<p class="lead">Báo cáo theo yêu cầu, hạn gửi {{requestDue}}. Liên kết dùng được đến hết ngày {{expiry}}.</p>{{/requestDue}}
        {{#received}}<p class="notice">Văn phòng đã nhận báo cáo kỳ này lúc {{received}}. Gửi lại sẽ thay thế báo cáo trước.</p>{{/received}}
        <section aria-labelledby="h-upload">
        <h2 id="h-upload">Gửi tệp báo cáo</h2>
        <form method="post" action="{{action}}" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field">
        <label for="report-file">Biểu mẫu Word đã điền (.docx) hoặc báo cáo Markdown (.md), tối đa 10 MB</label>
        <input id="report-file" name="{{uploadField}}" type="file" accept=".docx,.md"{{#uploadInvalid}} aria-invalid="true" aria-describedby="report-file-error"{{/uploadInvalid}}>
        {{#uploadInvalid}}<div class="error" id="report-file-error" role="alert">{{#uploadErrors}}<p>{{.}}</p>{{/uploadErrors}}</div>{{/uploadInvalid}}
        </div>
        <button type="submit">Tải lên báo cáo</button>
        </form>
        </section>
        <section aria-labelledby="h-form">
        <h2 id="h-form">Hoặc điền báo cáo trên trang này</h2>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="{{action}}" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#tasks}}
        <fieldset>
        <legend>{{id}} · {{title}} <span class="note">({{role}}; thời hạn: {{dueText}})</span></legend>
        <div class="field">
        <label for="status-{{n}}">Tình trạng</label>
        <select id="status-{{n}}" name="status-{{n}}">
        {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
        {{/options}}
        </select>
        </div>
        <div class="field">
        <label for="progress-{{n}}">Tiến độ (%)</label>
        <input id="progress-{{n}}" name="progress-{{n}}" type="number" min="0" max="100" inputmode="numeric" value="{{progress}}"{{#progressError}} aria-invalid="true" aria-describedby="progress-{{n}}-error"{{/progressError}}>
        {{#progressError}}<p class="error" id="progress-{{n}}-error">{{progressError}}</p>{{/progressError}}
        </div>
        <div class="field">
        <label for="note-{{n}}">Kết quả, ghi chú</label>
        <textarea id="note-{{n}}" name="note-{{n}}" rows="2">{{note}}</textarea>
        </div>
        </fieldset>
        {{/tasks}}
        <div class="field">
        <label for="highlights">1. Kết quả nổi bật</label>
        <textarea id="highlights" name="highlights" rows="4">{{highlights}}</textarea>
        </div>
        <div class="field">
        <label for="difficulties">2. Khó khăn, vướng mắc (mỗi dòng một nội dung)</label>
        <textarea id="difficulties" name="difficulties" rows="3">{{difficulties}}</textarea>
        </div>
        <div class="field">
        <label for="proposals">3. Đề xuất, kiến nghị (mỗi dòng một nội dung)</label>
        <textarea id="proposals" name="proposals" rows="3">{{proposals}}</textarea>
        </div>
        <button type="submit">Gửi báo cáo</button>
        </form>
        </section>
        {{>footer}}
        """

    static let unitReceipt = """
        {{>unitHeader}}
        <p class="notice" role="status">{{receipt}}</p>
        {{#mailedTo}}<p>Biên nhận này cũng được gửi qua thư điện tử đến {{mailedTo}}.</p>{{/mailedTo}}
        <p><a href="{{back}}">Xem lại hoặc gửi lại báo cáo</a></p>
        {{>footer}}
        """

    static let message = """
        {{>header}}
        <p>{{text}}</p>
        {{>footer}}
        """

    /// Readable, printable, high contrast (text #1a1a1a on white, links #0b4a8b: above 7:1).
    static let styleSheet = """
        :root { color-scheme: light; }
        body { font-family: "Liberation Sans", Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.5; }
        a { color: #0b4a8b; }
        a:focus, button:focus, select:focus, input:focus, textarea:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
        .skip { position: absolute; left: -10000px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        header.site { background: #f0f3f7; border-bottom: 1px solid #c5ccd6; padding: .5rem 1rem; }
        header.site .org { font-weight: bold; margin: 0; }
        nav ul { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: 1rem; }
        nav a { padding: .25rem 0; display: inline-block; }
        .user { margin: 0; font-size: .9rem; }
        main { padding: 0 1rem 2rem; max-width: 75rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #c5ccd6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #f0f3f7; }
        tr.late td { background: #fdecea; }
        tr.missing td { background: #fff4e0; }
        tr.ok td { background: #eaf6ec; }
        .note { color: #4a4a4a; }
        .notice { background: #eaf6ec; border: 1px solid #2e7d32; padding: .5rem; }
        .warning { background: #fff4e0; border: 1px solid #8a5300; border-left-width: .4rem; padding: .5rem; }
        .error { color: #a30000; font-weight: bold; margin: .25rem 0; }
        .field { margin: .75rem 0; }
        label { display: block; font-weight: bold; }
        input, select, textarea { font: inherit; padding: .4rem; min-width: 16rem; max-width: 100%; box-sizing: border-box; }
        input[type=file]::file-selector-button { font: inherit; padding: .5rem 1rem; min-height: 2.75rem; margin-right: .75rem; }
        .difficulty { border-top: 2px solid #c5ccd6; margin-top: 1.5rem; }
        form button { margin: 0 .5rem .5rem 0; }
        button.secondary { background: #4a4a4a; }
        button { font: inherit; padding: .5rem 1rem; background: #0b4a8b; color: #fff; border: 0; cursor: pointer; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; }
        footer.site { border-top: 1px solid #c5ccd6; padding: .5rem 1rem; font-size: .9rem; color: #4a4a4a; }
        .pager a { margin-right: 1rem; }
        fieldset { border: 1px solid #c5ccd6; margin: 1rem 0; padding: .5rem 1rem; }
        legend { font-weight: bold; padding: 0 .25rem; }
        @media (max-width: 40rem) {
          main { padding: 0 .75rem 2rem; }
          input, select, textarea, button { width: 100%; min-width: 0; font-size: 1.1rem; padding: .6rem; }
          button { min-height: 3rem; }
          dl.facts { grid-template-columns: 1fr; }
          table { font-size: .9rem; }
        }
        @media print {
          nav, form, .skip, .user { display: none; }
          header.site, thead th, tr.late td, tr.missing td, tr.ok td { background: none; }
          a { color: inherit; text-decoration: none; }
          main { max-width: none; }
        }
        """
}
