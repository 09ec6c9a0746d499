import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Webhook calls for digests, read back with Foundation's JSONSerialization.
@Suite struct MessageComposerWebhookTests {
    static func request(
        _ config: Config, taskStatus: (String) -> TaskStatus? = { _ in nil }
    ) throws -> (Digest, WebhookRequest) {
        let digest = try MessageComposerTests.digest(
            config, at: MessageComposerTests.overdueDay, to: .unit("phong-qldt"), channel: .webhook("zalo-qldt"))
        let now = try MessageComposerTests.instant("2024-04-03T08:00:05+07:00")
        let request = MessageComposer(config: config).webhook(
            for: digest, url: "https://hooks.example.vn/abc", secret: Array("s3cret".utf8), now: now,
            taskStatus: taskStatus)
        return (digest, try #require(request))
    }

    static func json(_ request: WebhookRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
    }

    @Test func theJSONBodyHasTheDesignFieldsForEveryItem() throws {
        let config = try MessageComposerTests.config()
        let (digest, request) = try Self.request(config) { $0 == "A.1" ? .inProgress : nil }
        let body = try Self.json(request)

        #expect(Set(body.keys) == ["version", "id", "kind", "recipient", "items", "sent_at"])
        #expect(body["version"] as? Int == 1)
        #expect(body["id"] as? String == digest.key)
        #expect(body["kind"] as? String == "reminder")
        #expect(body["sent_at"] as? String == "2024-04-03T08:00:05+07:00")
        #expect(body["recipient"] as? [String: String] == ["id": "phong-qldt", "name": "Phòng Quản lý đầu tư"])
        let items = try #require(body["items"] as? [[String: String]])
        #expect(items.count == 3)
        #expect(items.allSatisfy { Set($0.keys) == ["duty", "title", "step", "due", "due_text", "unit", "status"] })
        #expect(
            items[0] == [
                "duty": "task:A.2", "title": "Đánh giá, xếp loại cán bộ quý I", "step": "overdue-1",
                "due": "2024-03-29",
                "due_text": "29/03/2024", "unit": "phong-qldt", "status": "not_started",
            ])
        #expect(
            items[1] == [
                "duty": "task:A.1", "title": "Công bố thủ tục hành chính lĩnh vực đầu tư", "step": "due",
                "due": "2024-04-01", "due_text": "Tháng 3/2024", "unit": "phong-qldt", "status": "in_progress",
            ])
        #expect(items[2]["step"] == "before-5wd")
    }

    @Test func theRequestCarriesTheDigestKeyTheConfiguredTimeoutAndTheSecret() throws {
        let config = try MessageComposerTests.config()
        let (digest, request) = try Self.request(config)
        #expect(request.key == digest.key)
        #expect(request.url == "https://hooks.example.vn/abc")
        #expect(request.timeout == .seconds(5))
        #expect(request.secret == Array("s3cret".utf8))
        #expect(request.contentType == "application/json")
        #expect(request.headerLines.contains { $0.hasPrefix("X-Nhacviec-Signature: sha256=") })
        #expect(request.timestamp == (try MessageComposerTests.instant("2024-04-03T08:00:05+07:00")))
    }

    @Test func aReportItemIsNotReceived() throws {
        let config = try MessageComposerTests.config(
            MessageComposerTests.yaml(
                reports: """
                    reports:
                      monthly:
                        title: Báo cáo kết quả CCHC
                        from: [phong-qldt]
                        due: day 16
                    """))
        // decree_09: the April 2024 report is due Tue 16/04.
        let digest = try MessageComposerTests.digest(
            config, at: "2024-04-16T08:00:00+07:00", to: .unit("phong-qldt"), channel: .webhook("zalo-qldt"))
        let request = try #require(
            MessageComposer(config: config).webhook(
                for: digest, url: "https://hooks.example.vn/abc", secret: nil, now: digest.at))
        let items = try #require(try Self.json(request)["items"] as? [[String: String]])
        let report = try #require(items.first { $0["duty"] == "report:monthly:phong-qldt" })
        #expect(report["status"] == "not_received")
        #expect(report["due"] == "2024-04-16")
        #expect(report["due_text"] == "ngày 16 hằng tháng")
        #expect(report["title"] == "Báo cáo kết quả CCHC tháng 4/2024")
    }

    @Test func aChatFormatShowsTheHeadlineAndWhatToDo() throws {
        var config = try MessageComposerTests.config()
        var hooks = config.webhooks
        hooks[0].format = .telegram
        hooks[0].chatID = "-1001234567890"
        config = Config(
            path: config.path, version: config.version, organization: config.organization, calendar: config.calendar,
            delivery: config.delivery, webhooks: hooks, units: config.units, groups: config.groups,
            policies: config.policies, tasks: config.tasks, reports: config.reports)
        let (_, request) = try Self.request(config)
        let body = try Self.json(request)
        #expect(body["chat_id"] as? String == "-1001234567890")
        let text = try #require(body["text"] as? String)
        #expect(text.hasPrefix("<b>[Nhắc việc] Phòng Quản lý đầu tư: 2 nhiệm vụ quá hạn, 1 sắp đến hạn</b>"))
        #expect(text.contains("Quá hạn 3 ngày làm việc – Nhắc quá hạn lần 1/5. Đề nghị khẩn trương hoàn thành."))
    }

    @Test func configTextInTheBodyIsNFC() throws {
        var config = try MessageComposerTests.config()
        let decomposed = "Đánh giá, xếp loại cán bộ quý I".decomposedStringWithCanonicalMapping
        config.tasks[1].title = decomposed
        let (_, request) = try Self.request(config)
        let body = String(decoding: request.body, as: UTF8.self)
        let nfc = "Đánh giá, xếp loại cán bộ quý I".precomposedStringWithCanonicalMapping
        #expect(Array(body.utf8).contains(subsequence: Array(nfc.utf8)))
        #expect(!Array(body.utf8).contains(subsequence: Array(decomposed.utf8)))
    }

    @Test func aDigestOnAnUnknownWebhookOrTheEmailChannelHasNoCall() throws {
        let config = try MessageComposerTests.config()
        let composer = MessageComposer(config: config)
        let email = try MessageComposerTests.digest(
            config, at: MessageComposerTests.overdueDay, to: .unit("phong-qldt"))
        #expect(composer.webhook(for: email, url: "https://x.example.vn", secret: nil, now: email.at) == nil)
        let unknown = Digest(recipient: email.recipient, channel: .webhook("da-xoa"), items: email.items, at: email.at)
        #expect(composer.webhook(for: unknown, url: "https://x.example.vn", secret: nil, now: email.at) == nil)
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard !subsequence.isEmpty, subsequence.count <= count else { return subsequence.isEmpty }
        return (0...(count - subsequence.count)).contains {
            self[$0..<($0 + subsequence.count)].elementsEqual(subsequence)
        }
    }
}
