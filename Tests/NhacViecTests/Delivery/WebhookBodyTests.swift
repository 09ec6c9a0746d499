import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Webhook bodies, read back with Foundation's JSONSerialization (not our writer).
@Suite struct WebhookBodyTests {
    static let digest = WebhookDigest(
        id: "task:II.3/2024-04-01/due/phong-qldt/webhook:zalo", kind: .reminder,
        recipient: .init(id: "phong-qldt", name: "Phòng Quản lý đầu tư"),
        headline: "Nhắc việc: 2 nhiệm vụ đến hạn <hôm nay> & sắp tới",
        items: [
            .init(
                duty: "task:II.3", title: "Rà soát thủ tục hành chính \"lĩnh vực đầu tư\" <2024>", step: "due",
                due: LocalDate(year: 2024, month: 4, day: 1), dueText: "Tháng 3/2024", unit: "phong-qldt",
                status: "in_progress", note: "Hôm nay đến hạn; báo cáo Văn phòng"),
            .init(
                duty: "report:monthly:phong-qldt", title: "Báo cáo tháng 4/2024", step: "before-1wd", due: nil,
                dueText: nil, unit: "phong-qldt", status: "not_received"),
        ],
        sentAt: DeliveryFixtures.sendTime, timeZone: DeliveryFixtures.vietnam)

    func object(_ format: WebhookPayloadFormat) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(Self.digest.body(for: format)))
        return try #require(json as? [String: Any])
    }

    @Test func jsonBodyHasTheDesignShape() throws {
        let body = try object(.json)
        #expect(Set(body.keys) == ["version", "id", "kind", "recipient", "items", "sent_at"])
        #expect(body["version"] as? Int == 1)
        #expect(body["id"] as? String == Self.digest.id)
        #expect(body["kind"] as? String == "reminder")
        #expect(body["sent_at"] as? String == "2024-03-25T08:00:00+07:00")
        let recipient = try #require(body["recipient"] as? [String: String])
        #expect(recipient == ["id": "phong-qldt", "name": "Phòng Quản lý đầu tư"])
        let items = try #require(body["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(Set(items[0].keys) == ["duty", "title", "step", "due", "due_text", "unit", "status"])
        #expect(items[0]["title"] as? String == "Rà soát thủ tục hành chính \"lĩnh vực đầu tư\" <2024>")
        #expect(items[0]["due"] as? String == "2024-04-01")
        #expect(items[0]["due_text"] as? String == "Tháng 3/2024")
        #expect(items[1]["due"] is NSNull)
        #expect(items[1]["status"] as? String == "not_received")
    }

    @Test func jsonBodyIsDeterministicAndUnescapedUTF8() {
        let first = Self.digest.body(for: .json)
        #expect(first == Self.digest.body(for: .json))
        #expect(String(decoding: first, as: UTF8.self).contains("\"name\":\"Phòng Quản lý đầu tư\""))
    }

    @Test func slackBodyHasTextAndBlocksWithEscapedMrkdwn() throws {
        let body = try object(.slack)
        #expect(body["text"] as? String == "Nhắc việc: 2 nhiệm vụ đến hạn &lt;hôm nay&gt; &amp; sắp tới")
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["header", "section", "section"])
        let section = try #require(blocks[1]["text"] as? [String: String])
        #expect(section["type"] == "mrkdwn")
        #expect(section["text"]?.contains("*Rà soát thủ tục hành chính \"lĩnh vực đầu tư\" &lt;2024&gt;*") == true)
        #expect(section["text"]?.contains("Hạn: Thứ Hai, 01/04/2024 (Tháng 3/2024)") == true)
    }

    @Test func teamsBodyIsAMessageWithAnAdaptiveCard() throws {
        let body = try object(.teams)
        #expect(body["type"] as? String == "message")
        let attachments = try #require(body["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments[0]["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachments[0]["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect(card["version"] as? String == "1.4")
        let blocks = try #require(card["body"] as? [[String: Any]])
        let first = try #require((blocks.first?["inlines"] as? [[String: Any]])?.first)
        #expect(first["type"] as? String == "TextRun")
        #expect(first["text"] as? String == Self.digest.headline)
        #expect(blocks.count == 7, "the headline, then title, deadline and detail per item")
    }

    @Test func googleChatBodyIsTextOnly() throws {
        let body = try object(.googleChat)
        #expect(Array(body.keys) == ["text"])
        let text = try #require(body["text"] as? String)
        #expect(text.hasPrefix("*Nhắc việc: 2 nhiệm vụ"))
        #expect(text.contains("Hạn: Thứ Hai, 01/04/2024 (Tháng 3/2024)"))
    }

    @Test func telegramBodyIsSendMessageWithEscapedHTML() throws {
        let body = try object(.telegram(chatID: "-1001234567890"))
        #expect(body["chat_id"] as? String == "-1001234567890")
        #expect(body["parse_mode"] as? String == "HTML")
        let text = try #require(body["text"] as? String)
        #expect(text.hasPrefix("<b>Nhắc việc: 2 nhiệm vụ đến hạn &lt;hôm nay&gt; &amp; sắp tới</b>"))
        #expect(text.contains("<b>Rà soát thủ tục hành chính \"lĩnh vực đầu tư\" &lt;2024&gt;</b>"))
        #expect(!text.contains("<2024>"))
    }

    @Test func webhookFormatsParseFromConfigNames() {
        #expect(WebhookPayloadFormat(configName: "google_chat") == .googleChat)
        #expect(WebhookPayloadFormat(configName: "telegram", telegramChatID: "42") == .telegram(chatID: "42"))
        #expect(WebhookPayloadFormat(configName: "telegram") == nil)
        #expect(WebhookPayloadFormat(configName: "discord") == nil)
    }
}
