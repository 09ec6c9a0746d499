import Foundation
import NhacViecTestSupport
import Testing

/// `nhacviec serve` against the real binary, on a state the daemon built with `run --once`.
/// The fixture's task II.3 (lead phong-qldt) is due Fri 29/03/2024.
@Suite(.serialized) struct WebServeTests {
    /// A state with reminders sent on 22/03 and 03/04 (II.3 then 5 days overdue).
    static func fixture() throws -> WebFixture {
        try fixture(WebFixture())
    }

    static func fixture(_ web: WebFixture) throws -> WebFixture {
        try web.runOnce("2024-03-22T08:05:00+07:00")
        try web.runOnce("2024-04-03T08:05:00+07:00")
        return web
    }

    @Test func theDashboardShowsReportsOverdueTasksAndUpcomingDeadlines() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let page = try web.office("/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        let csp = try #require(page.headers["content-security-policy"])
        #expect(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline") && !csp.contains("script-src"))
        let html = page.text
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("Tổng quan tình hình thực hiện"))
        // The March report (due day 16 = Sat 16/03, moved to Mon 18/03) never came: missing.
        #expect(html.contains("Hạn nộp: <strong>18/03/2024</strong>"))
        #expect(html.contains("Phòng Quản lý đầu tư</a></td><td>Chưa gửi"))
        // II.3 is overdue by 5 days, under its area.
        #expect(html.contains("<h3>Cải cách thể chế</h3>"))
        #expect(html.contains("<a href=\"/tasks/II.3\">II.3</a>"))
        #expect(html.contains("<td>5 ngày</td>"))
        // The next 10 working days hold April's reports (Tue 16/04).
        #expect(html.contains("Thứ Ba, 16/04/2024"))
        #expect(html.contains("Lần chạy gần nhất của dịch vụ nhắc việc: 03/04/2024 08:05"))
        #expect(!html.contains("<script"))
        // The legacy MD5 line was ignored with a log line, the bcrypt login still works.
        #expect(web.log.contains("line ignored"))
    }

    @Test func everyOfficePageAnswersAndEscapesWhatItShows() throws {
        let web = try WebFixture(extraConfig: "")
        // A title with markup: it must come out as text.
        let config = try String(contentsOfFile: web.daemon.configPath, encoding: .utf8)
            .replacingOccurrences(
                of: "title: Rà soát văn bản quy phạm pháp luật",
                with: "title: \"Rà soát <b onmouseover='x'>văn bản</b> & \\\"quy phạm\\\"\"")
        try web.daemon.write(config)
        try web.daemon.runOnce("2024-04-03T08:05:00+07:00")
        try web.start(now: "2024-04-03T09:00:00+07:00")
        for path in [
            "/", "/units", "/units/phong-qldt", "/tasks", "/tasks/II.3", "/periods", "/periods/2024-03", "/calendar",
            "/calendar/2024",
        ] {
            let page = try web.office(path)
            #expect(page.status == 200, "\(path)")
            #expect(!page.text.contains("<b onmouseover"), "\(path)")
        }
        let task = try web.office("/tasks/II.3").text
        #expect(task.contains("Rà soát &lt;b onmouseover=&#39;x&#39;&gt;văn bản&lt;/b&gt; &amp; &quot;quy phạm&quot;"))
        #expect(try web.office("/units/khong-co").status == 404)
        #expect(try web.office("/tasks/IX.9").status == 404)
        // The calendar of 2024: Tết, Giỗ Tổ, the announced-style days and the monthly counts.
        let calendar = try web.office("/calendar/2024").text
        #expect(calendar.contains("10/02/2024"))
        #expect(calendar.contains("Nghỉ bù"))
        #expect(calendar.contains("Số ngày làm việc theo tháng"))
    }

    @Test func withoutOrWithWrongCredentialsEveryOfficeURLIs401WithoutAHint() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        for path in ["/", "/units", "/tasks/II.3", "/periods/2024-03/report.md", "/calendar", "/ics/all.ics"] {
            let anonymous = try web.request(path)
            #expect(anonymous.status == 401, "\(path)")
            #expect(anonymous.headers["www-authenticate"]?.hasPrefix("Basic realm=") == true)
        }
        let wrongPassword = try web.request("/", auth: (WebFixture.user, "sai"))
        let unknownUser = try web.request("/", auth: ("khong-co", WebFixture.password))
        let legacyUser = try web.request("/", auth: ("cu", "anything"))
        #expect(wrongPassword.status == 401 && unknownUser.status == 401 && legacyUser.status == 401)
        #expect(wrongPassword.body == unknownUser.body)
        #expect(try web.request("/", headers: ["Authorization: Basic !!!"]).status == 401)
        // /metrics and /healthz need no login.
        #expect(try web.request("/metrics").status == 200)
        #expect(try web.request("/healthz").status == 200)
    }

    @Test func theOfficeSetsATaskStatusWithTheCSRFTokenAndTheDaemonStopsReminding() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let token = try web.csrfToken(on: "/tasks/II.3")
        // No token, a forged token, or another user's: 403, nothing recorded.
        let missing = try web.request(
            "/tasks/II.3/status", method: "POST", auth: (WebFixture.user, WebFixture.password),
            form: [("status", "done")])
        #expect(missing.status == 403)
        let forged = try web.request(
            "/tasks/II.3/status", method: "POST", auth: (WebFixture.user, WebFixture.password),
            form: [("csrf", "9999999999.AAAA"), ("status", "done")])
        #expect(forged.status == 403)
        // An out-of-range progress: the form comes back with the error beside the field, values kept.
        let invalid = try web.request(
            "/tasks/II.3/status", method: "POST", auth: (WebFixture.user, WebFixture.password),
            form: [("csrf", token), ("status", "done"), ("progress", "150"), ("note", "Đã trình ký")])
        #expect(invalid.status == 422)
        #expect(invalid.text.contains("id=\"progress-error\">Tiến độ là một số nguyên từ 0 đến 100."))
        #expect(invalid.text.contains(">Đã trình ký</textarea>"))
        #expect(try web.office("/tasks/II.3").text.contains("Chưa có ai báo cáo"))

        let saved = try web.request(
            "/tasks/II.3/status", method: "POST", auth: (WebFixture.user, WebFixture.password),
            form: [("csrf", token), ("status", "done"), ("progress", "100"), ("note", "Đã ban hành QĐ 45")])
        #expect(saved.status == 303)
        #expect(saved.headers["location"] == "/tasks/II.3?saved=1")
        let page = try web.office("/tasks/II.3?saved=1").text
        #expect(page.contains("Đã lưu tình trạng mới."))
        #expect(page.contains("<strong>Đã hoàn thành</strong>"))
        #expect(page.contains("Trang web, vanphong"))
        #expect(page.contains("Đã ban hành QĐ 45"))
        #expect(!(try web.office("/").text.contains("<a href=\"/tasks/II.3\">II.3</a>")))
        // The daemon reads the same store: the next overdue reminder for II.3 is not sent.
        try web.daemon.runOnce("2024-04-10T08:05:00+07:00")
        let names = web.daemon.outboxFiles().map { ($0 as NSString).lastPathComponent }
        #expect(!names.contains { $0.contains("II.3") && $0.contains("overdue-2") })
    }

    @Test func bodiesOver10MBAreRefusedWith413() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let big = web.daemon.directory.file("big.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024 + 10).write(to: URL(fileURLWithPath: big))
        let result = try web.request(
            "/tasks/II.3/status", method: "POST", auth: (WebFixture.user, WebFixture.password), bodyFile: big)
        #expect(result.status == 413)
    }

    @Test func reportDownloadsTakeOnlyAValidPeriodAndFormat() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let docx = try web.office("/periods/2024-03/report.docx")
        #expect(docx.status == 200)
        #expect(docx.headers["content-disposition"] == "attachment; filename=\"bao-cao-cchc-2024-03.docx\"")
        #expect(docx.body.starts(with: Array("PK".utf8)))
        let markdown = try web.office("/periods/2024-03/report.md")
        #expect(markdown.status == 200 && markdown.text.contains("BÁO CÁO"))
        for path in [
            "/periods/2024-13/report.md", "/periods/2024-3/report.md", "/periods/2024-03/report.exe",
            "/periods/2024-03/../../state.sqlite", "/periods/..%2F..%2Fstate/report.md",
            "/periods/2024-03/report.md%00.docx", "/periods/2024-03/..%2Fstate.sqlite", "/periods/%2e%2e/report.md",
            "/periods/2024-03/report.", "/periods/2024-03/state.sqlite",
        ] {
            let result = try web.office(path)
            #expect(result.status == 404, "\(path) answered \(result.status)")
            #expect(!result.body.starts(with: Array("SQLite".utf8)), "\(path)")
        }
    }

    @Test func unitCalendarsNeedTheirSignatureAndFollowRFC5545() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let link = try BinaryRunner.run(
            ["link", "-c", web.daemon.configPath, "--unit", "phong-qldt", "--ics"],
            environment: ["NHACVIEC_WEB_SECRET": WebFixture.secret])
        #expect(link.status == 0, "\(link.stderr)")
        let url = link.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url.hasPrefix("https://nhacviec.example.gov.vn/ics/phong-qldt.ics?sig="))
        let path = String(url.dropFirst("https://nhacviec.example.gov.vn".count))
        let feed = try web.request(path)
        #expect(feed.status == 200)
        #expect(feed.headers["content-type"] == "text/calendar; charset=utf-8")
        let file = web.daemon.directory.file("unit.ics")
        try feed.body.write(to: URL(fileURLWithPath: file))
        let check = try TestSupport.run(TestSupport.python, [TestSupport.script("check_ics.py"), file, "II.3"])
        #expect(check.status == 0, "\(String(decoding: check.output, as: UTF8.self))")

        // Forged, another unit's, or no signature: one 403 for all.
        let sig = String(path.split(separator: "=").last ?? "")
        let forged = try web.request("/ics/phong-qldt.ics?sig=" + String(sig.reversed()))
        let otherUnit = try web.request("/ics/phong-tc.ics?sig=" + sig)
        let none = try web.request("/ics/phong-qldt.ics")
        let unknown = try web.request("/ics/khong-co.ics?sig=" + sig)
        #expect(forged.status == 403 && otherUnit.status == 403 && none.status == 403 && unknown.status == 403)
        #expect(forged.body == unknown.body)
        // The Office's feed of every duty.
        let all = try web.office("/ics/all.ics")
        #expect(all.status == 200)
        try all.body.write(to: URL(fileURLWithPath: file))
        let checkAll = try TestSupport.run(TestSupport.python, [TestSupport.script("check_ics.py"), file, "II.3"])
        #expect(checkAll.status == 0, "\(String(decoding: checkAll.output, as: UTF8.self))")
        // Stable UIDs: the same feed twice has the same UIDs.
        #expect(
            try web.office("/ics/all.ics").text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
                == all.text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") })
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/promtool")))
    func metricsPassPromtoolAndCountWhatTheStateHolds() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let metrics = try web.request("/metrics")
        #expect(metrics.status == 200)
        let text = metrics.text
        #expect(text.contains("nhacviec_overdue_tasks 1"))
        #expect(text.contains("nhacviec_reports_missing 2"))
        #expect(text.contains("nhacviec_deliveries{status=\"dead\",channel=\"email\"} 0"))
        #expect(text.contains("nhacviec_last_pass_timestamp_seconds 1712106300"))
        #expect(text.contains("nhacviec_web_requests_refused_total{reason=\"busy\"} 0\n"))
        #expect(!text.contains("phong-qldt") && !text.contains("Phòng"))
        let file = web.daemon.directory.file("metrics.txt")
        try metrics.body.write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/promtool")
        process.arguments = ["check", "metrics"]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(said)")
    }

    @Test func healthIs503WhenTheDaemonsLastPassIsOlderThanTwoHours() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T11:00:00+07:00")
        let stale = try web.request("/healthz")
        #expect(stale.status == 503)
        #expect(stale.text.contains("last pass was at 2024-04-03T08:05:00+07:00"))
        web.stop()
        let fresh = try WebFixture()
        try fresh.start(now: "2024-04-03T09:00:00+07:00")
        let none = try fresh.request("/healthz")
        #expect(none.status == 503)
        #expect(none.text.contains("never run"))
    }

    @Test func aUsersFileWithABcryptCostAbove14IsRefusedAtStartAndOnReload() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let users = web.daemon.directory.file("web-users")
        let good = try String(contentsOfFile: users, encoding: .utf8)
        // The shape of `htpasswd -B -C 15`'s line; nothing runs bcrypt on it.
        try (good + "lanhdao:$2y$15$" + String(repeating: "a", count: 53) + "\n")
            .write(toFile: users, atomically: true, encoding: .utf8)
        let line = good.split(separator: "\n").count + 1
        let message = "\(users):\(line): error: user 'lanhdao': bcrypt cost 15 is above 14"
        // On SIGHUP the old users are kept, and the log says which line.
        kill(try #require(web.processID), SIGHUP)
        #expect(eventually { web.log.contains("keeping the old config") }, "\(web.log)")
        #expect(web.log.contains(message), "\(web.log)")
        #expect(try web.office("/").status == 200)
        // At start: serve does not run.
        let refused = try BinaryRunner.run([
            "serve", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--listen",
            "127.0.0.1:\(try DaemonFixture.freePort())",
        ])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains(message), "\(refused.stderr)")
    }

    @Test func sighupReloadsTheConfigAndKeepsTheOldOneWhenItIsBroken() throws {
        let web = try Self.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let pid = try #require(web.processID)
        let good = try String(contentsOfFile: web.daemon.configPath, encoding: .utf8)
        try web.daemon.write("version: 1\norganization: { name: X, office: nowhere }\nunits: []\n")
        kill(pid, SIGHUP)
        #expect(eventually { web.log.contains("keeping the old one") })
        #expect(web.log.contains("unknown unit 'nowhere'"))
        #expect(try web.office("/").status == 200)
        // A valid change is taken: the unit's new name shows.
        try web.daemon.write(good.replacingOccurrences(of: "Phòng Tổ chức", with: "Phòng Tổ chức cán bộ"))
        kill(pid, SIGHUP)
        #expect(eventually { web.log.contains("config reloaded") })
        #expect(try web.office("/units").text.contains("Phòng Tổ chức cán bộ"))
    }
}

/// A real browser (Debian's Chromium through chromedriver and Selenium) on the Office pages
/// and the units' pages: one browser at a time, so a loaded machine is not loaded twice.
@Suite(.serialized) struct WebBrowserTests {
    static let available =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")

    /// Screenshots land in `.build/artifacts/web` (or `$NHACVIEC_ARTIFACTS/web`).
    static var artifacts: String {
        let root =
            ProcessInfo.processInfo.environment["NHACVIEC_ARTIFACTS"]
            ?? BinaryRunner.packageRoot.appendingPathComponent(".build/artifacts").path
        return root + "/web"
    }

    @Test(.enabled(if: available))
    func aClerkLogsInReadsTheDashboardDownloadsAReportAndSetsATaskStatus() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let result = try TestSupport.run(
            TestSupport.python,
            [TestSupport.script("web_browser.py"), web.base, WebFixture.user, WebFixture.password, Self.artifacts])
        let output = String(decoding: result.output, as: UTF8.self)
        #expect(result.status == 0, "\(output)\n\(web.log)")
        #expect(output.contains("browser checks passed"))
    }
}

/// Difficulties on the dashboard, in the metrics, and acted on from their page (DESIGN §14, §15).
@Suite struct WebDifficultyTests {
    @Test func theOfficeSeesOpenDifficultiesWithTheirAgeAndResolvesOneWithADirection() throws {
        let web = try WebServeTests.fixture()
        let report = web.daemon.directory.file("vuong-mac.md")
        try """
        ---
        unit: phong-qldt
        report: difficulty
        difficulties:
          - { text: "Chưa có hướng dẫn của Sở Nội vụ về <định biên>", task: II.3 }
        ---
        """.write(toFile: report, atomically: true, encoding: .utf8)
        let submitted = try BinaryRunner.run([
            "submit", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--now",
            "2024-03-25T10:00:00+07:00", report,
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        try web.start(now: "2024-04-03T09:00:00+07:00")

        let dashboard = try web.office("/").text
        #expect(dashboard.contains("Vướng mắc chưa giải quyết (1)"))
        #expect(dashboard.contains("Chưa có hướng dẫn của Sở Nội vụ về &lt;định biên&gt;"))
        #expect(dashboard.contains("<td>9 ngày</td>"))
        #expect(try web.request("/metrics").text.contains("nhacviec_open_difficulties 1"))

        let page = try web.office("/difficulties").text
        let id = try #require(page.range(of: "VM-2024-").map { String(page[$0.lowerBound...].prefix(9)) })
        let token = try web.csrfToken(on: "/difficulties")
        let auth = (WebFixture.user, WebFixture.password)
        // Resolving needs a direction: the error shows beside the note, nothing recorded.
        let empty = try web.request(
            "/difficulties/\(id)", method: "POST", auth: auth, form: [("csrf", token), ("action", "resolve")])
        #expect(empty.status == 422)
        #expect(empty.text.contains("-error\">Khi giải quyết, hãy ghi ý kiến chỉ đạo"))
        #expect(
            try web.request(
                "/difficulties/\(id)", method: "POST", auth: auth, form: [("action", "resolve"), ("note", "x")]
            ).status == 403)
        let resolved = try web.request(
            "/difficulties/\(id)", method: "POST", auth: auth,
            form: [
                ("csrf", token), ("action", "resolve"), ("note", "Ý kiến chỉ đạo: Sở Nội vụ hướng dẫn trong tháng 4"),
            ])
        #expect(resolved.status == 303)
        // The CLI reads the same record.
        let list = try BinaryRunner.run([
            "difficulty", "list", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--format", "json",
        ])
        #expect(list.stdout.contains("\"status\":\"resolved\""), "\(list.stdout)")
        #expect(list.stdout.contains("Sở Nội vụ hướng dẫn trong tháng 4"))
        #expect(try web.office("/").text.contains("Vướng mắc chưa giải quyết (0)"))
        #expect(try web.request("/metrics").text.contains("nhacviec_open_difficulties 0"))
        #expect(
            try web.request(
                "/difficulties/VM-2099-9", method: "POST", auth: auth, form: [("csrf", token), ("action", "withdraw")]
            ).status == 404)
    }
}

/// Units report through a signed link (DESIGN §15 unit pages).
@Suite struct WebUnitLinkTests {
    static func link(_ web: WebFixture, unit: String, period: String) throws -> String {
        let result = try BinaryRunner.run(
            ["link", "-c", web.daemon.configPath, "--unit", unit, "--period", period],
            environment: ["NHACVIEC_WEB_SECRET": WebFixture.secret])
        guard result.status == 0 else { throw TestFailure("link failed: \(result.stderr)") }
        return String(
            result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(
                "https://nhacviec.example.gov.vn".count))
    }

    @Test func aUnitReportsThroughItsLinkWithErrorsBesideFieldsAndTheOfficeSeesIt() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let path = try Self.link(web, unit: "phong-qldt", period: "2024-03")
        // 2024-03 ends 14/03; + 45 days = 28/04.
        #expect(path.hasPrefix("/u/phong-qldt/2024-03/2024-04-28/"))
        let page = try web.request(path)
        #expect(page.status == 200)
        #expect(page.text.contains("II.3 · Rà soát văn bản quy phạm pháp luật"))
        #expect(!page.text.contains("Tổng quan"))  // no Office menu
        let token = try #require(
            page.text.range(of: "name=\"csrf\" value=\"").map {
                String(page.text[$0.upperBound...].prefix { $0 != "\"" })
            })
        let bad = try web.request(
            path, method: "POST",
            form: [
                ("csrf", token), ("status-0", "in_progress"), ("progress-0", "abc"), ("note-0", "Đang rà soát"),
                ("highlights", "Kết quả nổi bật của phòng"),
            ])
        #expect(bad.status == 422)
        #expect(bad.text.contains("id=\"progress-0-error\">Tiến độ là một số nguyên từ 0 đến 100."))
        #expect(
            bad.text.contains(">Đang rà soát</textarea>") && bad.text.contains(">Kết quả nổi bật của phòng</textarea>"))
        let good = try web.request(
            path, method: "POST",
            form: [
                ("csrf", token), ("status-0", "in_progress"), ("progress-0", "60"), ("note-0", "Đang rà soát"),
                ("highlights", "Kết quả nổi bật"), ("difficulties", "Thiếu hướng dẫn\nThiếu kinh phí"),
            ])
        #expect(good.status == 200, "\(good.text)")
        #expect(good.text.contains("role=\"status\""))
        // The Office sees the report (late: due 18/03) and the status the unit gave.
        let period = try web.office("/periods/2024-03").text
        #expect(period.contains("Phòng Quản lý đầu tư</a></td><td>Chậm 16 ngày"))
        // Past its due date the task still counts as overdue; its history has the unit's status.
        #expect(try web.office("/tasks/II.3").text.contains("<td>Đang thực hiện</td><td>60%</td><td>Đang rà soát</td>"))
        #expect(try web.office("/").text.contains("Vướng mắc chưa giải quyết (2)"))
    }

    @Test func forgedExpiredOrOtherUnitsLinksGetOne403AndPostsAreLimited() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let path = try Self.link(web, unit: "phong-qldt", period: "2024-03")
        let parts = path.split(separator: "/").map(String.init)  // u, unit, period, expiry, sig
        let forged = try web.request("/u/phong-qldt/2024-03/2024-04-28/" + String(parts[4].reversed()))
        let otherUnit = try web.request("/u/phong-tc/2024-03/2024-04-28/" + parts[4])
        let longer = try web.request("/u/phong-qldt/2024-03/2024-12-31/" + parts[4])
        #expect(forged.status == 403 && otherUnit.status == 403 && longer.status == 403)
        #expect(forged.body == otherUnit.body)
        // An old period's link has expired: 2024-01 ended 14/01, + 45 days = 28/02 < 03/04.
        let old = try Self.link(web, unit: "phong-qldt", period: "2024-01")
        #expect(try web.request(old).status == 403)
        // No CSRF: 403; the 21st POST within the hour: 429.
        #expect(try web.request(path, method: "POST", form: [("status-0", "done")]).status == 403)
        for _ in 0..<19 { _ = try web.request(path, method: "POST", form: [("x", "y")]) }
        #expect(try web.request(path, method: "POST", form: [("x", "y")]).status == 429)
        #expect(try web.request(path).status == 200)
    }
}

/// The receipt of a report taken on a unit's page goes out by e-mail through the ledger:
/// `serve` records it and wakes the daemon; the daemon's pass sends it, once (DESIGN §10, §15).
@Suite struct WebUnitReceiptMailTests {
    static func replies(_ web: WebFixture) -> Set<String> {
        Set(web.daemon.outboxFiles().filter { ($0 as NSString).lastPathComponent.hasPrefix("reply") })
    }

    @Test func anAcceptedReportIsMailedToTheUnitOnceOnTheDaemonsNextPass() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let path = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let page = try web.request(path)
        let token = try #require(
            page.text.range(of: "name=\"csrf\" value=\"").map {
                String(page.text[$0.upperBound...].prefix { $0 != "\"" })
            })
        let wake = web.daemon.statePath + "/wake"
        // `run --once` watches nothing, so made no wake file; the page's POST makes it.
        try? FileManager.default.removeItem(atPath: wake)
        let answer: [(String, String)] = [
            ("csrf", token), ("status-0", "done"), ("progress-0", "100"), ("note-0", "Đã ban hành QĐ 45"),
            ("highlights", "Hoàn thành rà soát"),
        ]
        let accepted = try web.request(path, method: "POST", form: answer)
        #expect(accepted.status == 200, "\(accepted.text)")
        #expect(accepted.text.contains("Biên nhận này cũng được gửi qua thư điện tử đến qldt@example.gov.vn."))
        // serve sends nothing itself: it recorded the message and touched the wake file.
        #expect(Self.replies(web).isEmpty)
        #expect(FileManager.default.fileExists(atPath: wake))

        // No intake mailbox is configured: the pass itself sends what is due in the ledger.
        try web.daemon.runOnce("2024-04-03T09:05:00+07:00")
        let sent = Self.replies(web)
        #expect(sent.count == 1, "\(web.daemon.outboxFiles())")
        let mail = try ParsedEmail.parse(file: try #require(sent.first))
        #expect(mail.to.map(\.address) == ["qldt@example.gov.vn"])
        #expect(mail.subject == "Đã nhận báo cáo: Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3/2024")
        #expect(mail.auto_submitted == "auto-generated")
        let text = mail.parts.compactMap(\.text).joined()
        #expect(text.contains("đã nhận báo cáo đơn vị gửi qua trang báo cáo trực tuyến lúc 09:00 ngày 03/04/2024"))
        #expect(text.contains("của Phòng Quản lý đầu tư"))
        #expect(text.contains("chậm 16 ngày (hạn 18/03/2024)"))
        #expect(text.contains("Nhiệm vụ đã cập nhật: II.3: Đã hoàn thành (100%)"))

        // The same answer again (a double click) is no new report: no second receipt.
        #expect(try web.request(path, method: "POST", form: answer).status == 200)
        try web.daemon.runOnce("2024-04-03T09:10:00+07:00")
        #expect(Self.replies(web) == sent)
        // A changed answer replaces the report and gets its own receipt.
        var changed = answer
        changed[4] = ("highlights", "Hoàn thành rà soát, đã công bố")
        #expect(try web.request(path, method: "POST", form: changed).status == 200)
        try web.daemon.runOnce("2024-04-03T09:15:00+07:00")
        #expect(Self.replies(web).count == 2)
    }
}
