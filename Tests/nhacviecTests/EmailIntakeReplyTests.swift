import Foundation
import NhacViecTestSupport
import Testing

/// Replies to units (receipts, error replies) and what the Office is told, with the
/// built binary, a real Dovecot and an SMTP sink parsed by Python's email package.
@Suite(.serialized) struct EmailIntakeReplyTests {
    /// A config with e-mail delivery to `smtpPort` (nothing need listen there) and,
    /// unless `intake` is false, the report mailbox on the fixture's Dovecot.
    final class Fixture {
        let server: DovecotServer
        let directory: TemporaryDirectory
        let smtpPort: Int
        var statePath: String { directory.file("state") }
        var environment: [String: String] { ["NHACVIEC_IMAP_PASSWORD": server.password] }

        init() throws {
            server = try DovecotServer()
            directory = try TemporaryDirectory()
            smtpPort = try DaemonFixture.freePort()
            try FileManager.default.createDirectory(atPath: statePath, withIntermediateDirectories: true)
        }

        /// Writes the config and returns its path.
        func config(intake: Bool = true, poll: String = "30s", retryFirst: String = "1m", name: String = "nhacviec")
            throws -> String
        {
            let path = directory.file("\(name).yaml")
            var text = """
                version: 1
                organization:
                  name: Ban Quản lý Khu kinh tế Hải Phòng
                  office: van-phong
                  plan_year: 2024
                  admins: [it@example.gov.vn]
                units:
                  - id: van-phong
                    name: Văn phòng Ban Quản lý
                    email: [vanphong@example.gov.vn]
                  - id: phong-qldt
                    name: Phòng Quản lý đầu tư
                    email: [qldt@example.gov.vn]
                tasks:
                  - id: II.3
                    area: the_che
                    title: Rà soát văn bản quy phạm pháp luật
                    lead: phong-qldt
                    due: Tháng 6/2024
                reports:
                  monthly:
                    title: Báo cáo kết quả thực hiện công tác cải cách hành chính
                    from: all
                    period: decree_09
                    due: day 16
                delivery:
                  email:
                    url: smtp://127.0.0.1:\(smtpPort)
                    tls: none
                    from: "Văn phòng Ban Quản lý <vanphong@example.gov.vn>"
                    timeout: 10s
                  retry: { first: \(retryFirst), max_interval: 1h, give_up_after: 24h }

                """
            if intake {
                text += """
                    intake:
                      email:
                        url: imaps://127.0.0.1:\(server.imapsPort)/INBOX
                        ca_file: \(server.caFile)
                        username: \(server.user)
                        password_env: NHACVIEC_IMAP_PASSWORD
                        address: "Văn phòng - Báo cáo CCHC <baocao@example.gov.vn>"
                        poll: \(poll)

                    """
            }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func run(_ arguments: [String], config: String) throws -> BinaryRunner.Result {
            try BinaryRunner.run(
                [arguments[0], "-c", config, "--state", statePath] + arguments.dropFirst(), environment: environment)
        }

        /// Places a message in the INBOX with IMAP APPEND.
        func append(_ message: String, name: String) throws {
            let file = directory.file(name)
            try Data(message.utf8).write(to: URL(fileURLWithPath: file))
            try server.append([file])
        }

        /// The messages an SMTP sink in `folder` received, parsed by Python.
        static func received(_ folder: TemporaryDirectory) throws -> [ParsedEmail] {
            try folder.files(withExtension: "eml").map { try ParsedEmail.parse(file: $0) }
        }
    }

    /// A monthly report for March 2024 from phong-qldt, as a plain-text mail client sends it.
    static func report(messageID: String, from: String = "qldt@example.gov.vn") -> String {
        """
        From: =?UTF-8?Q?Ph=C3=B2ng_QL=C4=90T?= <\(from)>\r
        To: baocao@example.gov.vn\r
        Subject: =?UTF-8?Q?B=C3=A1o_c=C3=A1o_th=C3=A1ng_3?=\r
        Message-ID: <\(messageID)@qldt.example.gov.vn>\r
        Date: Fri, 15 Mar 2024 09:30:00 +0700\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=UTF-8\r
        Content-Transfer-Encoding: 8bit\r
        \r
        Kính gửi Văn phòng,\r
        \r
        ---\r
        unit: phong-qldt\r
        report: monthly\r
        period: 2024-03\r
        tasks:\r
          - id: II.3\r
            status: in_progress\r
            progress: 40\r
        ---\r
        Đã rà soát 12 văn bản.\r

        """
    }

    @Test func aReplyThatFailedGoesOutOnTheNextPassWithoutAPoll() throws {
        let fixture = try Fixture()
        let withIntake = try fixture.config()
        try fixture.append(Self.report(messageID: "retry-1"), name: "report.eml")
        // SMTP is down: the receipt is recorded and its send fails.
        let first = try fixture.run(["intake", "--once", "--now", "2024-03-15T10:00:00+07:00"], config: withIntake)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try fixture.server.folders()["nhacviec/accepted"]?.count == 1)

        let received = try TemporaryDirectory()
        let sink = try PythonServer("smtp_server.py", [received.path, "--port", "\(fixture.smtpPort)"])
        defer { sink.stop() }
        // The same state with no mailbox configured at all: nothing can poll, the pass alone sends it.
        let noIntake = try fixture.config(intake: false, name: "no-intake")
        let second = try fixture.run(["run", "--once", "--now", "2024-03-15T10:30:00+07:00"], config: noIntake)
        #expect(second.status == 0, "\(second.stderr)")
        let receipts = try Fixture.received(received).filter { $0.auto_submitted == "auto-replied" }
        #expect(receipts.count == 1)
        #expect(receipts.first?.to.map(\.address) == ["qldt@example.gov.vn"])
        // Sent once: a later pass sends nothing more.
        let third = try fixture.run(["run", "--once", "--now", "2024-03-15T11:00:00+07:00"], config: noIntake)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try Fixture.received(received).filter { $0.auto_submitted == "auto-replied" }.count == 1)
    }

    @Test func theDaemonWakesForAStoredReplysRetryLongBeforeTheNextPoll() throws {
        let fixture = try Fixture()
        let config = try fixture.config(poll: "1h", retryFirst: "3s")
        try fixture.append(Self.report(messageID: "wake-1"), name: "report.eml")
        let log = fixture.directory.file("daemon.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let daemon = Process()
        daemon.executableURL = BinaryRunner.binary
        daemon.arguments = ["run", "-c", config, "--state", fixture.statePath, "--now", "2024-03-15T06:00:00+07:00"]
        daemon.environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try daemon.run()
        defer {
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
        }
        // Nothing else is due before 07:00. The first poll takes the report; its receipt
        // fails (nothing listens yet).
        #expect(eventually { (try? fixture.server.folders()["nhacviec/accepted"]?.count) == 1 })
        let received = try TemporaryDirectory()
        let sink = try PythonServer("smtp_server.py", [received.path, "--port", "\(fixture.smtpPort)"])
        defer { sink.stop() }
        // The retry (3 s ± 20 %) wakes the daemon; the next poll is an hour away.
        let sent = eventually(30) {
            (try? Fixture.received(received).contains { $0.auto_submitted == "auto-replied" }) == true
        }
        #expect(sent, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }
}
