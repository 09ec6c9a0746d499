import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// SMTP delivery against a real aiosmtpd server; the received bytes are read back
/// with Python's `email` package, not with our own code.
@Suite(.serialized) struct SMTPTransportTests {
    let sink: TemporaryDirectory

    init() throws {
        sink = try TemporaryDirectory()
    }

    func settings(
        port: Int, scheme: String = "smtp", tls: SMTPSettings.TLSMode, caFile: String? = nil,
        username: String? = nil, password: String? = nil
    ) -> SMTPSettings {
        SMTPSettings(
            url: "\(scheme)://127.0.0.1:\(port)", tls: tls, username: username, password: password, caFile: caFile,
            timeout: .seconds(20), heloName: "nhacviec.example.gov.vn")
    }

    @Test func plainDeliveryArrivesWithDecodableVietnameseHeadersAndParts() async throws {
        let server = try PythonServer("smtp_server.py", [sink.path])
        defer { server.stop() }
        let message = DeliveryFixtures.message(
            cc: [DeliveryFixtures.mailbox("Văn phòng <vanphong@example.gov.vn>")],
            attachments: [DeliveryFixtures.report])
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .none))

        let outcome = transport.send(message)

        let receipt = try #require(outcome.receipt, "\(outcome)")
        #expect(receipt.replyCode == 250)
        #expect(receipt.replyText.contains("queued as nv1"))
        let files = sink.files(withExtension: "eml")
        try #require(files.count == 1)
        let envelope = try SinkEnvelope.read(sink.file("1.json"))
        #expect(envelope.mail_from == "vanphong@example.gov.vn")
        #expect(envelope.rcpt_tos == ["qldt@example.gov.vn", "vanphong@example.gov.vn"])
        let received = try Data(contentsOf: URL(fileURLWithPath: files[0]))
        #expect(Array(received) == message.rendered(), "the server got exactly the rendered bytes")

        let parsed = try ParsedEmail.parse(file: files[0])
        #expect(parsed.subject == DeliveryFixtures.subject)
        #expect(parsed.from == [.init(name: "Văn phòng Ban Quản lý", address: "vanphong@example.gov.vn")])
        #expect(parsed.to == [.init(name: "Phòng Quản lý đầu tư", address: "qldt@example.gov.vn")])
        #expect(parsed.message_id == "<task=3AII.3=2F2024-04-01=2Fbefore-5wd=2Fphong-qldt=2Femail@example.gov.vn>")
        #expect(parsed.auto_submitted == "auto-generated")
        #expect(parsed.date == "Mon, 25 Mar 2024 08:00:00 +0700")
        #expect(parsed.date_iso == "2024-03-25T08:00:00+07:00")
        #expect(parsed.defects.isEmpty)
        #expect(parsed.max_line <= 998)
        #expect(!parsed.bare_lf && !parsed.bare_cr)
        #expect(
            parsed.parts.map(\.type) == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/html",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ])
        // Python keeps the CRLF line ends of the decoded quoted-printable text.
        #expect(parsed.parts[2].text == message.textBody.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(parsed.parts[2].charset == "utf-8")
        #expect(parsed.parts[3].text?.hasPrefix("<p>Kính gửi <b>Phòng Quản lý đầu tư</b>") == true)
        #expect(parsed.parts[4].filename == DeliveryFixtures.report.filename)
        #expect(parsed.parts[4].base64 == Data(DeliveryFixtures.report.data).base64EncodedString())
    }

    @Test func aBatchSharesOneConnection() async throws {
        let server = try PythonServer("smtp_server.py", [sink.path])
        defer { server.stop() }
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .opportunistic))
        let messages = (1...3).map { DeliveryFixtures.message(key: "batch-\($0)") }

        let outcomes = transport.send(messages)

        #expect(outcomes.allSatisfy { $0.receipt != nil }, "\(outcomes)")
        let ports = try (1...3).map { try SinkEnvelope.read(sink.file("\($0).json")).peer_port }
        #expect(Set(ports).count == 1, "one client port for all three messages: \(ports)")
    }

    @Test func sessionsStayWithinTheLimitEachOnItsOwnConnectionAndCloseWhenIdle() async throws {
        // 50 ms per message: every session is busy while the others queue.
        let server = try PythonServer("smtp_server.py", [sink.path, "--delay", "0.05"])
        defer { server.stop() }
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .none), connections: 3)
        let messages = (1...12).map { DeliveryFixtures.message(key: "pool-\($0)") }

        let outcomes = transport.send(messages)

        #expect(outcomes.allSatisfy { $0.receipt != nil }, "\(outcomes)")
        #expect(transport.transport.sessionCount == 3, "sessions wait for the next message until told otherwise")
        // Each session keeps its own connection: three client ports, each carrying
        // several messages, never a fourth.
        let ports = try (1...12).map { try SinkEnvelope.read(sink.file("\($0).json")).peer_port }
        #expect(Set(ports).count == 3, "\(ports)")

        transport.transport.closeIdleSessions()
        let deadline = Date().addingTimeInterval(10)
        while transport.transport.sessionCount > 0 && Date() < deadline { usleep(20_000) }
        #expect(transport.transport.sessionCount == 0, "idle sessions end")
        // The next message opens a session again.
        #expect(transport.send(DeliveryFixtures.message(key: "pool-13")).receipt != nil)
        let port = try SinkEnvelope.read(sink.file("13.json")).peer_port
        #expect(!ports.contains(port), "a new connection after the idle ones were closed")
    }

    @Test func startTLSWithAPrivateCAAndLoginDelivers() async throws {
        let certificates = try TestSupport.certificates.get()
        let server = try PythonServer(
            "smtp_server.py",
            [
                sink.path, "--tls", certificates.file("server.pem"), certificates.file("server.key"),
                "--auth", "vanphong", "mật-khẩu",
            ])
        defer { server.stop() }
        let transport = try TestSMTP(
            settings: settings(
                port: server.port, tls: .required, caFile: certificates.file("ca.pem"), username: "vanphong",
                password: "mật-khẩu"))

        let outcome = transport.send(DeliveryFixtures.message())

        #expect(outcome.receipt != nil, "\(outcome)")
        let envelope = try SinkEnvelope.read(sink.file("1.json"))
        #expect(envelope.tls)
        #expect(envelope.login == "vanphong")
    }

    @Test func implicitTLSOnSMTPSDelivers() async throws {
        let certificates = try TestSupport.certificates.get()
        let server = try PythonServer(
            "smtp_server.py",
            [sink.path, "--tls", certificates.file("server.pem"), certificates.file("server.key"), "--implicit-tls"])
        defer { server.stop() }
        let transport = try TestSMTP(
            settings: settings(port: server.port, scheme: "smtps", tls: .required, caFile: certificates.file("ca.pem")))

        let outcome = transport.send(DeliveryFixtures.message())

        #expect(outcome.receipt != nil, "\(outcome)")
        #expect(sink.files(withExtension: "eml").count == 1)
    }

    @Test func anUntrustedCertificateIsAConfigurationFailureNamingCAFileAndSendsNothing() async throws {
        let certificates = try TestSupport.certificates.get()
        let server = try PythonServer(
            "smtp_server.py", [sink.path, "--tls", certificates.file("server.pem"), certificates.file("server.key")])
        defer { server.stop() }
        // No ca_file: the private CA is not trusted, and verification cannot be turned off.
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .required))

        let outcome = transport.send(DeliveryFixtures.message())

        let failure = try #require(outcome.failure)
        #expect(failure.disposition == .configuration(fix: "delivery.email.ca_file"))
        #expect(failure.isTransient, "retried like a transient failure (DESIGN §5)")
        #expect(failure.reason.contains("certificate"))
        #expect(sink.files(withExtension: "eml").isEmpty)
    }

    @Test func tlsRequiredWithoutSTARTTLSIsAConfigurationFailureBeforeSendingMail() async throws {
        let server = try PythonServer("smtp_server.py", [sink.path])
        defer { server.stop() }
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .required))

        let outcome = transport.send(DeliveryFixtures.message())

        let failure = try #require(outcome.failure)
        #expect(failure.disposition == .configuration(fix: "delivery.email.tls"))
        #expect(failure.reason.contains("STARTTLS"))
        #expect(sink.files(withExtension: "eml").isEmpty)
    }

    @Test func aWrongPasswordIsAConfigurationFailureWithTheServersReply() async throws {
        let certificates = try TestSupport.certificates.get()
        let server = try PythonServer(
            "smtp_server.py",
            [
                sink.path, "--tls", certificates.file("server.pem"), certificates.file("server.key"),
                "--auth", "vanphong", "right",
            ])
        defer { server.stop() }
        let transport = try TestSMTP(
            settings: settings(
                port: server.port, tls: .required, caFile: certificates.file("ca.pem"), username: "vanphong",
                password: "wrong"))

        let outcome = transport.send(DeliveryFixtures.message())

        let failure = try #require(outcome.failure)
        #expect(failure.disposition == .configuration(fix: "delivery.email.password"))
        #expect(failure.replyCode == 535)
    }

    @Test func oneRejectedRecipientDoesNotStopTheOthers() async throws {
        let server = try PythonServer("smtp_server.py", [sink.path])
        defer { server.stop() }
        let message = DeliveryFixtures.message(to: [
            DeliveryFixtures.mailbox("reject-me@example.gov.vn"), DeliveryFixtures.mailbox("qldt@example.gov.vn"),
        ])
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .none))

        let outcome = transport.send(message)

        let receipt = try #require(outcome.receipt, "\(outcome)")
        #expect(receipt.rejectedRecipients.map(\.address) == ["reject-me@example.gov.vn"])
        #expect(receipt.rejectedRecipients.first?.replyCode == 550)
        #expect(receipt.rejectedRecipients.first?.replyText.contains("no such user") == true)
        #expect(try SinkEnvelope.read(sink.file("1.json")).rcpt_tos == ["qldt@example.gov.vn"])
    }

    @Test(arguments: [
        ("reject-a@example.gov.vn", DeliveryFailure.Disposition.permanent, 550),
        ("tempfail-a@example.gov.vn", DeliveryFailure.Disposition.transient(retryAfter: nil), 450),
    ])
    func allRecipientsRefusedIsClassifiedByTheReplyCode(
        address: String, disposition: DeliveryFailure.Disposition, code: Int
    ) async throws {
        let server = try PythonServer("smtp_server.py", [sink.path])
        defer { server.stop() }
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .none))

        let outcome = transport.send(DeliveryFixtures.message(to: [DeliveryFixtures.mailbox(address)]))

        let failure = try #require(outcome.failure)
        #expect(failure.disposition == disposition)
        #expect(failure.replyCode == code)
        #expect(failure.rejectedRecipients.map(\.address) == [address])
        #expect(sink.files(withExtension: "eml").isEmpty)
    }

    @Test func aServerThatIsDownIsATransientFailure() async throws {
        // Start and stop a server to get a port that nothing listens on.
        let server = try PythonServer("smtp_server.py", [sink.path])
        let port = server.port
        server.stop()
        let transport = try TestSMTP(settings: settings(port: port, tls: .none))

        let outcome = transport.send(DeliveryFixtures.message())

        let failure = try #require(outcome.failure)
        #expect(failure.isTransient)
        #expect(failure.curlCode == 7)
        #expect(failure.replyCode == nil)
    }

    @Test func headerInjectionAttemptsAddNoHeaderAndNoRecipient() async throws {
        let server = try PythonServer("smtp_server.py", [sink.path])
        defer { server.stop() }
        let evilName = DeliveryFixtures.mailbox("\"qldt@example.gov.vn, evil@example.org\" <qldt@example.gov.vn>")
        var message = DeliveryFixtures.message(
            to: [evilName], subject: "Nhắc việc\r\nBcc: evil@example.org\r\n\r\nInjected body",
            attachments: [
                EmailMessage.Attachment(
                    filename: "a.txt\"\r\nBcc: evil@example.org\r\nX-Evil: 1", contentType: "text/plain\r\nBcc: x@y.z",
                    data: Array("x".utf8))
            ])
        message.extraHeaders = [
            try #require(EmailMessage.ExtraHeader(name: "X-Nhacviec-Duty", value: "II.3\nBcc: evil@example.org"))
        ]
        #expect(EmailMessage.ExtraHeader(name: "Bcc", value: "evil@example.org") == nil)
        #expect(EmailMessage.ExtraHeader(name: "X-Evil\r\nBcc", value: "x") == nil)
        #expect(Mailbox(displayName: "Evil\r\nBcc: evil@example.org", address: "a@example.gov.vn") == nil)
        let transport = try TestSMTP(settings: settings(port: server.port, tls: .none))

        let outcome = transport.send(message)

        #expect(outcome.receipt != nil, "\(outcome)")
        #expect(try SinkEnvelope.read(sink.file("1.json")).rcpt_tos == ["qldt@example.gov.vn"])
        let parsed = try ParsedEmail.parse(file: sink.file("1.eml"))
        #expect(!parsed.header_names.contains("bcc"))
        #expect(!parsed.header_names.contains("x-evil"))
        #expect(parsed.header_names.filter { $0 == "to" }.count == 1)
        #expect(parsed.to.map(\.address) == ["qldt@example.gov.vn"])
        #expect(parsed.to.first?.name == "qldt@example.gov.vn, evil@example.org")
        #expect(parsed.subject == "Nhắc việc  Bcc: evil@example.org    Injected body")
        #expect(parsed.parts.last?.filename == "a.txt\"  Bcc: evil@example.org  X-Evil: 1")
        #expect(parsed.parts.last?.type == "application/octet-stream")
        #expect(parsed.defects.isEmpty)
    }
}
