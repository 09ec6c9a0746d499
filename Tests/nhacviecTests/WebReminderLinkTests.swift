import Foundation
import NhacViecTestSupport
import Testing

/// Links to the units' pages: in reminder e-mails when `web.base_url` is set, and for
/// report requests (`link --request`, DESIGN §15).
@Suite struct WebReminderLinkTests {
    static let requests = """
            - id: bc-ddci
              title: Báo cáo đánh giá Chỉ số DDCI
              from: [phong-qldt]
              due: 10/04/2024

        """

    /// The plain-text and HTML parts of the outbox e-mails to `address`.
    static func mails(_ web: WebFixture, to address: String) throws -> [(file: String, text: String, html: String)] {
        try web.daemon.outboxFiles().compactMap { file in
            let mail = try ParsedEmail.parse(file: file)
            guard mail.to.map(\.address) == [address] else { return nil }
            let text = mail.parts.filter { $0.type == "text/plain" }.compactMap(\.text).joined()
            let html = mail.parts.filter { $0.type == "text/html" }.compactMap(\.text).joined()
            return (file, text, html)
        }
    }

    @Test func aUnitsReportReminderCarriesItsSignedLinkInBothPartsAndTheLinkOpensItsPage() throws {
        let web = try WebServeTests.fixture()
        let path = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let url = "https://nhacviec.example.gov.vn" + path
        let reminders = try Self.mails(web, to: "qldt@example.gov.vn").filter {
            $0.text.contains("Báo cáo định kỳ tháng 3/2024")
        }
        #expect(!reminders.isEmpty)
        for reminder in reminders {
            // Plain text: the URL whole on its line (never wrapped inside); HTML: a link.
            #expect(reminder.text.contains("Báo cáo trực tuyến:"), "\(reminder.text)")
            #expect(reminder.text.split(whereSeparator: \.isNewline).contains { $0.hasSuffix(url) }, "\(reminder.text)")
            #expect(reminder.html.contains("<a href=\"\(url)\""), "\(reminder.html)")
        }
        // Copies to others (the head, the Office) carry no link: it lets its holder report for the unit.
        for address in ["b@example.gov.vn", "vanphong@example.gov.vn", "tc@example.gov.vn"] {
            for mail in try Self.mails(web, to: address) {
                #expect(!mail.text.contains("/u/phong-qldt/"), "\(mail.file)")
            }
        }
        try web.start(now: "2024-04-03T09:00:00+07:00")
        #expect(try web.request(path).status == 200)
    }

    @Test func withoutTheSecretRemindersGoWithoutLinksAndTheLogSaysWhy() throws {
        let web = try WebFixture()
        let result = try web.daemon.runOnce("2024-03-22T08:05:00+07:00")
        #expect(result.status == 0)
        #expect(result.stderr.contains("reminders go without the units' page links"), "\(result.stderr)")
        let mails = try Self.mails(web, to: "qldt@example.gov.vn")
        #expect(!mails.isEmpty)
        #expect(mails.allSatisfy { !$0.text.contains("Báo cáo trực tuyến") })
    }

    static func requestLink(_ web: WebFixture, unit: String, now: String) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            ["link", "-c", web.daemon.configPath, "--unit", unit, "--request", "bc-ddci", "--now", now],
            environment: ["NHACVIEC_WEB_SECRET": WebFixture.secret])
    }

    @Test func aRequestHasItsOwnLinkInItsReminderAndItsPageTakesTheAnswer() throws {
        let web = try WebServeTests.fixture(WebFixture(requests: Self.requests))
        let printed = try Self.requestLink(web, unit: "phong-qldt", now: "2024-04-03T09:00:00+07:00")
        #expect(printed.status == 0, "\(printed.stderr)")
        let url = printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Due 10/04/2024, + 45 days = 25/05/2024.
        #expect(url.hasPrefix("https://nhacviec.example.gov.vn/u/phong-qldt/bc-ddci/2024-05-25/"))
        let path = String(url.dropFirst("https://nhacviec.example.gov.vn".count))
        // The reminder of 03/04 (before-5wd of 10/04) carries the same link.
        let reminder = try Self.mails(web, to: "qldt@example.gov.vn").first { $0.text.contains("mã bc-ddci") }
        #expect(reminder?.text.contains(url) == true, "\(String(describing: reminder?.text))")
        // A unit the request does not ask, an unknown request: usage errors.
        #expect(try Self.requestLink(web, unit: "phong-tc", now: "2024-04-03T09:00:00+07:00").status == 64)

        try web.start(now: "2024-04-03T09:00:00+07:00")
        let page = try web.request(path)
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Báo cáo đánh giá Chỉ số DDCI · Phòng Quản lý đầu tư</h1>"))
        #expect(page.text.contains("Báo cáo theo yêu cầu, hạn gửi 10/04/2024"))
        #expect(!page.text.contains("II.3 ·"))  // a request's form has no task table (§13)
        // Forged: the request link under another unit, or with the monthly link's signature.
        let signature = String(path.split(separator: "/").last ?? "")
        #expect(try web.request("/u/phong-tc/bc-ddci/2024-05-25/" + signature).status == 403)
        let monthly = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let monthlySignature = String(monthly.split(separator: "/").last ?? "")
        #expect(try web.request("/u/phong-qldt/bc-ddci/2024-05-25/" + monthlySignature).status == 403)
        #expect(try web.request("/u/phong-qldt/bc-khac/2024-05-25/" + signature).status == 403)

        let token = try WebUploadTests.token(page.text)
        // The monthly report uploaded on the request's link is not taken.
        let monthlyFile = web.daemon.directory.file("thang.md")
        try WebUploadTests.report(unit: "phong-qldt").write(toFile: monthlyFile, atomically: true, encoding: .utf8)
        let wrong = try web.request(path, method: "POST", multipart: ["csrf=\(token)", "report=@\(monthlyFile)"])
        #expect(wrong.status == 422)
        let answer = try web.request(
            path, method: "POST",
            form: [("csrf", token), ("highlights", "Chỉ số DDCI năm 2023 tăng 3 bậc"), ("proposals", "Tập huấn")])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.text.contains("Đã nhận “Báo cáo đánh giá Chỉ số DDCI” của Phòng Quản lý đầu tư"))
        #expect(answer.text.contains("đúng hạn (hạn 10/04/2024)"))
        // The request's reminders stopped: plan shows none for it any more.
        let plan = try BinaryRunner.run([
            "plan", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--from", "2024-04-03", "--to",
            "2024-05-31", "--now", "2024-04-03T09:30:00+07:00",
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(!plan.stdout.contains("report:bc-ddci:phong-qldt"), "\(plan.stdout)")
    }
}
