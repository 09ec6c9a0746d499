import Foundation
import NhacViecTestSupport
import Testing

/// The unit's report form rides on the first reminder e-mail of the period actually
/// sent to it (DESIGN §13), end to end with the built binary and its outbox.
@Suite struct FormAttachmentTests {
    /// Monthly report for April 2024 (decree 09: 15/03–14/04), due Tue 16/04:
    /// before-5wd Tue 09/04, before-1wd Mon 15/04, due 16/04.
    static func fixture(form: String = "") throws -> DaemonFixture {
        let fixture = try DaemonFixture()
        try fixture.write(
            DaemonFixture.config(delivery: "", webhooks: "", unitWebhooks: "") + """

                reports:
                  monthly:
                    period: decree_09
                    due: day 16
                    \(form)
                """)
        return fixture
    }

    /// The attachments (file name → bytes) of the outbox e-mail to `address` among `files`.
    static func attachments(to address: String, in files: [String]) throws -> [String: Data] {
        for file in files {
            let email = try ParsedEmail.parse(file: file)
            guard email.to.contains(where: { $0.address == address }) else { continue }
            var result: [String: Data] = [:]
            for part in email.parts {
                if let name = part.filename, let base64 = part.base64 { result[name] = Data(base64Encoded: base64) }
            }
            return result
        }
        Issue.record("no e-mail to \(address) in \(files)")
        return [:]
    }

    @Test func theFirstReminderOfThePeriodCarriesTheFormAndTheNextOneDoesNot() throws {
        let fixture = try Self.fixture()
        let first = try fixture.runOnce("2024-04-09T08:00:00+07:00")
        #expect(first.status == 0, "\(first.stderr)")
        let firstFiles = fixture.outboxFiles()
        let forms = try Self.attachments(to: "qldt@example.gov.vn", in: firstFiles)
        // A first start: March's report, overdue, is caught up in the same digest; no e-mail
        // of March was sent before, so its form comes too.
        #expect(forms.keys.sorted() == ["phong-qldt-2024-03.docx", "phong-qldt-2024-04.docx"])
        // The attached form is ours: taken in as it is, it is the unit's report.
        let attached = fixture.directory.file("phong-qldt-2024-04.docx")
        try #require(forms["phong-qldt-2024-04.docx"]).write(to: URL(fileURLWithPath: attached))
        let tc = try Self.attachments(to: "tc@example.gov.vn", in: firstFiles)
        #expect(tc.keys.sorted() == ["phong-tc-2024-03.docx", "phong-tc-2024-04.docx"])

        let second = try fixture.runOnce("2024-04-15T08:00:00+07:00")
        #expect(second.status == 0, "\(second.stderr)")
        let newFiles = fixture.outboxFiles().filter { !firstFiles.contains($0) }
        #expect(!newFiles.isEmpty)
        #expect(try Self.attachments(to: "qldt@example.gov.vn", in: newFiles).isEmpty)

        let submitted = try BinaryRunner.run([
            "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-15T09:00:00+07:00",
            attached,
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
    }

    @Test func aSkippedStepPassesTheFormOnToTheStepActuallySent() throws {
        // First start on 15/04: before-5wd (09/04) is superseded and recorded as skipped.
        let fixture = try Self.fixture()
        let run = try fixture.runOnce("2024-04-15T08:00:00+07:00")
        #expect(run.status == 0, "\(run.stderr)")
        let forms = try Self.attachments(to: "qldt@example.gov.vn", in: fixture.outboxFiles())
        #expect(forms.keys.contains("phong-qldt-2024-04.docx"))
    }

    @Test func formNoneSendsRemindersWithoutForms() throws {
        let fixture = try Self.fixture(form: "form: none")
        let run = try fixture.runOnce("2024-04-09T08:00:00+07:00")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.attachments(to: "qldt@example.gov.vn", in: fixture.outboxFiles()).isEmpty)
    }

    /// A request (báo cáo đột xuất) due Fri 10/05/2024 from phong-qldt, beside the monthly report.
    static func requestFixture(monthly: String = "", request: String = "") throws -> DaemonFixture {
        let fixture = try DaemonFixture()
        try fixture.write(
            DaemonFixture.config(delivery: "", webhooks: "", unitWebhooks: "") + """

                reports:
                  monthly:
                    period: decree_09
                    due: day 16
                    \(monthly)
                  requests:
                    - id: bc-ddci
                      title: Báo cáo đánh giá Chỉ số DDCI
                      from: [phong-qldt]
                      due: 10/05/2024
                      \(request)
                """)
        return fixture
    }

    /// When the request's steps to phong-qldt fire, in order (from `plan`, so the test
    /// does not hard-code the 2024 working-day swaps).
    static func requestSteps(_ fixture: DaemonFixture) throws -> [(step: String, at: String)] {
        let plan = try BinaryRunner.run([
            "plan", "-c", fixture.configPath, "--state", fixture.statePath, "--from", "2024-04-20", "--to",
            "2024-05-10", "--format", "json", "--now", "2024-04-20T00:00:00+07:00",
        ])
        try #require(plan.status == 0, "\(plan.stderr)")
        return try plan.stdout.split(separator: "\n").compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard object?["duty"] as? String == "report:bc-ddci:phong-qldt", let step = object?["step"] as? String,
                let at = object?["at"] as? String
            else { return nil }
            return (step, at)
        }
    }

    @Test func theFirstReminderOfARequestCarriesItsFormWhichReadsBackAsThatRequest() throws {
        let fixture = try Self.requestFixture()
        let steps = try Self.requestSteps(fixture)
        try #require(steps.count >= 2, "\(steps)")
        #expect(steps.last?.step == "due")

        let first = try fixture.runOnce(steps[0].at)
        #expect(first.status == 0, "\(first.stderr)")
        let firstFiles = fixture.outboxFiles()
        let forms = try Self.attachments(to: "qldt@example.gov.vn", in: firstFiles)
        let form = try #require(forms["phong-qldt-bc-ddci.docx"], "attachments: \(forms.keys.sorted())")
        // Only phong-qldt is asked for the request.
        #expect(try !Self.attachments(to: "tc@example.gov.vn", in: firstFiles).keys.contains { $0.contains("bc-ddci") })

        // python-docx reads it as the request's form: its identity, and no task table.
        let attached = fixture.directory.file("phong-qldt-bc-ddci.docx")
        try form.write(to: URL(fileURLWithPath: attached))
        let dump = try TestSupport.run(TestSupport.python, [TestSupport.script("form_clerk.py"), "dump", attached])
        try #require(dump.status == 0)
        let view = try #require(try JSONSerialization.jsonObject(with: dump.output) as? [String: Any])
        let custom = view["custom"] as? [String: String]
        #expect(custom?["nhacviec.unit"] == "phong-qldt")
        #expect(custom?["nhacviec.report"] == "bc-ddci")
        #expect(custom?["nhacviec.period"] == nil)
        #expect((view["paragraphs"] as? [String])?.contains { $0.contains("Mã báo cáo: phong-qldt / bc-ddci") } == true)
        #expect((view["paragraphs"] as? [String])?.contains { $0.contains("Đánh giá Chỉ số DDCI") } == true)

        // Later steps of the same request carry no form.
        let due = try fixture.runOnce(try #require(steps.last).at)
        #expect(due.status == 0, "\(due.stderr)")
        let dueFiles = fixture.outboxFiles().filter { !firstFiles.contains($0) }
        #expect(try !Self.attachments(to: "qldt@example.gov.vn", in: dueFiles).keys.contains { $0.contains("bc-ddci") })

        // nhacviec takes the form back, as it is, as phong-qldt's answer to bc-ddci.
        let submitted = try BinaryRunner.run([
            "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-05-10T09:00:00+07:00",
            attached,
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(
            submitted.stdout.contains("Đã nhận “Báo cáo đánh giá Chỉ số DDCI” của Phòng Quản lý đầu tư"),
            "\(submitted.stdout)")
        #expect(submitted.stdout.contains("đúng hạn (hạn 10/05/2024)"), "\(submitted.stdout)")
    }

    @Test func formNoneOnTheRequestOrOnTheMonthlyReportKeepsTheRequestsFormOff() throws {
        for (monthly, request, expected) in [
            ("", "form: none", false), ("form: none", "", false), ("form: none", "form: docx", true),
        ] {
            let fixture = try Self.requestFixture(monthly: monthly, request: request)
            let first = try #require(try Self.requestSteps(fixture).first)
            let run = try fixture.runOnce(first.at)
            #expect(run.status == 0, "\(run.stderr)")
            let forms = try Self.attachments(to: "qldt@example.gov.vn", in: fixture.outboxFiles())
            #expect(
                forms.keys.contains("phong-qldt-bc-ddci.docx") == expected,
                "monthly '\(monthly)', request '\(request)': \(forms.keys.sorted())")
        }
    }
}
