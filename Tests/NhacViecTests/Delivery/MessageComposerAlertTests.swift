import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// `send-test` messages and the dead-letter alert.
@Suite struct MessageComposerAlertTests {
    static let admins = "  admins: [it@example.gov.vn, \"Tổ CNTT <cntt@example.gov.vn>\"]"

    static func entry(_ key: String, error: String, created: Date, updated: Date) -> LedgerEntry {
        LedgerEntry(
            key: key, duty: "task:A.2", occurrence: "2024-03-29", step: "overdue-1", recipient: "phong-qldt",
            channel: "email", status: .dead, attempts: 4, nextAttemptAt: nil, lastError: error, reply: nil,
            messageKey: "digest/phong-qldt/email/0123456789abcdef", skipReason: nil, createdAt: created,
            updatedAt: updated, sentAt: nil)
    }

    static func letters() throws -> [DeadLetter] {
        let created = try MessageComposerTests.instant("2024-04-03T08:00:00+07:00")
        let died = try MessageComposerTests.instant("2024-04-04T08:02:00+07:00")
        let error = "SMTP 550 5.1.1 <qldt@example.gov.vn>: Recipient address rejected: User unknown"
        return [
            DeadLetter(
                messageKey: "digest/phong-qldt/email/0123456789abcdef", recipient: "phong-qldt", channel: "email",
                at: created, diedAt: died, attempts: 4, error: error,
                items: [
                    entry(
                        "task:A.2/2024-03-29/overdue-1/phong-qldt/email", error: error, created: created, updated: died),
                    entry("task:A.1/2024-04-01/due/phong-qldt/email", error: error, created: created, updated: died),
                ]),
            DeadLetter(
                messageKey: "task:A.2/2024-03-29/escalation/head:phong-qldt/webhook:zalo-qldt",
                recipient: "head:phong-qldt", channel: "webhook:zalo-qldt", at: created, diedAt: died, attempts: 1,
                error: "HTTP 404 Not Found: {\"error\":\"no such hook\"}", items: []),
        ]
    }

    @Test func theDeadLetterAlertGoesToTheAdminsAndListsEachMessageWithItsError() throws {
        let config = try MessageComposerTests.config(MessageComposerTests.yaml(admins: Self.admins))
        let now = try MessageComposerTests.instant("2024-04-04T08:05:00+07:00")
        let alert = try #require(MessageComposer(config: config).deadLetterAlert(try Self.letters(), now: now))

        #expect(alert.to.map(\.address) == ["it@example.gov.vn", "cntt@example.gov.vn"])
        #expect(alert.subject == "[Nhắc việc – Cảnh báo] 2 tin nhắn không gửi được")
        #expect(alert.date == now)
        #expect(alert.extraHeaders.contains { $0.name == "X-Nhacviec-Kind" && $0.value == "alert" })
        let text = MessageComposerTests.flat(alert.textBody)
        let expected = [
            "Người nhận: Phòng Quản lý đầu tư (phong-qldt)",
            "Kênh: email",
            "task:A.2/2024-03-29/overdue-1/phong-qldt/email",
            "task:A.1/2024-04-01/due/phong-qldt/email",
            "Số lần gửi: 4",
            "Lỗi cuối: SMTP 550 5.1.1 <qldt@example.gov.vn>: Recipient address rejected: User unknown",
            "Lần gửi đầu: 08:00 Thứ Tư, 03/04/2024",
            "Lần gửi cuối: 08:02 Thứ Năm, 04/04/2024",
            "Người nhận: Trưởng phòng Trần Văn B (head:phong-qldt)",
            "Kênh: webhook zalo-qldt",
            "Lỗi cuối: HTTP 404 Not Found: {\"error\":\"no such hook\"}",
            "nhacviec status",
            "nhacviec check",
        ]
        for phrase in expected {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        let html = try #require(alert.htmlBody)
        #expect(html.contains("SMTP 550 5.1.1 &lt;qldt@example.gov.vn&gt;: Recipient address rejected"))
        let parsed = try ParsedEmail.parse(bytes: alert.rendered())
        #expect(parsed.defects.isEmpty)
        #expect(parsed.parts.map(\.type) == ["multipart/alternative", "text/plain", "text/html"])
    }

    @Test func theAlertKeyDependsOnlyOnTheDeadMessages() throws {
        let config = try MessageComposerTests.config(MessageComposerTests.yaml(admins: Self.admins))
        let composer = MessageComposer(config: config)
        let letters = try Self.letters()
        let first = try #require(composer.deadLetterAlert(letters, now: letters[0].diedAt))
        let again = try #require(
            composer.deadLetterAlert(letters.reversed(), now: letters[0].diedAt.addingTimeInterval(60)))
        let other = try #require(composer.deadLetterAlert([letters[0]], now: letters[0].diedAt))
        #expect(first.key == again.key)
        #expect(first.key != other.key)
        #expect(
            other.subject
                == "[Nhắc việc – Cảnh báo] Không gửi được tin nhắn đến Phòng Quản lý đầu tư (email)")
    }

    @Test func withoutAdminsOrLettersThereIsNoAlert() throws {
        let withoutAdmins = MessageComposer(config: try MessageComposerTests.config())
        #expect(withoutAdmins.deadLetterAlert(try Self.letters(), now: Date(timeIntervalSince1970: 0)) == nil)
        let withAdmins = MessageComposer(
            config: try MessageComposerTests.config(MessageComposerTests.yaml(admins: Self.admins)))
        #expect(withAdmins.deadLetterAlert([], now: Date(timeIntervalSince1970: 0)) == nil)
    }

    @Test func anEnglishAlertIsInEnglish() throws {
        let config = try MessageComposerTests.config(MessageComposerTests.yaml(language: "en", admins: Self.admins))
        let alert = try #require(
            MessageComposer(config: config).deadLetterAlert(try Self.letters(), now: Date(timeIntervalSince1970: 0)))
        #expect(alert.subject == "[Reminder – Alert] 2 messages could not be delivered")
        #expect(MessageComposerTests.flat(alert.textBody).contains("Last error: SMTP 550 5.1.1"))
    }

    // MARK: send-test

    @Test func aTestEmailIsMarkedAsATestAndAsksForNothing() throws {
        let config = try MessageComposerTests.config()
        let now = try MessageComposerTests.instant("2024-04-03T14:30:00+07:00")
        let to = [try #require(Mailbox(parsing: "Phòng Tổ chức <tc@example.gov.vn>"))]
        let message = MessageComposer(config: config).testEmail(to: to, recipientName: "Phòng Tổ chức", now: now)

        #expect(message.subject == "[Nhắc việc] Thư thử nghiệm — Ban Quản lý Khu kinh tế Hải Phòng")
        #expect(message.to == to)
        #expect(message.from.address == "vanphong@example.gov.vn")
        #expect(message.date == now)
        #expect(message.key == "send-test/2024-04-03T14:30:00+07:00/tc@example.gov.vn")
        #expect(message.extraHeaders.contains { $0.name == "X-Nhacviec-Kind" && $0.value == "test" })
        let text = MessageComposerTests.flat(message.textBody)
        for phrase in [
            "Kính gửi: Phòng Tổ chức", "thư thử nghiệm", "nhacviec send-test", "Không cần thực hiện việc gì.",
            "Cơ quan: Ban Quản lý Khu kinh tế Hải Phòng", "Thời điểm gửi: 14:30 Thứ Tư, 03/04/2024",
            "Tệp cấu hình: test.yaml", "Gửi đến: tc@example.gov.vn",
        ] {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        let parsed = try ParsedEmail.parse(bytes: message.rendered())
        #expect(parsed.subject == "[Nhắc việc] Thư thử nghiệm — Ban Quản lý Khu kinh tế Hải Phòng")
        #expect(parsed.parts.map(\.type) == ["multipart/alternative", "text/plain", "text/html"])
    }

    @Test func aTestWebhookCallHasKindTestAndNoItems() throws {
        let config = try MessageComposerTests.config()
        let webhook = try #require(config.webhook("zalo-qldt"))
        let now = try MessageComposerTests.instant("2024-04-03T14:30:00+07:00")
        let request = MessageComposer(config: config).testWebhook(
            webhook: webhook, url: "https://hooks.example.vn/abc", secret: nil, now: now)

        #expect(request.key == "send-test/2024-04-03T14:30:00+07:00/webhook:zalo-qldt")
        #expect(request.timeout == .seconds(5))
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(body["kind"] as? String == "test")
        #expect(body["id"] as? String == request.key)
        #expect(body["recipient"] as? [String: String] == ["id": "zalo-qldt", "name": "Phòng Quản lý đầu tư"])
        #expect((body["items"] as? [Any])?.isEmpty == true)
        #expect(body["sent_at"] as? String == "2024-04-03T14:30:00+07:00")
    }
}
