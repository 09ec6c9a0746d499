import Foundation

/// The words of every reason a unit's report is refused (DESIGN §7, §13), in the
/// organization's language: Vietnamese by default, English with
/// `organization.language: en` (DESIGN §6). Every channel shows these texts as they are
/// (`submit`'s output, the inbox's `.error` files, e-mail replies, the unit's page), so
/// one catalogue keeps them the same everywhere.
///
/// Only the words change: places (line and column, a form's row and column, the key
/// path), file names, ids and the values the unit wrote are given as they are.
package struct SubmissionMessages: Sendable {
    package let language: MessageLanguage

    package init(language: MessageLanguage) {
        self.language = language
    }

    package init(_ config: Config) {
        self.init(language: config.organization.language)
    }

    private var english: Bool { language == .english }

    private func pick(_ vietnamese: String, _ english: String) -> String {
        language.pick(vietnamese, english)
    }

    /// "; có phải là 'x'?" for a plausible typo, else "".
    private func hint(for word: String, in candidates: [String]) -> String {
        hint(Suggestion.typo(of: word, in: candidates))
    }

    private func hint(_ suggestion: String?) -> String {
        guard let suggestion else { return "" }
        return english ? YAMLProblem.englishHint(suggestion) : "; có phải là '\(suggestion)'?"
    }

    // MARK: - The file

    var unsupportedType: String {
        pick(
            "loại tệp không được nhận: hãy gửi báo cáo Markdown có phần thông tin đầu YAML (.md, .markdown), "
                + "riêng phần thông tin dưới dạng YAML (.yaml, .yml) hoặc biểu mẫu Word đã điền (.docx)",
            "unsupported file type: send a Markdown report with YAML front matter (.md, .markdown), "
                + "the fields alone as YAML (.yaml, .yml) or the filled Word form (.docx)")
    }

    var wordFormFromText: String {
        pick(
            "biểu mẫu Word được đọc từ nội dung tệp, không phải từ văn bản",
            "a Word form is read from the file's bytes, not from text")
    }

    func formTooLarge(size: Int, maximum: Int) -> String {
        pick(
            "tệp dài \(size) byte; biểu mẫu đã điền dài tối đa \(maximum) byte (tài liệu kèm theo đề nghị gửi riêng)",
            "the file is \(size) bytes; a filled form is at most \(maximum) bytes (send attachments separately)")
    }

    func reportTooLarge(size: Int, maximum: Int) -> String {
        pick(
            "tệp dài \(size) byte; một báo cáo dài tối đa \(maximum) byte văn bản (tài liệu kèm theo đề nghị gửi riêng)",
            "the file is \(size) bytes; a report is at most \(maximum) bytes of text (send attachments separately)")
    }

    var noSuchFile: String { pick("không có tệp này", "no such file") }
    var permissionDenied: String { pick("không đọc được (không có quyền đọc)", "cannot be read (permission denied)") }
    var cannotBeRead: String { pick("không đọc được", "cannot be read") }
    var isDirectory: String { pick("là thư mục, không phải tệp", "is a directory") }
    var notRegularFile: String { pick("không phải tệp thông thường", "not a regular file") }

    /// A file in the inbox that is a link or a device rather than the report itself.
    func notInboxFile(isLink: Bool) -> String {
        isLink
            ? pick(
                "là liên kết tượng trưng (symbolic link): hãy đặt chính tệp báo cáo vào thư mục inbox",
                "a symbolic link: put the report file itself in the inbox")
            : pick(
                "không phải tệp thông thường: hãy đặt chính tệp báo cáo vào thư mục inbox",
                "not a regular file: put the report file itself in the inbox")
    }

    func notUTF8(byte: UInt8) -> String {
        let shown = "0x" + String(byte, radix: 16, uppercase: true)
        return pick(
            "tệp không phải văn bản UTF-8 (byte \(shown) ở đây); hãy lưu lại tệp với bảng mã UTF-8 (Unicode)",
            "the file is not UTF-8 text (byte \(shown) here); save it as UTF-8 (Unicode)")
    }

    // MARK: - The e-mail message (DESIGN §12)

    /// An attachment that looks like a report but is over `maximum` bytes, which are whole megabytes.
    func attachmentTooLarge(size: Int, maximum: Int) -> String {
        let megabytes = size / (1024 * 1024)
        let limit = maximum / (1024 * 1024)
        return pick(
            "tệp đính kèm lớn hơn \(limit) MB (\(megabytes) MB): báo cáo không được nhận",
            "the attachment is larger than \(limit) MB (\(megabytes) MB): the report was not received")
    }

    /// A whole message over `maximum` bytes (whole megabytes), refused unread.
    func messageTooLarge(maximum: Int) -> String {
        let limit = maximum / (1024 * 1024)
        return pick(
            "Thư lớn hơn \(limit) MB nên không được đọc; đề nghị gửi riêng tệp báo cáo.",
            "The message is larger than \(limit) MB and was not read; send the report alone.")
    }

    // MARK: - Front matter and YAML

    var frontMatterMissing: String {
        pick(
            "báo cáo Markdown phải bắt đầu bằng phần thông tin đầu YAML: một dòng '---', các mục thông tin, "
                + "rồi một dòng '---' để đóng (hoặc gửi riêng phần thông tin dưới dạng tệp .yaml)",
            "a Markdown report must start with YAML front matter: a line '---', the fields, "
                + "then a closing line '---' (or send the fields alone as a .yaml file)")
    }

    var frontMatterUnclosed: String {
        pick(
            "phần thông tin đầu mở ở đây nhưng không được đóng: thêm một dòng '---' sau mục thông tin cuối cùng",
            "the front matter opened here is never closed: add a line '---' after the last field")
    }

    func empty(markdown: Bool) -> String {
        markdown
            ? pick(
                "phần thông tin đầu trống: báo cáo cần ít nhất hai mục 'unit' và 'report'",
                "the front matter is empty: a report needs at least 'unit' and 'report'")
            : pick(
                "tệp trống: báo cáo cần ít nhất hai mục 'unit' và 'report'",
                "the file is empty: a report needs at least 'unit' and 'report'")
    }

    /// The YAML reader's own problems (a wrong kind of value, a missing or unknown key, …).
    func yaml(_ problem: YAMLProblem) -> String {
        guard !english else { return problem.english }
        switch problem {
        case .wrongKind(let expected, .nothing):
            return "phải là \(Self.vietnamese(expected)), nhưng đang để trống"
        case .wrongKind(let expected, let found):
            return "phải là \(Self.vietnamese(expected)), không phải \(Self.vietnamese(found))"
        case .empty: return "không được để trống"
        case .multiline: return "phải viết trên một dòng (không xuống dòng, không có ký tự điều khiển)"
        case .controlCharacters: return "có ký tự điều khiển"
        case .notWholeNumber(let text): return "'\(text)' không phải là số nguyên"
        case .outOfRange(let value, let range):
            return "\(value) nằm ngoài khoảng cho phép (\(range.lowerBound)…\(range.upperBound))"
        case .notBoolean(let text): return "'\(text)' không phải giá trị đúng/sai (ghi true hoặc false)"
        case .notOneOf(let text, let options, let suggestion):
            return "'\(text)' không hợp lệ (hợp lệ: \(options.joined(separator: " | ")))" + hint(suggestion)
        case .keyNotPlain(let found): return "tên mục phải là một từ, không phải \(Self.vietnamese(found))"
        case .missingKey(let key): return "thiếu mục bắt buộc '\(key)'"
        case .unknownKey(let key, let known, let suggestion):
            return "không có mục '\(key)'" + hint(suggestion) + " (các mục hợp lệ: \(known.joined(separator: ", ")))"
        case .invalidSyntax(let problem): return "YAML sai cú pháp: \(problem)"
        case .duplicateKey(let key, let firstLine): return "mục '\(key)' bị lặp lại (lần đầu ở dòng \(firstLine))"
        case .unreadable(let problem): return "không đọc được YAML: \(problem)"
        }
    }

    private static func vietnamese(_ expected: YAMLProblem.Expected) -> String {
        switch expected {
        case .text: "văn bản"
        case .wholeNumber: "một số nguyên"
        case .boolean: "true hoặc false"
        case .list: "một danh sách"
        case .mapping: "một nhóm mục (khóa: giá trị)"
        case .oneOf(let names): "một trong các giá trị \(names.joined(separator: ", "))"
        case .month: "một tháng (YYYY-MM)"
        }
    }

    private static func vietnamese(_ found: YAMLProblem.Found) -> String {
        switch found {
        case .nothing: "giá trị trống"
        case .mapping: "một nhóm mục"
        case .list: "một danh sách"
        case .alias: "một tham chiếu YAML (alias)"
        case .scalar(let text): "'\(text)'"
        }
    }

    // MARK: - The fields

    var noMonthlyReport: String {
        pick(
            "Văn phòng không nhận báo cáo tháng (cấu hình không có reports.monthly)",
            "this office takes no monthly report (the config has no reports.monthly)")
    }

    func unknownReport(_ id: String, choices: [String]) -> String {
        pick(
            "không có báo cáo '\(id)' (ghi 'monthly', 'difficulty' hoặc mã một báo cáo theo yêu cầu: "
                + "\(Suggestion.list(choices)))",
            "unknown report '\(id)' (expected 'monthly', 'difficulty' or a request id: \(Suggestion.list(choices)))")
            + hint(for: id, in: choices)
    }

    func requestWithoutDueDate(_ id: String, due: String) -> String {
        pick(
            "báo cáo theo yêu cầu '\(id)' chưa có hạn gửi (due: '\(due)'); Văn phòng cần đặt hạn trong cấu hình "
                + "trước khi nhận báo cáo",
            "request '\(id)' has no due date yet (due: '\(due)'); the Office must set one "
                + "in the config before answers can be received")
    }

    func unknownUnit(_ id: String, known: [String]) -> String {
        pick(
            "không có đơn vị '\(id)' (các đơn vị: \(Suggestion.list(known)))",
            "unknown unit '\(id)' (known: \(Suggestion.list(known)))") + hint(for: id, in: known)
    }

    /// The report a unit is not among the senders of.
    enum Asked {
        case monthly
        case request(String)
        case difficulties
    }

    func unitNotAsked(_ id: String, for report: Asked, from units: [String]) -> String {
        let list = Suggestion.list(units)
        return switch report {
        case .monthly:
            pick(
                "đơn vị '\(id)' không thuộc các đơn vị gửi báo cáo tháng (reports.monthly.from: \(list))",
                "unit '\(id)' is not asked for the monthly report (reports.monthly.from: \(list))")
        case .request(let request):
            pick(
                "đơn vị '\(id)' không thuộc các đơn vị gửi báo cáo theo yêu cầu '\(request)' (from: \(list))",
                "unit '\(id)' is not asked for request '\(request)' (from: \(list))")
        case .difficulties:
            pick(
                "đơn vị '\(id)' không thuộc các đơn vị được nêu vướng mắc (units: \(list))",
                "unit '\(id)' is not asked for difficulties (units: \(list))")
        }
    }

    func notAMonth(_ text: String) -> String {
        pick(
            "'\(text)' không phải là một tháng (ghi theo dạng YYYY-MM, ví dụ 2024-03)",
            "'\(text)' is not a month (expected YYYY-MM, e.g. 2024-03)")
    }

    var periodOnDifficultyReport: String {
        pick(
            "báo cáo vướng mắc không có kỳ báo cáo: bỏ mục 'period' (vướng mắc có thể nêu bất cứ lúc nào)",
            "a difficulty report has no period: remove 'period' (difficulties can be raised at any time)")
    }

    func periodOnRequest(_ id: String, due: String) -> String {
        pick(
            "báo cáo theo yêu cầu không có kỳ báo cáo: bỏ mục 'period' (báo cáo '\(id)' có hạn '\(due)'); "
                + "mục 'period' chỉ dùng cho báo cáo tháng",
            "a request has no period: remove 'period' (request '\(id)' is due '\(due)'); "
                + "'period' is for monthly reports only")
    }

    var periodMissing: String {
        pick(
            "thiếu mục bắt buộc 'period' (tháng báo cáo, dạng YYYY-MM)",
            "missing required key 'period' (the month reported on, YYYY-MM)")
    }

    func periodOutsidePlanYear(_ period: String, planYear: Int) -> String {
        pick(
            "kỳ \(period) nằm ngoài năm kế hoạch \(planYear) (organization.plan_year)",
            "period \(period) is outside the plan year \(planYear) (organization.plan_year)")
    }

    func periodNotBegun(_ period: ReportPeriod, receivedOn: LocalDate) -> String {
        let span = "\(period.start.vietnameseNumeric)–\(period.end.vietnameseNumeric)"
        return pick(
            "kỳ \(period) (\(span)) chưa bắt đầu vào ngày \(receivedOn.vietnameseNumeric), ngày nhận báo cáo này",
            "period \(period) (\(span)) has not begun on \(receivedOn.vietnameseNumeric), when this report was received"
        )
    }

    func unknownTask(_ id: String, known: [String]) -> String {
        pick(
            "không có nhiệm vụ '\(id)' trong kế hoạch (các nhiệm vụ: \(Suggestion.list(known)))",
            "unknown task '\(id)' (known: \(Suggestion.list(known)))") + hint(for: id, in: known)
    }

    func taskOfAnotherUnit(_ id: String, unit: String, lead: String, unitTasks: [String]) -> String {
        if english {
            let yours = unitTasks.isEmpty ? "it has no tasks" : "its tasks: \(Suggestion.list(unitTasks))"
            return "task '\(id)' is not one of unit '\(unit)' (led by '\(lead)'; \(yours)); "
                + "the Office records other tasks' status"
        }
        let yours =
            unitTasks.isEmpty ? "đơn vị không có nhiệm vụ nào" : "nhiệm vụ của đơn vị: \(Suggestion.list(unitTasks))"
        return "nhiệm vụ '\(id)' không phải của đơn vị '\(unit)' (đơn vị chủ trì: '\(lead)'; \(yours)); "
            + "tình trạng các nhiệm vụ khác do Văn phòng cập nhật"
    }

    func taskListedTwice(_ id: String, firstLine: Int) -> String {
        pick(
            "nhiệm vụ '\(id)' được ghi hai lần (lần đầu ở dòng \(firstLine))",
            "task '\(id)' is listed twice (first at line \(firstLine))")
    }

    func difficultyReportExtraKey(_ key: String) -> String {
        pick(
            "báo cáo vướng mắc chỉ gồm mục 'difficulties': bỏ mục '\(key)' (mục này gửi kèm báo cáo tháng)",
            "a difficulty report carries only 'difficulties': remove '\(key)' (send it with the monthly report)")
    }

    var difficultiesMissing: String {
        pick(
            "thiếu mục bắt buộc 'difficulties' (danh sách, mỗi mục là một đoạn văn bản hoặc {text, task})",
            "missing required key 'difficulties' (a list: each a text, or {text, task})")
    }

    func owesNoReport(unit: String, report: String) -> String {
        pick(
            "theo cấu hình hiện hành, đơn vị '\(unit)' không phải gửi báo cáo '\(report)'",
            "unit '\(unit)' owes no report '\(report)' under this config")
    }

    // MARK: - The Word form (DESIGN §13; places name the form's own rows, columns and sections)

    func formXMLDamaged(offset: Int, detail: String) -> String {
        pick(
            "nội dung tệp .docx bị hỏng (XML sai ở byte \(offset): \(detail)): hãy mở bằng Word, lưu lại rồi gửi lại",
            "the .docx content is damaged (bad XML at byte \(offset): \(detail)): open it in Word, save it and send it again"
        )
    }

    var notTheOfficeForm: String {
        pick(
            "không phải mẫu báo cáo của Văn phòng: không tìm thấy dòng '\(ReportFormText.codeLabel) …' "
                + "(hãy dùng mẫu được gửi kèm thư nhắc, hoặc lấy mẫu mới bằng 'nhacviec form')",
            "not the Office's report form: no line '\(ReportFormText.codeLabel) …' was found "
                + "(use the form attached to the reminder, or get a new one with 'nhacviec form')")
    }

    var formTaskIDEmpty: String {
        pick(
            "trống: ghi mã nhiệm vụ như trong kế hoạch (ví dụ II.3)",
            "empty: write the task's id as in the plan (e.g. II.3)")
    }

    /// A status cell that is empty (`value` "") or none of the form's words.
    func formStatusInvalid(_ value: String) -> String {
        let list = ReportFormText.statusList
        if value.isEmpty { return pick("trống (hợp lệ: \(list))", "empty (valid: \(list))") }
        return pick("'\(value)' không hợp lệ (hợp lệ: \(list))", "'\(value)' is not valid (valid: \(list))")
    }

    func formProgressInvalid(_ value: String) -> String {
        pick("'\(value)' không phải số phần trăm từ 0 đến 100", "'\(value)' is not a percentage from 0 to 100")
    }

    var formEncryptedOrOldWord: String {
        pick(
            "tệp được đặt mật khẩu (mã hóa) hoặc là định dạng Word cũ (.doc): hãy bỏ mật khẩu và lưu lại "
                + "dưới dạng Word Document (.docx) rồi gửi lại",
            "the file is password-protected (encrypted) or in the old Word format (.doc): remove the password "
                + "and save it as a Word Document (.docx), then send it again")
    }

    var formNotDocx: String {
        pick(
            "tệp không phải văn bản Word (.docx): hãy gửi lại mẫu báo cáo đã điền, lưu dưới dạng .docx",
            "the file is not a Word document (.docx): send the filled report form again, saved as .docx")
    }

    func formFileTooLarge(size: Int, maximum: Int) -> String {
        pick(
            "tệp dài \(size) byte, quá giới hạn \(maximum) byte của một mẫu báo cáo",
            "the file is \(size) bytes, over the \(maximum)-byte limit of a report form")
    }

    var formZipDamaged: String {
        pick(
            "tệp .docx bị hỏng (không đọc được gói ZIP): hãy mở bằng Word, lưu lại rồi gửi lại",
            "the .docx file is damaged (its ZIP package cannot be read): open it in Word, save it and send it again")
    }

    func formTooManyParts(_ maximum: Int) -> String {
        pick(
            "tệp .docx có hơn \(maximum) thành phần: không phải mẫu báo cáo",
            "the .docx file has more than \(maximum) parts: it is not a report form")
    }

    var formNoDocument: String {
        pick(
            "tệp .docx không có nội dung văn bản (word/document.xml): không phải mẫu báo cáo",
            "the .docx file has no document text (word/document.xml): it is not a report form")
    }

    func formPartDeclaredTooLarge(_ part: String, size: UInt64, maximum: Int) -> String {
        pick(
            "phần \(part) khai báo \(size) byte khi giải nén, quá giới hạn \(maximum) byte: tệp bị từ chối "
                + "(có thể là \"bom nén\")",
            "part \(part) declares \(size) bytes uncompressed, over the \(maximum)-byte limit: the file is refused "
                + "(it may be a \"zip bomb\")")
    }

    func formPartTooLarge(_ part: String, maximum: Int) -> String {
        pick(
            "phần \(part) giải nén ra hơn \(maximum) byte: tệp bị từ chối (có thể là \"bom nén\")",
            "part \(part) inflates to more than \(maximum) bytes: the file is refused (it may be a \"zip bomb\")")
    }

    func formPartUnreadable(_ part: String) -> String {
        pick(
            "tệp .docx bị hỏng hoặc được đặt mật khẩu (phần \(part) không giải nén được): "
                + "hãy mở bằng Word, bỏ mật khẩu nếu có, lưu lại rồi gửi lại",
            "the .docx file is damaged or password-protected (part \(part) cannot be inflated): "
                + "open it in Word, remove any password, save it and send it again")
    }

    func formPartNotUTF8(_ part: String) -> String {
        pick(
            "phần \(part) không phải văn bản UTF-8: tệp .docx bị hỏng",
            "part \(part) is not UTF-8 text: the .docx file is damaged")
    }
}
