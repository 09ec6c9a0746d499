import Foundation
import NhacViecTestSupport
import Testing

/// The dashboard stays a glance page whatever the state holds (DESIGN §15): every list is
/// capped, with its full count and a link to a page that lists it all, a page at a time.
/// The state is the daemon's (`run --once`) on a board with more of everything than the caps.
@Suite(.serialized) struct WebDashboardCapTests {
    static let units = 35
    static let tasks = 105
    static let difficulties = 25

    /// 35 units reached by a webhook nothing listens on (their reminders stay retrying),
    /// 105 tasks of one area due in March (overdue on 03/04 by 5 to 33 days), monthly
    /// reports due on the 16th (35 deadlines in the next 10 working days), 25 open difficulties
    /// (two pages of `/difficulties`: 20 and 5).
    static func fixture() throws -> WebFixture {
        let web = try WebFixture()
        let closedPort = try DaemonFixture.freePort()
        var units = """
              - id: van-phong
                name: Văn phòng Ban Quản lý
                email: vanphong@example.gov.vn

            """
        for number in 1...Self.units {
            units += """
                  - id: \(unitID(number))
                    name: Đơn vị số \(number)
                    email: dv\(number)@example.gov.vn
                    webhooks: [hong]

                """
        }
        var tasks = ""
        for number in 1...Self.tasks {
            let day = 1 + (number - 1) % 28
            tasks += """
                  - id: II.\(number)
                    area: the_che
                    title: Nhiệm vụ thể chế số \(number)
                    lead: \(unitID(1 + (number - 1) % Self.units))
                    due: \(String(format: "%02d", day))/03/2024

                """
        }
        // The fixture's config (the Office, delivery, reports, web) with this board in place
        // of its units and task.
        let config = try String(contentsOfFile: web.daemon.configPath, encoding: .utf8)
        let board = try #require(config.range(of: "\nunits:\n"))
        let reports = try #require(config.range(of: "\nreports:\n"))
        try web.daemon.write(
            String(config[..<board.lowerBound])
                + "\nwebhooks:\n  - id: hong\n    url: http://127.0.0.1:\(closedPort)/\n"
                + "units:\n\(units)tasks:\n\(tasks)" + String(config[reports.lowerBound...]))
        let report = web.daemon.directory.file("vuong-mac.md")
        let items = (1...Self.difficulties).map { "  - \"Vướng mắc số \($0) của đơn vị\"" }.joined(separator: "\n")
        try "---\nunit: \(unitID(1))\nreport: difficulty\ndifficulties:\n\(items)\n---\n"
            .write(toFile: report, atomically: true, encoding: .utf8)
        let submitted = try BinaryRunner.run([
            "submit", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--now",
            "2024-03-25T10:00:00+07:00", report,
        ])
        guard submitted.status == 0 else { throw TestFailure("submit failed: \(submitted.stderr)") }
        try web.runOnce("2024-04-03T08:05:00+07:00")
        try web.start(now: "2024-04-03T09:00:00+07:00")
        return web
    }

    static func unitID(_ number: Int) -> String { "don-vi-" + String(format: "%02d", number) }

    /// The part of `html` from the heading with `id` to the next section's end.
    static func section(_ html: String, _ id: String) throws -> String {
        let start = try #require(html.range(of: "id=\"\(id)\""))
        let rest = html[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    static func count(_ text: String, _ needle: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The days of each `<td>N ngày</td>`, in page order.
    static func days(_ html: String) -> [Int] {
        html.components(separatedBy: "<td>").dropFirst().compactMap { cell in
            guard let end = cell.range(of: " ngày</td>") else { return nil }
            return Int(cell[..<end.lowerBound])
        }
    }

    @Test func everyListOnTheDashboardIsCappedWithItsCountAndALinkToTheRest() throws {
        let web = try Self.fixture()
        let page = try web.office("/")
        #expect(page.status == 200)
        let html = page.text

        let overdue = try Self.section(html, "h-overdue")
        #expect(overdue.contains("Nhiệm vụ quá hạn (\(Self.tasks))"))
        #expect(Self.count(overdue, "<tr class=\"late\">") == 10)
        #expect(
            overdue.contains(
                "<a href=\"/overdue/the_che\">Xem tất cả \(Self.tasks) nhiệm vụ quá hạn của lĩnh vực Cải cách thể chế</a>"
            ))
        // The most overdue first: due Fri 01/03, 33 days before 03/04.
        let shown = Self.days(overdue)
        #expect(shown.count == 10 && shown.first == 33 && shown == shown.sorted(by: >))

        let reports = try Self.section(html, "h-reports")
        #expect(Self.count(reports, "<tr class=") == 30)
        #expect(reports.contains("Chưa gửi: \(Self.units)."))
        #expect(
            reports.contains(
                "<a href=\"/periods/2024-03\">Xem tình hình nộp báo cáo của tất cả \(Self.units) đơn vị</a>"))

        let upcoming = try Self.section(html, "h-upcoming")
        #expect(upcoming.contains("đến 17/04/2024): \(Self.units)</h2>"))
        #expect(Self.count(upcoming, "<tr><td>") == 20)
        #expect(
            upcoming.contains("<a href=\"/upcoming\">Xem tất cả \(Self.units) thời hạn trong 10 ngày làm việc tới</a>"))

        let difficulties = try Self.section(html, "h-difficulties")
        #expect(difficulties.contains("Vướng mắc chưa giải quyết (\(Self.difficulties))"))
        #expect(Self.count(difficulties, "<tr><td><a href=\"/difficulties#") == 10)
        #expect(
            difficulties.contains(
                "<a href=\"/difficulties\">Xem tất cả \(Self.difficulties) vướng mắc chưa giải quyết</a>"))

        let deliveries = try Self.section(html, "h-deliveries")
        let stuck = try #require(
            deliveries.range(of: "Thư đang gửi lại hoặc thất bại (").map {
                Int(deliveries[$0.upperBound...].prefix { $0.isNumber }) ?? 0
            })
        #expect(stuck > 10)
        #expect(Self.count(deliveries, "<tr class=\"missing\">") == 10)
        #expect(deliveries.contains("<a href=\"/deliveries\">Xem tất cả \(stuck) thư đang gửi lại hoặc thất bại</a>"))

        // The full lists behind the links: every row, and no more than one page's worth.
        let deliveryPage = try web.office("/deliveries").text
        #expect(Self.count(deliveryPage, "<tr class=\"missing\">") == min(stuck, 100))
        let upcomingPage = try web.office("/upcoming").text
        #expect(Self.count(upcomingPage, "<tr><td>") == Self.units)
        #expect(Self.count(try web.office("/difficulties").text, "class=\"difficulty\"") == 20)
        #expect(Self.count(try web.office("/periods/2024-03").text, "<tr class=\"missing\">") == Self.units)
    }

    /// The ids of the difficulty sections of a `/difficulties` page, in page order.
    static func difficultyIDs(_ html: String) -> [String] {
        html.components(separatedBy: "<section class=\"difficulty\" id=\"").dropFirst().compactMap { rest in
            guard let h2 = rest.range(of: "<h2 id=\""), let heading = rest[h2.upperBound...].range(of: "-h\">"),
                let end = rest[heading.upperBound...].range(of: " · ")
            else { return nil }
            return String(rest[heading.upperBound..<end.lowerBound])
        }
    }

    @Test func theDifficultiesPageListsTwentyAPageAndComesBackToTheOneADifficultyIsOn() throws {
        let web = try Self.fixture()
        let first = try web.office("/difficulties")
        #expect(first.status == 200 && first.text.contains("Trang 1/2."))
        #expect(first.text.contains("<a href=\"/difficulties?page=2\" rel=\"next\">"))
        let second = try web.office("/difficulties?page=2")
        #expect(
            second.text.contains("Trang 2/2.") && second.text.contains("<a href=\"/difficulties?page=1\" rel=\"prev\">")
        )
        let firstIDs = Self.difficultyIDs(first.text)
        let secondIDs = Self.difficultyIDs(second.text)
        #expect(firstIDs.count == 20 && secondIDs.count == Self.difficulties - 20)
        #expect(Set(firstIDs + secondIDs).count == Self.difficulties)
        // The dashboard's ten, the oldest open ones, are on the first page.
        let dashboard = try Self.section(web.office("/").text, "h-difficulties")
        let shown = dashboard.components(separatedBy: "<a href=\"/difficulties#vm-").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        #expect(shown.count == 10 && Set(shown).isSubset(of: firstIDs), "\(shown)")
        // Past the end and not a number: the last and the first page, each with its notice.
        let past = try web.office("/difficulties?page=9")
        #expect(past.text.contains("Trang 2/2.") && past.text.contains("Không có trang 9: danh sách có 2 trang"))
        let malformed = try web.office("/difficulties?page=hai")
        #expect(malformed.text.contains("Trang 1/2.") && malformed.text.contains("“hai” không phải số trang"))

        // Resolved, the first page's first difficulty moves to the closed ones at the end:
        // the redirect's page is the one that now lists it.
        let auth = (WebFixture.user, WebFixture.password)
        let token = try web.csrfToken(on: "/difficulties")
        let moved = try #require(firstIDs.first)
        let resolved = try web.request(
            "/difficulties/\(moved)", method: "POST", auth: auth,
            form: [("csrf", token), ("action", "resolve"), ("note", "Đã có hướng dẫn")])
        #expect(resolved.status == 303)
        #expect(resolved.headers["location"] == "/difficulties?saved=\(moved)#vm-\(moved)")
        let saved = try web.office("/difficulties?saved=\(moved)")
        #expect(
            saved.text.contains("Trang 2/2.") && saved.text.contains("Đã ghi nhận thao tác với vướng mắc \(moved)."))
        #expect(Self.difficultyIDs(saved.text).last == moved)
        // A form sent back with its error is shown on its own page too (the last open one: on
        // the second page still, the first page's now starting one later).
        let later = try #require(secondIDs.last)
        let refused = try web.request(
            "/difficulties/\(later)", method: "POST", auth: auth, form: [("csrf", token), ("action", "resolve")])
        #expect(refused.status == 422 && refused.text.contains("Trang 2/2."))
        #expect(refused.text.contains("id=\"note-\(later)-error\">Khi giải quyết"))
    }

    @Test func anAreasOverduePageListsEveryTaskMostOverdueFirstAHundredAPage() throws {
        let web = try Self.fixture()
        let first = try web.office("/overdue/the_che")
        #expect(first.status == 200)
        #expect(first.text.contains("<h1>Nhiệm vụ quá hạn: Cải cách thể chế</h1>"))
        #expect(first.text.contains("\(Self.tasks) nhiệm vụ quá hạn"))
        #expect(first.text.contains("Trang 1/2."))
        #expect(first.text.contains("<a href=\"/overdue/the_che?page=2\" rel=\"next\">"))
        #expect(!first.text.contains("rel=\"prev\""))
        let second = try web.office("/overdue/the_che?page=2")
        #expect(second.text.contains("Trang 2/2."))
        #expect(second.text.contains("<a href=\"/overdue/the_che?page=1\" rel=\"prev\">"))
        let days = Self.days(first.text) + Self.days(second.text)
        #expect(Self.count(first.text, "<tr class=\"late\">") == 100)
        #expect(Self.count(second.text, "<tr class=\"late\">") == Self.tasks - 100)
        #expect(days.count == Self.tasks && days == days.sorted(by: >))
        // Every task once across the two pages.
        let ids = (first.text + second.text).components(separatedBy: "<a href=\"/tasks/II.").dropFirst()
            .compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(Set(ids) == Set(1...Self.tasks))
        // A page past the end shows the last; a page that is no number the first; each says so,
        // and what was asked for comes back escaped.
        let past = try web.office("/overdue/the_che?page=99")
        #expect(past.status == 200 && past.text.contains("Trang 2/2."))
        #expect(
            past.text.contains(
                "<h1>Nhiệm vụ quá hạn: Cải cách thể chế</h1>\n<p class=\"warning\" role=\"status\">"
                    + "Không có trang 99: danh sách có 2 trang; đây là trang cuối.</p>"))
        let malformed = try web.office("/overdue/the_che?page=%3Cb%3Ex")
        #expect(malformed.status == 200 && malformed.text.contains("Trang 1/2."))
        #expect(malformed.text.contains("“&lt;b&gt;x” không phải số trang; đây là trang đầu."))
        #expect(!malformed.text.contains("<b>"))
        #expect(!(try web.office("/overdue/the_che?page=2").text.contains("role=\"status\"")))
        // An area with nothing overdue, and no area at all.
        let empty = try web.office("/overdue/cong_vu")
        #expect(empty.status == 200 && empty.text.contains("Lĩnh vực này không có nhiệm vụ nào quá hạn."))
        #expect(try web.office("/overdue/khong-co").status == 404)
        #expect(try web.request("/overdue/the_che").status == 401)
    }
}
