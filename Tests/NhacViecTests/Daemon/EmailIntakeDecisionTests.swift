import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// What the intake answers a message it cannot read, in `organization.language`:
/// the texts come from the submission catalogue like every other refusal.
@Suite struct EmailIntakeDecisionTests {
    static let intake = """
        intake:
          email:
            url: imaps://mail.example.gov.vn:993/INBOX
            username: baocao@example.gov.vn
            password_env: NHACVIEC_IMAP_PASSWORD
            address: "Văn phòng - Báo cáo CCHC <baocao@example.gov.vn>"

        """

    static func config(language: MessageLanguage) throws -> Config {
        let organization = TestConfig.yaml(tasks: "tasks: []").replacingOccurrences(
            of: "  office: van-phong\n", with: "  office: van-phong\n  language: \(language.rawValue)\n")
        return try TestConfig.load(organization + "\n" + intake)
    }

    @Test(arguments: [
        (MessageLanguage.vietnamese, "Thư lớn hơn 25 MB nên không được đọc; đề nghị gửi riêng tệp báo cáo."),
        (.english, "The message is larger than 25 MB and was not read; send the report alone."),
    ])
    func aMessageOverTheLimitIsAnsweredUnreadInTheOrganizationsLanguage(
        _ language: MessageLanguage, _ expected: String
    ) throws {
        let config = try Self.config(language: language)
        let settings = try #require(config.intake.email)
        let directory = try TemporaryDirectory()
        let store = try StateStore(directory: directory.file("state"))
        // Only the header is fetched of a message over the limit.
        let header = """
            From: =?UTF-8?Q?Ph=C3=B2ng_QL=C4=90T?= <qldt@example.gov.vn>\r
            To: baocao@example.gov.vn\r
            Subject: Bao cao thang 3\r
            Message-ID: <big-1@qldt.example.gov.vn>\r
            \r

            """
        let now = try IntakeTestSupport.at("2024-03-15T10:00:00+07:00")
        let decision = try EmailIntakeDecision.decide(
            IncomingEmail(raw: Array(header.utf8)), contentHash: "big", tooLarge: true, config: config,
            settings: settings, store: store, receivedAt: now, now: now)
        #expect(decision.outcome == .rejected)
        let reply = try ParsedEmail.parse(bytes: try #require(decision.messages.first).mime)
        #expect(reply.to.map(\.address) == ["qldt@example.gov.vn"])
        let text = reply.parts.first { $0.type == "text/plain" }?.text ?? ""
        #expect(text.contains(expected), "\(text)")
    }
}
