import NhacViecTestSupport
import Testing

@testable import NhacViec

@Suite struct MailboxTests {
    @Test(arguments: [
        ("vanphong@example.gov.vn", nil, "vanphong@example.gov.vn"),
        ("Văn phòng Ban Quản lý <vanphong@example.gov.vn>", "Văn phòng Ban Quản lý", "vanphong@example.gov.vn"),
        ("\"Nguyễn Văn A\" <a.nguyen@example.gov.vn>", "Nguyễn Văn A", "a.nguyen@example.gov.vn"),
        ("  <it+alerts@example.vn>  ", nil, "it+alerts@example.vn"),
    ])
    func validMailboxesParseIntoNameAndAddress(text: String, name: String?, address: String) throws {
        let mailbox = try #require(Mailbox(parsing: text))
        #expect(mailbox.displayName == name)
        #expect(mailbox.address == address)
    }

    @Test(arguments: [
        "", "no-at-sign", "@example.vn", "a@", "a@localhost", "a..b@example.vn", "a@-bad.vn",
        "a b@example.vn", "Name <a@example.vn", "a@example.vn\r\nBcc: x@evil.vn",
        "Evil\r\nBcc: x@evil.vn <a@example.vn>", "a@exa_mple.vn", "người@example.vn",
    ])
    func malformedOrInjectingMailboxesAreRejected(text: String) {
        #expect(Mailbox(parsing: text) == nil)
    }
}
