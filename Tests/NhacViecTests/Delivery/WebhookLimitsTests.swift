import Foundation
import Testing

@testable import NhacViec

/// Issue 9 #18: every chat format within its service's documented limits, and
/// config text that cannot become markup in any of them. Bodies are read back
/// with Foundation's JSONSerialization.
@Suite struct WebhookLimitsTests {
    /// A realistic 65-item digest: long Vietnamese titles, deadlines, notes.
    static func digest(items count: Int, language: MessageLanguage = .vietnamese, title: String? = nil)
        -> WebhookDigest
    {
        let items = (1...count).map { index in
            WebhookDigest.Item(
                duty: "task:VI.\(index)",
                title: title
                    ?? "Triển khai thực hiện nhiệm vụ số \(index) về cải cách thủ tục hành chính, số hoá hồ sơ và kết quả giải quyết thủ tục hành chính thuộc thẩm quyền của Ban Quản lý",
                step: "overdue-2", due: LocalDate(year: 2024, month: 4, day: 1), dueText: "Tháng 3/2024",
                unit: "phong-quan-ly-dau-tu",
                status: "in_progress",
                note:
                    "Quá hạn 3 ngày làm việc – Nhắc quá hạn lần 2/5. Đề nghị khẩn trương hoàn thành. Cập nhật tiến độ trong báo cáo tháng gửi Văn phòng Ban Quản lý, hoặc báo Văn phòng Ban Quản lý (vanphong@example.gov.vn) khi hoàn thành để dừng nhắc."
            )
        }
        return WebhookDigest(
            id: "digest/phong-qldt/webhook:chat/2024-04-03T08:00:00+07:00", kind: .reminder,
            recipient: .init(id: "phong-qldt", name: "Phòng Quản lý đầu tư"),
            headline: "[Nhắc việc] Phòng Quản lý đầu tư: \(count) nhiệm vụ quá hạn", items: items,
            sentAt: DeliveryFixtures.sendTime, timeZone: DeliveryFixtures.vietnam, language: language)
    }

    static func object(_ digest: WebhookDigest, _ format: WebhookPayloadFormat) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(digest.body(for: format)))
        return try #require(json as? [String: Any])
    }

    /// The TextRun texts of a Teams card, in order.
    static func teamsTexts(_ body: [String: Any]) throws -> [String] {
        let attachments = try #require(body["attachments"] as? [[String: Any]])
        let card = try #require(attachments.first?["content"] as? [String: Any])
        let blocks = try #require(card["body"] as? [[String: Any]])
        #expect(blocks.allSatisfy { $0["type"] as? String == "RichTextBlock" }, "no Markdown-reading TextBlock")
        return blocks.flatMap { block in
            (block["inlines"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        }
    }

    @Test func slackAt65ItemsKeeps50BlocksAndShortSections() throws {
        let body = try Self.object(Self.digest(items: 65), .slack)
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.count <= 50)
        let sections = blocks.filter { $0["type"] as? String == "section" }
        #expect(sections.count == 48)
        for section in sections {
            let text = try #require((section["text"] as? [String: Any])?["text"] as? String)
            #expect(text.count <= 3000)
        }
        let header = try #require((blocks.first?["text"] as? [String: Any])?["text"] as? String)
        #expect(header.count <= 150)
        let context = try #require(blocks.last?["elements"] as? [[String: Any]])
        #expect(context.first?["text"] as? String == "… và 17 mục khác")
    }

    @Test func aSlackSectionStaysWithin3000CharactersWhateverTheTitle() throws {
        let title = String(repeating: "<&> ", count: 2000)
        let body = try Self.object(Self.digest(items: 1, title: title), .slack)
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        let text = try #require((blocks[1]["text"] as? [String: Any])?["text"] as? String)
        #expect(text.count <= 3000)
        #expect(!text.contains("<"))
    }

    @Test func teamsAt65ItemsStaysUnder28KB() throws {
        let digest = Self.digest(items: 65)
        let bytes = digest.body(for: .teams)
        #expect(bytes.count <= 28_000)
        let texts = try Self.teamsTexts(try Self.object(digest, .teams))
        let last = try #require(texts.last)
        #expect(last.hasPrefix("… và ") && last.hasSuffix(" mục khác"))
        let shown = texts.filter { $0.hasPrefix("Triển khai thực hiện nhiệm vụ số") }.count
        #expect(shown > 20, "as many items as fit, not a handful")
        #expect(last == "… và \(65 - shown) mục khác")
    }

    @Test func googleChatAt65ItemsStaysUnder32000Bytes() throws {
        let digest = Self.digest(items: 65)
        #expect(digest.body(for: .googleChat).count <= 32_000)
        let text = try #require(try Self.object(digest, .googleChat)["text"] as? String)
        let shown = text.components(separatedBy: "\n• *").count - 1
        #expect(shown > 20)
        #expect(text.hasSuffix("\n… và \(65 - shown) mục khác"))
    }

    @Test func telegramAt65ItemsStaysWithin4096Characters() throws {
        let text = try #require(
            try Self.object(Self.digest(items: 65), .telegram(chatID: "-100123"))["text"] as? String)
        #expect(text.utf16.count <= 4096)
        let shown = text.components(separatedBy: "\n\n• <b>").count - 1
        #expect(shown >= 5)
        #expect(text.hasSuffix("\n\n… và \(65 - shown) mục khác"))
    }

    @Test(arguments: [
        WebhookPayloadFormat.slack, .teams, .googleChat, .telegram(chatID: "1"),
    ])
    func aDigestThatFitsIsShownWholeAndEnglishSaysAndNMore(format: WebhookPayloadFormat) throws {
        let small = String(decoding: Self.digest(items: 3).body(for: format), as: UTF8.self)
        #expect(!small.contains("mục khác") && small.contains("nhiệm vụ số 3 "))
        let english = String(decoding: Self.digest(items: 65, language: .english).body(for: format), as: UTF8.self)
        #expect(english.range(of: #"… and \d+ more"#, options: .regularExpression) != nil)
        #expect(!english.contains("mục khác"))
        #expect(english.contains("Due: Monday, 1 April 2024 (Tháng 3/2024)"))
    }

    static let hostile =
        "Rà soát <https://evil.example/x|bấm vào đây> & <users/all> <b>đậm</b> [liên kết](https://evil.example)"

    @Test func slackShowsAngleBracketsAsText() throws {
        let body = String(
            decoding: Self.digest(items: 1, title: Self.hostile).body(for: .slack), as: UTF8.self)
        #expect(body.contains("&lt;https://evil.example/x|bấm vào đây&gt; &amp; &lt;users/all&gt;"))
        #expect(!body.contains("<https") && !body.contains("<users"))
    }

    @Test func googleChatGetsNoLinkOrMentionSyntax() throws {
        let text = try #require(
            try Self.object(Self.digest(items: 1, title: Self.hostile), .googleChat)["text"] as? String)
        #expect(!text.contains("<") && !text.contains(">"))
        #expect(text.contains("＜https://evil.example/x|bấm vào đây＞ & ＜users/all＞"))
    }

    @Test func telegramEscapesHTML() throws {
        let text = try #require(
            try Self.object(Self.digest(items: 1, title: Self.hostile), .telegram(chatID: "1"))["text"] as? String)
        #expect(
            text.contains("&lt;https://evil.example/x|bấm vào đây&gt; &amp; &lt;users/all&gt; &lt;b&gt;đậm&lt;/b&gt;"))
        // Only our own tags remain.
        let tags = text.matches(of: /<\/?[a-z]+>/).map { String(text[$0.range]) }
        #expect(Set(tags).isSubset(of: ["<b>", "</b>"]))
    }

    @Test func teamsShowsTheTitleAsLiteralText() throws {
        let texts = try Self.teamsTexts(try Self.object(Self.digest(items: 1, title: Self.hostile), .teams))
        #expect(texts.contains(Self.hostile))
    }
}
