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
}
