import Foundation
import Testing

@testable import NhacViec

@Suite struct IntakeConfigTests {
    static func yaml(_ intake: String, reporters: String = "") -> String {
        TestConfig.yaml(tasks: "tasks: []") + "\n" + intake + "\n"
    }

    static func errors(_ text: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(yaml: text, path: "/tmp/nhacviec-intake-test/test.yaml")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func aCompleteEmailIntakeIsReadWithDefaults() throws {
        let config = try TestConfig.load(
            Self.yaml(
                """
                intake:
                  email:
                    url: imaps://mail.example.gov.vn:993/INBOX
                    username: baocao@example.gov.vn
                    password_env: NHACVIEC_IMAP_PASSWORD
                    address: "Văn phòng - Báo cáo CCHC <baocao@example.gov.vn>"
                    require_header: "Authentication-Results: mail.example.gov.vn;*dmarc=pass"
                """))
        let email = try #require(config.intake.email)
        #expect(email.serverURL == "imaps://mail.example.gov.vn:993")
        #expect(email.mailbox == "INBOX")
        #expect(email.tls == .required)
        #expect(email.poll.seconds == 120)
        #expect(email.acceptedFolder == "nhacviec/accepted")
        #expect(email.rejectedFolder == "nhacviec/rejected")
        #expect(email.password == .environment("NHACVIEC_IMAP_PASSWORD"))
        #expect(email.address.address == "baocao@example.gov.vn")
        #expect(email.requireHeader?.name == "Authentication-Results")
        #expect(email.requireHeader?.pattern == "mail.example.gov.vn;*dmarc=pass")
    }

    @Test func aURLWithoutMailboxPollsTheInbox() throws {
        let config = try TestConfig.load(
            Self.yaml(
                """
                intake:
                  email:
                    url: imap://127.0.0.1:1143
                    tls: opportunistic
                    username: u
                    password_file: imap.pass
                    address: baocao@example.gov.vn
                    poll: 30s
                    accepted_folder: Reports/OK
                """))
        let email = try #require(config.intake.email)
        #expect(email.serverURL == "imap://127.0.0.1:1143")
        #expect(email.mailbox == "INBOX")
        #expect(email.tls == .opportunistic)
        #expect(email.poll.seconds == 30)
        #expect(email.acceptedFolder == "Reports/OK")
    }

    @Test func reportersAreReadPerUnit() throws {
        let text = TestConfig.yaml(tasks: "tasks: []").replacingOccurrences(
            of: "    email: tc@example.gov.vn\n",
            with: "    email: tc@example.gov.vn\n    reporters: [\"Lê Thị C <c@example.gov.vn>\", d@example.gov.vn]\n")
        let config = try TestConfig.load(text)
        #expect(config.unit("phong-tc")?.reporters.map(\.address) == ["c@example.gov.vn", "d@example.gov.vn"])
        #expect(config.unit("phong-qldt")?.reporters == [])
    }

    @Test func aCAFileIsLookedUpNextToTheConfig() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nv-intake-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("pem".utf8).write(to: directory.appendingPathComponent("ca.pem"))
        let text = Self.yaml(
            """
            intake:
              email:
                url: imaps://mail.example.gov.vn
                ca_file: ca.pem
                username: u
                password_env: P
                address: baocao@example.gov.vn
            """)
        let config = try ConfigLoader.parse(yaml: text, path: directory.appendingPathComponent("c.yaml").path)
        #expect(config.intake.email?.caFile == directory.appendingPathComponent("ca.pem").path)
    }

    @Test func everyProblemIsReportedWithItsPlace() {
        let errors = Self.errors(
            Self.yaml(
                """
                intake:
                  email:
                    url: imaps://mail.example.gov.vn/INBOX
                    tls: none
                    ca_file: missing-ca.pem
                    username: u
                    address: not-an-address
                    poll: 10s
                    accepted_folder: "Báo cáo/đã nhận"
                    rejected_folder: INBOX
                    require_header: no colon here
                    folder: x
                """))
        let expected = [
            "intake.email.tls: imaps:// always uses TLS",
            "intake.email.ca_file: ca_file 'missing-ca.pem' cannot be read",
            "intake.email.password_env: missing password_env or password_file",
            "intake.email.address: 'not-an-address' is not a valid email address",
            "intake.email.poll: poll: '10s' is out of range (30s … 1h)",
            "intake.email.accepted_folder: 'Báo cáo/đã nhận' is not a usable folder name",
            "intake.email.rejected_folder: rejected_folder 'INBOX' is the polled mailbox itself",
            "intake.email.require_header: 'no colon here' is not 'Header-Name: pattern'",
            "intake.email.folder: unknown key 'folder'",
        ]
        for fragment in expected {
            #expect(errors.contains { $0.contains(fragment) }, "missing \(fragment) in \(errors)")
        }
    }

    @Test(arguments: [
        ("http://mail.example.gov.vn", "scheme 'http' is not supported"),
        ("imap://u:secret@mail.example.gov.vn", "the URL holds credentials"),
        ("imap://mail.example.gov.vn/INBOX;UID=4", "only imap[s]://host[:port]/MAILBOX"),
        ("imap://mail.example.gov.vn/Th%C6%B0", "is not a usable mailbox name"),
    ])
    func badURLsAreErrors(url: String, fragment: String) {
        let errors = Self.errors(
            Self.yaml(
                """
                intake:
                  email:
                    url: "\(url)"
                    username: u
                    password_env: P
                    address: baocao@example.gov.vn
                """))
        #expect(errors.contains { $0.contains("intake.email.url") && $0.contains(fragment) }, "\(errors)")
        #expect(!errors.joined().contains("secret"))
    }

    @Test(arguments: ["nhacviec/accepted", "Reports.OK", "a b/c"])
    func asciiFolderNamesAreAccepted(name: String) {
        #expect(ConfigParser.isValidFolderName(name))
    }

    @Test(arguments: ["", "/x", "x/", "a//b", "Đã nhận", "a*", "a%b", "a\"b", "a\\b", " a"])
    func unusableFolderNamesAreRefused(name: String) {
        #expect(!ConfigParser.isValidFolderName(name))
    }
}
