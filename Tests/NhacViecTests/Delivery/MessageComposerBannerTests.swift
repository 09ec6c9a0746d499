import Foundation
import Testing

@testable import NhacViec

/// Issue 9 #21: the HTML banner repeated the subject, cut mid-word.
@Suite struct MessageComposerBannerTests {
    static let longTitle =
        "Công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung lĩnh vực đầu tư tại Việt Nam thuộc thẩm quyền giải quyết của Ban Quản lý"

    /// The text of the banner cell (the one on the dark blue background).
    static func banner(_ html: String) throws -> String {
        let start = try #require(html.range(of: "background-color:#1f4e79;"))
        let open = try #require(html.range(of: ">", range: start.upperBound..<html.endIndex))
        let close = try #require(html.range(of: "</td>", range: open.upperBound..<html.endIndex))
        return String(html[open.upperBound..<close.lowerBound])
    }

    /// Mon 25/03: A.1's before-5wd alone, so its title makes the subject.
    static func singleItemEmail(language: String = "vi") throws -> EmailMessage {
        let config = try MessageComposerTests.config(
            MessageComposerTests.yaml(language: language, a1Title: longTitle))
        return try MessageComposerTests.email(
            config, at: "2024-03-25T08:00:00+07:00", after: ["2024-03-22T08:00:00+07:00"], to: .unit("phong-qldt"))
    }

    @Test func aLongTitleIsShortenedInTheSubjectAtAWordBoundary() throws {
        let message = try Self.singleItemEmail()
        let prefix = "[Nhắc việc] "
        #expect(message.subject.hasPrefix(prefix))
        let shown = try #require(message.subject.dropFirst(prefix.count).components(separatedBy: "…:").first)
        #expect(shown.count <= 90)
        #expect(Self.longTitle.hasPrefix(shown))
        // The cut falls where the title has a space: no word is split.
        let next = Self.longTitle.dropFirst(shown.count).first
        #expect(next == " " || next == ",", "cut inside a word: \(shown)")
        #expect(message.subject.hasSuffix("…: sắp đến hạn (01/04/2024)"))
    }

    @Test func theBannerSaysWhatAndFromWhomNotTheSubject() throws {
        let message = try Self.singleItemEmail()
        let banner = try Self.banner(try #require(message.htmlBody))
        #expect(banner == "Nhắc việc · Văn phòng Ban Quản lý, Ban Quản lý Khu kinh tế Hải Phòng")
        #expect(!banner.contains("…"))
        // The full title is in the body, once, uncut.
        #expect(message.htmlBody?.contains(Self.longTitle) == true)
        #expect(message.htmlBody?.contains("<title>\(HTMLText.escaped(message.subject))</title>") == true)
    }

    @Test func escalationsAlertsAndTestsNameTheirKind() throws {
        let config = try MessageComposerTests.config(
            MessageComposerTests.yaml(language: "en", admins: MessageComposerAlertTests.admins))
        let head = try MessageComposerTests.email(config, at: "2024-04-05T08:00:00+07:00", to: .head("phong-qldt"))
        #expect(
            try Self.banner(try #require(head.htmlBody))
                == "Reminder – Escalation to head · Văn phòng Ban Quản lý, Ban Quản lý Khu kinh tế Hải Phòng")
        let composer = MessageComposer(config: config)
        let test = composer.testEmail(
            to: config.organization.admins, recipientName: "IT", now: Date(timeIntervalSince1970: 1_711_328_400))
        #expect(try Self.banner(try #require(test.htmlBody)).hasPrefix("Reminder – Test message · "))
    }

    @Test func shortenedCutsAtTheLastSpaceThatFits() {
        #expect(MessageComposer.shortened("lao động tiền lương", to: 12) == "lao động…")
        #expect(MessageComposer.shortened("một, hai, ba", to: 10) == "một, hai…")
        #expect(MessageComposer.shortened("ngắn", to: 10) == "ngắn")
        #expect(
            MessageComposer.shortened(String(repeating: "x", count: 20), to: 10) == String(repeating: "x", count: 9)
                + "…")
    }
}
