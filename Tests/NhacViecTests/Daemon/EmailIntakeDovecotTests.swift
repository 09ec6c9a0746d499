import Foundation
import Logging
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// The e-mail intake against a real Dovecot (IMAPS and STARTTLS, a private CA),
/// messages placed with Python's imaplib, replies read from the outbox (no SMTP
/// configured): what a unit's mail client sends becomes a report and a reply.
@Suite(.serialized) struct EmailIntakeDovecotTests {
    static let emails = TestConfig.packageRoot.appendingPathComponent("Tests/Fixtures/emails")
    static let now = "2024-04-15T10:00:00+07:00"

    /// A Dovecot, a state dir and the config pointing at them.
    final class Fixture {
        let server: DovecotServer
        let state: TemporaryDirectory
        let config: Config
        let environment: [String: String]

        init(
            server: DovecotServer? = nil, url: ((DovecotServer) -> String)? = nil, tls: String? = nil,
            extra: String = ""
        )
            throws
        {
            let server = try server ?? DovecotServer()
            self.server = server
            state = try TemporaryDirectory()
            let address = url?(server) ?? "imaps://127.0.0.1:\(server.imapsPort)/INBOX"
            let text =
                IntakeTestSupport.yaml.replacingOccurrences(
                    of: "  plan_year: 2024\n", with: "  plan_year: 2024\n  admins: [it@example.gov.vn]\n")
                    + """

                    intake:
                      email:
                        url: \(address)
                        ca_file: \(server.caFile)
                        username: \(server.user)
                        password_env: NHACVIEC_IMAP_PASSWORD
                        address: "Văn phòng - Báo cáo CCHC <baocao@example.gov.vn>"
                    \(tls.map { "    tls: \($0)" } ?? "")
                    \(extra)
                    """
            config = try ConfigLoader.parse(yaml: text, path: state.file("nhacviec.yaml"))
            environment = ["NHACVIEC_IMAP_PASSWORD": server.password]
        }

        @discardableResult
        func poll(at time: String = EmailIntakeDovecotTests.now, password: String? = nil) throws -> (
            status: NhacViec.ExitStatus, message: String
        ) {
            var environment = environment
            if let password { environment["NHACVIEC_IMAP_PASSWORD"] = password }
            return EmailIntakeRunner.runOnce(
                config: config, stateDirectory: state.path, now: try IntakeTestSupport.at(time),
                environment: environment, logger: Logger(label: "test"))
        }

        func append(_ names: String...) throws {
            try server.append(names.map { EmailIntakeDovecotTests.emails.appendingPathComponent($0).path })
        }

        func append(raw: String) throws {
            let file = state.file("raw-\(UUID().uuidString).eml")
            try Data(raw.utf8).write(to: URL(fileURLWithPath: file))
            try server.append([file])
        }

        var store: StateStore { get throws { try StateStore(directory: state.path) } }

        /// The outbox's messages (what would have gone out by SMTP), parsed by our own reader.
        func outbox() -> [IncomingEmail] {
            let directory = state.file("outbox")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            return names.filter { $0.hasSuffix(".eml") }.compactMap { name in
                (try? Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))).map {
                    IncomingEmail(raw: [UInt8]($0))
                }
            }
        }

        func replies(to address: String) -> [IncomingEmail] {
            outbox().filter { $0.header.raw("To")?.contains(address) == true }
        }

        func submissions() throws -> [StoredSubmission] {
            try store.allSubmissions(report: "monthly", occurrence: "2024-03")
        }

        func counts() throws -> [String: Int] {
            try server.folders().mapValues(\.count)
        }
    }

    @Test func aReplyWithTheReportInItsBodyIsFiledAnsweredAndMoved() throws {
        let fixture = try Fixture()
        try fixture.append("thunderbird-reply-body.eml")
        let result = try fixture.poll()
        #expect(result.status == .ok, "\(result.message)")
        let submissions = try fixture.submissions()
        #expect(submissions.count == 1)
        #expect(submissions.first?.submission.unit == "phong-qldt")
        let counts = try fixture.counts()
        #expect(counts["INBOX"] == 0)
        #expect(counts["nhacviec/accepted"] == 1)
        let replies = fixture.replies(to: "qldt@example.gov.vn")
        try #require(replies.count == 1)
        let reply = replies[0]
        #expect(reply.header.raw("Auto-Submitted") == "auto-replied")
        #expect(reply.header.raw("In-Reply-To") == "<1f6b2c1e-3d4a-4c8e-9b1a-2f0e5d7c8a91@qldt.example.gov.vn>")
        #expect(
            reply.header.raw("References")?.contains("<report.monthly.phong-qldt.2024-03.before-1wd@example.gov.vn>")
                == true)
        #expect(reply.subject.hasPrefix("Re: [Nhắc việc] Báo cáo kết quả"))
        #expect(reply.from?.address == "baocao@example.gov.vn")
        let body = EmailReportExtractor.bodyText(of: reply.root) ?? ""
        #expect(body.contains("Đã nhận “Báo cáo kết quả thực hiện công tác cải cách hành chính"))
        #expect(body.contains("chậm"))  // March's report was due on 18/03
        #expect(body.contains("II.3: Đã hoàn thành"))
        let status = try fixture.store.metadata(EmailIntakePass.resultKey)
        #expect(status?.hasPrefix("ok: 1 accepted") == true)
        // A second poll finds nothing new and sends nothing more.
        #expect(try fixture.poll().status == .ok)
        #expect(fixture.replies(to: "qldt@example.gov.vn").count == 1)
    }

    @Test func attachmentsFromOutlookAndThunderbirdOverSTARTTLS() throws {
        let fixture = try Fixture(url: { "imap://127.0.0.1:\($0.imapPort)" }, tls: "required")
        try fixture.append("outlook-attachment-yaml.eml", "thunderbird-attachment-rfc2231.eml")
        #expect(try fixture.poll().status == .ok)
        // Two reports for the same period: the second replaces the first, which stays as history.
        let history = try fixture.submissions()
        #expect(history.count == 2)
        #expect(try fixture.counts()["nhacviec/accepted"] == 2)
        let replies = fixture.outbox()
        #expect(replies.count == 2)
        let texts = replies.map { EmailReportExtractor.bodyText(of: $0.root) ?? "" }
        #expect(texts.contains { $0.contains("Báo cáo tháng 3.yaml") })
        #expect(texts.contains { $0.contains("thay thế báo cáo đã nhận") })
    }

    /// A message from `phong-qldt` with `form` attached as Outlook attaches a Word file.
    static func message(attaching form: Data, name: String, id: String) -> String {
        let base64 = form.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
            .replacingOccurrences(of: "\r", with: "")
        return """
            From: Phong QLDT <qldt@example.gov.vn>
            To: baocao@example.gov.vn
            Subject: =?utf-8?B?QsOhbyBjw6FvIHRow6FuZyAzLzIwMjQ=?=
            Date: Tue, 16 Apr 2024 03:05:00 +0000
            Message-ID: <\(id)@qldt.example.gov.vn>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset="utf-8"

            Kính gửi Văn phòng, phòng gửi báo cáo tháng theo mẫu đính kèm.
            --b1
            Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="\(name)"
            Content-Disposition: attachment; filename="\(name)"
            Content-Transfer-Encoding: base64

            \(base64)
            --b1--

            """.replacingOccurrences(of: "\n", with: "\r\n")
    }

    @Test func aFilledWordFormAttachedToAMessageIsFiledAndABadOneAnsweredWithItsCell() throws {
        let fixture = try Fixture()
        let form = try FormTestSupport.form().data
        let good = try FormClerk.fill(form, #"{"rows": {"VI.2": {"status": "Dang thuc hien", "progress": "30%"}}}"#)
        let bad = try FormClerk.fill(form, #"{"rows": {"II.3": {"status": "xong rồi"}}}"#)
        try fixture.append(raw: Self.message(attaching: good, name: "phong-qldt-2024-03.docx", id: "form-good"))
        try fixture.append(raw: Self.message(attaching: bad, name: "bao-cao-sai.docx", id: "form-bad"))
        #expect(try fixture.poll().status == .ok)

        let submissions = try fixture.submissions()
        try #require(submissions.count == 1)
        #expect(submissions[0].submission.tasks.last == TaskUpdate(id: "VI.2", status: .inProgress, progress: 30))
        let counts = try fixture.counts()
        #expect(counts["nhacviec/accepted"] == 1)
        #expect(counts["nhacviec/rejected"] == 1)
        let bodies = fixture.replies(to: "qldt@example.gov.vn").map { EmailReportExtractor.bodyText(of: $0.root) ?? "" }
        try #require(bodies.count == 2)
        #expect(bodies.contains { $0.contains("Đã nhận") })
        #expect(
            bodies.contains {
                $0.contains("bao-cao-sai.docx (bảng nhiệm vụ, dòng 1 (II.3), cột Tình trạng): 'xong rồi' không hợp lệ")
                    && $0.contains("CHƯA được nhận")
            })
        // The bad form is answered with the unit's Word form for that period, not a Markdown template.
        let errorReply = try #require(
            fixture.replies(to: "qldt@example.gov.vn").first {
                EmailReportExtractor.bodyText(of: $0.root)?.contains("CHƯA được nhận") == true
            })
        let errorText = EmailReportExtractor.bodyText(of: errorReply.root) ?? ""
        #expect(errorText.contains("Mẫu báo cáo của đơn vị được gửi kèm thư này (phong-qldt-2024-03.docx)"))
        #expect(!errorText.contains("unit: phong-qldt"))
        let parsed = try ParsedEmail.parse(bytes: errorReply.raw)
        let attached = parsed.parts.filter { $0.filename != nil }
        #expect(attached.map(\.filename) == ["phong-qldt-2024-03.docx"])
        #expect(attached.first?.type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        let formData = try #require(attached.first?.base64.flatMap { Data(base64Encoded: $0) })
        let identity = try #require(WordFormReader.identity(data: formData))
        #expect(identity.unit == "phong-qldt" && identity.report == "monthly" && identity.period == "2024-03")
        // It is a real form: filled in, it is read like any other.
        let refilled = try FormClerk.fill(formData, #"{"rows": {"II.3": {"status": "Đã hoàn thành"}}}"#)
        let resubmitted = try SubmissionParser.parse(
            data: refilled, fileName: "phong-qldt-2024-03.docx", config: fixture.config,
            receivedAt: try IntakeTestSupport.at(Self.now))
        #expect(resubmitted.tasks.contains { $0.id == "II.3" && $0.status == .done })
    }

    @Test func aBadReportGetsEveryErrorWithItsPlaceAndATemplate() throws {
        let fixture = try Fixture()
        try fixture.append("thunderbird-bad-report.eml")
        #expect(try fixture.poll().status == .ok)
        #expect(try fixture.submissions().isEmpty)
        #expect(try fixture.counts()["nhacviec/rejected"] == 1)
        let reply = try #require(fixture.replies(to: "qldt@example.gov.vn").first)
        let body = EmailReportExtractor.bodyText(of: reply.root) ?? ""
        // The body's third line starts the report; its 7th line holds the bad status at column 25.
        #expect(body.contains("dòng 9, cột 25 (tasks[1].status): 'dang_lam' không hợp lệ"))
        #expect(body.contains("CHƯA được nhận"))
        #expect(body.contains("unit: phong-qldt"))
        #expect(reply.header.raw("Auto-Submitted") == "auto-replied")
        // A Markdown report keeps the Markdown template: nothing attached.
        #expect(try ParsedEmail.parse(bytes: reply.raw).parts.allSatisfy { $0.filename == nil })
    }

    @Test func anUnknownSenderGetsNoReplyAndWaitsForTheOfficesDigest() throws {
        let fixture = try Fixture()
        let raw = try String(
            contentsOf: Self.emails.appendingPathComponent("thunderbird-reply-body.eml"), encoding: .utf8)
        try fixture.append(
            raw: raw.replacingOccurrences(
                of: "<qldt@example.gov.vn>", with: "<stranger@elsewhere.example>"))
        #expect(try fixture.poll().status == .ok)
        #expect(try fixture.submissions().isEmpty)
        #expect(fixture.replies(to: "stranger@elsewhere.example").isEmpty)
        // No separate notice: the Office's next digest lists it (EmailIntakeReplyTests).
        #expect(fixture.outbox().isEmpty)
        #expect(try fixture.store.untoldIntakeRejectionCount() == 1)
        let listed = try fixture.store.claimIntakeRejections(for: "digest-1", limit: 100)
        #expect(listed.count == 1)
        #expect(listed.first?.sender.contains("stranger@elsewhere.example") == true)
        #expect(listed.first?.folder == "nhacviec/rejected")
        #expect(listed.first?.reason.contains("không thuộc đơn vị nào") == true)
        #expect(try fixture.counts()["nhacviec/rejected"] == 1)
    }

    @Test func aMessageWithoutTheRequiredHeaderIsRejectedSilently() throws {
        let fixture = try Fixture(
            extra: "    require_header: \"Authentication-Results: mail.example.gov.vn;*dmarc=pass*\"")
        let raw = try String(
            contentsOf: Self.emails.appendingPathComponent("thunderbird-reply-body.eml"), encoding: .utf8)
        // Only the topmost instance counts: the sender's own copy lower down does not help.
        try fixture.append(
            raw: "Authentication-Results: mail.example.gov.vn; dmarc=fail\r\n"
                + raw.replacingOccurrences(
                    of: "User-Agent:", with: "Authentication-Results: mail.example.gov.vn; dmarc=pass\r\nUser-Agent:"))
        try fixture.append(
            raw: "Authentication-Results: mail.example.gov.vn; spf=pass; dmarc=pass\r\n"
                + raw.replacingOccurrences(of: "Message-ID: <1f6b", with: "Message-ID: <2f6b"))
        #expect(try fixture.poll().status == .ok)
        #expect(try fixture.submissions().count == 1)
        #expect(fixture.replies(to: "qldt@example.gov.vn").count == 1)
        #expect(fixture.replies(to: "vanphong@example.gov.vn").isEmpty)
        let listed = try fixture.store.claimIntakeRejections(for: "digest-1", limit: 100)
        #expect(listed.count == 1)
        #expect(listed.first?.reason.contains("require_header") == true)
    }

    @Test func autoRepliesAndBouncesAreNeverAnswered() throws {
        let fixture = try Fixture()
        try fixture.append("auto-reply-vacation.eml", "bounce-dsn.eml")
        #expect(try fixture.poll().status == .ok)
        #expect(try fixture.submissions().isEmpty)
        #expect(fixture.replies(to: "qldt@example.gov.vn").isEmpty)
        #expect(fixture.replies(to: "MAILER-DAEMON@mail.example.gov.vn").isEmpty)
        #expect(try fixture.counts()["nhacviec/rejected"] == 2)
    }

    @Test func aCrashBetweenCommitAndMoveRecordsNothingTwice() throws {
        let fixture = try Fixture()
        try fixture.append("gmail-reply-alternative.eml")
        // What a kill -9 right after the commit leaves: the submission, the message's record
        // and its reply committed, the message still in INBOX, the last UID not advanced.
        let mailbox = try EmailIntakeRunner.mailbox(
            try #require(fixture.config.intake.email), config: fixture.config, environment: fixture.environment)
        let store = try fixture.store
        let delivery = try DeliveryService(
            config: fixture.config, stateDirectory: fixture.state.path, mode: .live, environment: [:])
        let pass = EmailIntakePass(
            config: fixture.config, settings: try #require(fixture.config.intake.email), store: store,
            mailbox: mailbox, delivery: delivery, logger: Logger(label: "test"))
        let status = try mailbox.status()
        let waiting = try #require(try mailbox.waiting(after: 0, status: status, limit: 10).messages.first)
        _ = try pass.take(waiting, uidValidity: status.uidValidity, now: try IntakeTestSupport.at(Self.now))
        #expect(try fixture.counts()["INBOX"] == 1)
        #expect(try fixture.submissions().count == 1)
        // The restart: the message is read again, recognised, moved; one submission, one reply.
        #expect(try fixture.poll().status == .ok)
        #expect(try fixture.counts()["INBOX"] == 0)
        #expect(try fixture.counts()["nhacviec/accepted"] == 1)
        #expect(try fixture.submissions().count == 1)
        #expect(fixture.replies(to: "b@example.gov.vn").count == 1)
    }

    @Test func aChangedUIDValidityRescansWithoutRecordingTwice() throws {
        let fixture = try Fixture()
        try fixture.append("thunderbird-reply-body.eml")
        #expect(try fixture.poll().status == .ok)
        let before = try fixture.store.metadata(EmailIntakePass.uidValidityKey)
        // The same message shows up again in a rebuilt INBOX, beside a new one.
        try fixture.append("thunderbird-reply-body.eml", "outlook-html-windows-1258.eml")
        try fixture.server.changeUIDValidity()
        #expect(try fixture.poll().status == .ok)
        #expect(try fixture.store.metadata(EmailIntakePass.uidValidityKey) != before)
        #expect(try fixture.counts()["INBOX"] == 0)
        // The message seen before is only moved (no second record, no second reply); the new one counts.
        #expect(fixture.replies(to: "qldt@example.gov.vn").count == 2)
        #expect(try fixture.store.intakeMessageCounts() == ["accepted": 2])
        let history = try fixture.store.submissionHistory(
            duty: .monthlyReport(unit: "phong-qldt"), occurrence: "2024-03")
        #expect(history.count == 2)
    }

    @Test func aServerThatIsDownIsRetriedAtTheNextPollAndAlertsOnlyAfterGivingUp() throws {
        let fixture = try Fixture()
        try fixture.append("thunderbird-reply-body.eml")
        fixture.server.stop()
        let down = try fixture.poll()
        #expect(down.status == .unavailable)
        #expect(down.message.contains("failed"))
        #expect(!down.message.contains(fixture.server.password))
        #expect(fixture.replies(to: "it@example.gov.vn").isEmpty)  // not yet: give_up_after is 24h
        // Still down a day later: the admins hear of it, once.
        #expect(try fixture.poll(at: "2024-04-16T10:30:00+07:00").status == .unavailable)
        #expect(try fixture.poll(at: "2024-04-16T10:40:00+07:00").status == .unavailable)
        #expect(fixture.replies(to: "it@example.gov.vn").count == 1)
        try fixture.server.start()
        #expect(try fixture.poll(at: "2024-04-16T10:45:00+07:00").status == .ok)
        #expect(try fixture.submissions().count == 1)
    }

    @Test func aRefusedLoginAlertsTheAdminsAtOnceWithoutThePassword() throws {
        let fixture = try Fixture()
        let result = try fixture.poll(password: "sai-mật-khẩu")
        #expect(result.status == .unavailable)
        #expect(!result.message.contains("sai-mật-khẩu"))
        let alerts = fixture.replies(to: "it@example.gov.vn")
        #expect(alerts.count == 1)
        let text = alerts.first.flatMap { EmailReportExtractor.bodyText(of: $0.root) } ?? ""
        #expect(text.contains("password"))
        #expect(!text.contains("sai-mật-khẩu"))
    }

    @Test func anUntrustedCertificateFailsUnlessTheCAIsGiven() throws {
        let server = try DovecotServer()
        let fixture = try Fixture(server: server)
        let withoutCA = try ConfigLoader.parse(
            yaml: IntakeTestSupport.yaml
                + """

                intake:
                  email:
                    url: imaps://127.0.0.1:\(server.imapsPort)
                    username: \(server.user)
                    password_env: NHACVIEC_IMAP_PASSWORD
                    address: baocao@example.gov.vn
                """, path: fixture.state.file("c.yaml"))
        let result = EmailIntakeRunner.runOnce(
            config: withoutCA, stateDirectory: fixture.state.path, now: try IntakeTestSupport.at(Self.now),
            environment: fixture.environment, logger: Logger(label: "test"))
        #expect(result.status == .unavailable)
        #expect(result.message.contains("ca_file"))
    }

    @Test(arguments: [("IMAP4rev1 UIDPLUS", "copy"), ("IMAP4rev1", "flag")])
    func serversWithoutMoveStillTakeEachMessageOnce(capabilities: String, method: String) throws {
        let fixture = try Fixture(server: try DovecotServer(capabilities: capabilities))
        try fixture.append("thunderbird-reply-body.eml")
        #expect(try fixture.poll().status == .ok)
        #expect(try fixture.poll().status == .ok)
        let folders = try fixture.server.folders()
        if method == "copy" {
            #expect(folders["INBOX"]?.count == 0)
            #expect(folders["nhacviec/accepted"]?.count == 1)
        } else {
            #expect(folders["INBOX"]?.first?.flags.contains("$NhacviecDone") == true)
        }
        #expect(try fixture.submissions().count == 1)
        #expect(fixture.replies(to: "qldt@example.gov.vn").count == 1)
    }
}
