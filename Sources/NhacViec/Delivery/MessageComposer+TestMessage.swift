import Foundation

extension MessageComposer {
    /// A clearly marked test email (`nhacviec send-test`): who sends it, from which
    /// config, when, and that nothing needs doing.
    ///
    /// The key is `send-test/<now>/<first address>`, so each test gets its own
    /// `Message-ID` and outbox file. The caller gives at least one address.
    package func testEmail(to: [Mailbox], recipientName: String, now: Date) -> EmailMessage {
        let subject = text.pick(
            "[Nhắc việc] Thư thử nghiệm — \(config.organization.name)",
            "[Reminder] Test message — \(config.organization.name)")
        let addresses = to.map(\.address).joined(separator: ", ")
        let body = MessageBody(
            language: config.organization.language, heading: subject,
            banner: banner(text.pick("Nhắc việc – Thư thử nghiệm", "Reminder – Test message")),
            greeting: text.pick("Kính gửi: \(recipientName)", "To: \(recipientName)"),
            paragraphs: [
                text.pick(
                    "Đây là thư thử nghiệm do hệ thống nhắc việc nhacviec gửi theo lệnh nhacviec send-test của quản trị viên, để kiểm tra việc gửi thư đến địa chỉ này.",
                    "This is a test message sent by the nhacviec reminder system at an administrator's request (nhacviec send-test), to check that email reaches this address."
                ),
                text.pick(
                    "Không cần thực hiện việc gì. Thư này không phải là nhắc việc.",
                    "No action is needed. This message is not a reminder."),
            ],
            sections: [
                MessageBody.Section(
                    title: text.pick("Thông tin thử nghiệm", "About this test"), tone: .neutral,
                    fields: testFields(now: now) + [.init(label: text.pick("Gửi đến", "Sent to"), value: addresses)])
            ],
            footer: testFooter)
        return EmailMessage(
            key: "send-test/\(clock.iso8601(now))/\(to.first?.address ?? recipientName)", from: sender, to: to,
            subject: subject, textBody: body.plainText, htmlBody: body.html, date: now,
            timeZone: config.organization.timeZone, extraHeaders: Self.headers(kind: "test"))
    }

    /// A test call to a webhook (`kind: test`, no items): the chat formats show the
    /// headline alone, which says it is a test and needs no action.
    ///
    /// - Parameter url: the webhook's URL, already resolved (see ``SecretResolver/webhookURL(_:)``).
    package func testWebhook(webhook: WebhookConfig, url: String, secret: [UInt8]?, now: Date) -> WebhookRequest {
        let subscribers =
            config.units.filter { $0.webhooks.contains(webhook.id) }.map(\.name)
            + config.groups.filter { $0.webhooks.contains(webhook.id) }.map(\.name)
        let headline = text.pick(
            "[Nhắc việc] Tin nhắn thử nghiệm — \(config.organization.name), \(text.moment(now, clock: clock)). Không cần thực hiện việc gì.",
            "[Reminder] Test message — \(config.organization.name), \(text.moment(now, clock: clock)). No action is needed."
        )
        let payload = WebhookDigest(
            id: "send-test/\(clock.iso8601(now))/webhook:\(webhook.id)", kind: .test,
            recipient: WebhookDigest.Recipient(
                id: webhook.id, name: subscribers.isEmpty ? webhook.id : subscribers.joined(separator: ", ")),
            headline: headline, items: [], sentAt: now, timeZone: config.organization.timeZone,
            language: config.organization.language)
        return request(payload, webhook: webhook, url: url, secret: secret, now: now)
    }

    private func testFields(now: Date) -> [MessageBody.Field] {
        [
            .init(label: text.pick("Cơ quan", "Organization"), value: config.organization.name),
            .init(label: text.pick("Đơn vị gửi", "Sent by"), value: officeContact),
            .init(label: text.pick("Thời điểm gửi", "Sent at"), value: text.moment(now, clock: clock)),
            .init(label: text.pick("Tệp cấu hình", "Config file"), value: config.path),
            .init(label: text.pick("Phiên bản", "Version"), value: "nhacviec \(NhacViecVersion.current)"),
        ]
    }

    private var testFooter: [String] {
        [
            text.pick(
                "Thư gửi tự động từ hệ thống nhắc việc (nhacviec) của \(officeName).",
                "Sent automatically by the nhacviec reminder system of \(officeName)."),
            text.pick("Mọi trao đổi xin gửi \(officeContact).", "Please address any questions to \(officeContact)."),
        ]
    }
}
