import Foundation
import NhacViecTestSupport
import Testing

/// A real browser (Debian's Chromium through chromedriver and Selenium) in a phone-sized
/// window, on the unit's page opened from the link in a real reminder from the outbox
/// (DESIGN §15): the form with one invalid value then corrected, and an upload of a filled
/// Word form; then the reminders for that report stop and the receipt e-mail goes out.
/// Part of ``WebBrowserTests``, which runs one browser at a time.
extension WebBrowserTests {
    static let publicBase = "https://nhacviec.example.gov.vn"

    /// The unit's page link in its monthly report reminder in the outbox, pointed at this server.
    static func linkFromReminder(_ web: WebFixture, address: String, unit: String) throws -> String {
        let reminders = try WebReminderLinkTests.mails(web, to: address).filter {
            $0.text.contains("Báo cáo định kỳ tháng 3/2024")
        }
        for reminder in reminders {
            for line in reminder.text.split(whereSeparator: \.isNewline) {
                guard let start = line.range(of: publicBase + "/u/\(unit)/2024-03/") else { continue }
                return web.base
                    + line[start.lowerBound...].dropFirst(publicBase.count)
                    .trimmingCharacters(in: .whitespaces)
            }
        }
        throw TestFailure("no reminder to \(address) carries \(unit)'s link")
    }

    /// The report steps `plan` (and `status`) still show for the unit's March report.
    static func pendingReportSteps(_ web: WebFixture, unit: String) throws -> Int {
        let plan = try BinaryRunner.run([
            "plan", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--from", "2024-04-03", "--to",
            "2024-05-31", "--format", "json", "--now", "2024-04-03T09:30:00+07:00",
        ])
        guard plan.status == 0 else { throw TestFailure("plan failed: \(plan.stderr)") }
        func isMarch(_ step: [String: Any]) -> Bool {
            step["duty"] as? String == "report:monthly:\(unit)" && step["occurrence"] as? String == "2024-03"
        }
        let planned = try plan.stdout.split(separator: "\n").filter { line in
            let step = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return step.map(isMarch) ?? false
        }
        let status = try web.daemon.status(now: "2024-04-03T09:30:00+07:00")
        let next = (status["next"] as? [[String: Any]] ?? []).filter(isMarch)
        return planned.count + next.count
    }

    static func browse(_ arguments: [String]) throws -> String {
        let result = try TestSupport.run(
            TestSupport.python, [TestSupport.script("unit_browser.py")] + arguments + [artifacts])
        let output = String(decoding: result.output, as: UTF8.self)
        guard result.status == 0, output.contains("browser checks passed") else {
            throw TestFailure("browser: \(output)")
        }
        return output
    }

    /// The receipt e-mail the daemon's pass wrote to the outbox for `address`.
    static func receipt(_ web: WebFixture, to address: String) throws -> ParsedEmail? {
        for file in web.daemon.outboxFiles() where (file as NSString).lastPathComponent.hasPrefix("reply") {
            let mail = try ParsedEmail.parse(file: file)
            if mail.to.map(\.address) == [address] { return mail }
        }
        return nil
    }

    @Test(.enabled(if: available))
    func aClerkReportsOnAPhoneFromTheReminderByFormAndByWordUpload() throws {
        let web = try WebServeTests.fixture()
        let formLink = try Self.linkFromReminder(web, address: "qldt@example.gov.vn", unit: "phong-qldt")
        let uploadLink = try Self.linkFromReminder(web, address: "tc@example.gov.vn", unit: "phong-tc")
        #expect(try Self.pendingReportSteps(web, unit: "phong-qldt") > 0)
        #expect(try Self.pendingReportSteps(web, unit: "phong-tc") > 0)
        let blank = web.daemon.directory.file("mau-phong-tc.docx")
        let made = try BinaryRunner.run([
            "form", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--unit", "phong-tc", "--period",
            "2024-03", "--out", blank, "--now", "2024-04-03T09:00:00+07:00",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let spec = web.daemon.directory.file("spec.json")
        try
            #"{"rows": {"II.3": {"status": "Đang thực hiện", "progress": "30", "note": "Phối hợp rà soát"}}, "sections": {"highlights": ["Đã cử cán bộ phối hợp"]}}"#
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let filled = web.daemon.directory.file("phong-tc-2024-03.docx")
        let clerk = try TestSupport.run(
            TestSupport.python, [TestSupport.script("form_clerk.py"), "fill", blank, spec, filled])
        #expect(clerk.status == 0)

        try web.start(now: "2024-04-03T09:00:00+07:00")
        let typed = try Self.browse(["form", formLink])
        #expect(typed.contains("ok: the error is beside the field"))
        let uploaded = try Self.browse(["upload", uploadLink, filled])
        #expect(uploaded.contains("ok: the receipt is shown"))

        // The reports are received: no step of either unit's March report is left to fire.
        #expect(try Self.pendingReportSteps(web, unit: "phong-qldt") == 0)
        #expect(try Self.pendingReportSteps(web, unit: "phong-tc") == 0)
        #expect(
            try web.office("/tasks/II.3").text.contains("<td>Đang thực hiện</td><td>30%</td><td>Phối hợp rà soát</td>"))

        // The daemon's next pass e-mails each unit its receipt (outbox mode), read by Python's email.
        #expect(try Self.receipt(web, to: "qldt@example.gov.vn") == nil)
        try web.runOnce("2024-04-03T09:30:00+07:00")
        for (address, source) in [
            ("qldt@example.gov.vn", "web-phong-qldt-2024-03.md"), ("tc@example.gov.vn", "phong-tc-2024-03.docx"),
        ] {
            let mail = try #require(try Self.receipt(web, to: address), "no receipt to \(address)")
            #expect(
                mail.subject == "Đã nhận báo cáo: Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3/2024")
            #expect(mail.defects.isEmpty)
            let text = mail.parts.compactMap(\.text).joined()
            #expect(text.contains("(\(source))"), "\(text)")
            #expect(text.contains("chậm 16 ngày (hạn 18/03/2024)"))
        }
    }
}
