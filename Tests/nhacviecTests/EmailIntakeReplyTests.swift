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

        /// Starts the daemon on `config` at 06:00 on 15/03/2024, its log going to
        /// `daemon.log`; the caller stops it.
        func startDaemon(config: String) throws -> (daemon: Process, log: String) {
            let log = directory.file("daemon.log")
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            let daemon = Process()
            daemon.executableURL = BinaryRunner.binary
            daemon.arguments = ["run", "-c", config, "--state", statePath, "--now", "2024-03-15T06:00:00+07:00"]
            daemon.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            daemon.standardOutput = FileHandle.nullDevice
            daemon.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            try daemon.run()
            return (daemon, log)
        }

        /// Writes the config and returns its path.
        /// - Parameter officeTask: gives the Office a task due 22/03/2024, so it gets reminder digests.
        /// - Parameter imapURL: another way to the mailbox (a proxy), plain IMAP without TLS.
        func config(
            intake: Bool = true, poll: String = "30s", retryFirst: String = "1m", officeTask: Bool = false,
            imapURL: String? = nil, name: String = "nhacviec"
        ) throws -> String {
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
                \(officeTask ? "  - id: I.1\n    area: the_che\n    title: Xây dựng kế hoạch kiểm tra\n    lead: van-phong\n    due: Ngày 22/03/2024\n" : "")reports:
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
                        url: \(imapURL ?? "imaps://127.0.0.1:\(server.imapsPort)/INBOX")
                        tls: \(imapURL == nil ? "required" : "none")
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
        let (daemon, log) = try fixture.startDaemon(config: config)
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

    /// A message from an address no unit lists, as Outlook writes it.
    static func stranger(_ number: Int) -> String {
        """
        From: =?utf-8?B?Tmd1eeG7hW4gVsSDbiBM?= <stranger\(number)@elsewhere.example>\r
        To: "baocao@example.gov.vn" <baocao@example.gov.vn>\r
        Subject: =?utf-8?B?QsOhbyBjw6FvIHRow6FuZw==?= \(number)\r
        Date: Thu, 14 Mar 2024 16:0\(number):00 +0700\r
        Message-ID: <stranger-\(number)@elsewhere.example>\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset="utf-8"\r
        Content-Transfer-Encoding: base64\r
        \r
        WGluIGfhu61pIGLDoW8gY8Ohby4=\r

        """
    }

    // The Office's task I.1 (due 22/03/2024) is reminded on 15/03 and 21/03 at 08:00.
    static let beforeFirstDigest = "2024-03-14T10:00:00+07:00"
    static let firstDigest = "2024-03-15T08:05:00+07:00"
    static let betweenDigests = "2024-03-18T10:00:00+07:00"
    static let secondDigest = "2024-03-21T08:05:00+07:00"

    @Test func refusedSendersAreListedOnceInTheOfficesNextDigestAndNowhereElse() throws {
        let fixture = try Fixture()
        let config = try fixture.config(officeTask: true)
        let received = try TemporaryDirectory()
        let sink = try PythonServer("smtp_server.py", [received.path, "--port", "\(fixture.smtpPort)"])
        defer { sink.stop() }
        try fixture.append(Self.stranger(1), name: "stranger-1.eml")
        let poll = try fixture.run(["intake", "--once", "--now", Self.beforeFirstDigest], config: config)
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(try fixture.server.folders()["nhacviec/rejected"]?.count == 1)
        // Refused silently: nothing to the sender, no separate notice to anyone.
        #expect(try Fixture.received(received).isEmpty)

        let first = try fixture.run(["run", "--once", "--now", Self.firstDigest], config: config)
        #expect(first.status == 0, "\(first.stderr)")
        func officeDigests() throws -> [String] {
            try Fixture.received(received).filter { $0.to.map(\.address) == ["vanphong@example.gov.vn"] }.map {
                ($0.parts.first { $0.type == "text/plain" }?.text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            }
        }
        let digests = try officeDigests()
        try #require(digests.count == 1)
        let text = digests[0]
        #expect(text.contains("Thư gửi hộp thư báo cáo không được nhận"))
        #expect(text.contains("Nguyễn Văn L <stranger1@elsewhere.example>"))
        #expect(text.contains("Báo cáo tháng 1"))
        #expect(text.contains("nhacviec/rejected"))
        #expect(text.contains("không thuộc đơn vị nào"))
        #expect(text.contains("baocao@example.gov.vn"))
        // Its HTML part says the same, escaped.
        let html =
            try Fixture.received(received).first { $0.to.map(\.address) == ["vanphong@example.gov.vn"] }?
            .parts.first { $0.type == "text/html" }?.text ?? ""
        #expect(html.contains("Nguyễn Văn L &lt;stranger1@elsewhere.example&gt;"))

        try fixture.append(Self.stranger(2), name: "stranger-2.eml")
        let again = try fixture.run(["intake", "--once", "--now", Self.betweenDigests], config: config)
        #expect(again.status == 0, "\(again.stderr)")
        let second = try fixture.run(["run", "--once", "--now", Self.secondDigest], config: config)
        #expect(second.status == 0, "\(second.stderr)")
        let later = try officeDigests()
        try #require(later.count == 2)
        // Each refused message in exactly one digest.
        #expect(later.filter { $0.contains("stranger1@elsewhere.example") }.count == 1)
        #expect(later.filter { $0.contains("stranger2@elsewhere.example") }.count == 1)
        #expect(later[1].contains("stranger2@elsewhere.example"))
        // Nobody else heard of them.
        #expect(
            try Fixture.received(received).allSatisfy {
                $0.to.map(\.address) == ["vanphong@example.gov.vn"]
                    || !$0.parts.contains { $0.text?.contains("stranger") == true }
            })
    }
}
