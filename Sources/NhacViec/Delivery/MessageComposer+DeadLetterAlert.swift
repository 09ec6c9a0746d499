import Foundation

extension MessageComposer {
    /// The operational alert to `organization.admins` about messages the daemon
    /// gave up on: each one's recipient, channel, items, attempts, last error
    /// (with the server's reply) and attempt times, and what to do.
    ///
    /// The key is derived from the dead messages' keys, so an alert resent after
    /// a crash is recognisably the same message.
    ///
    /// - Returns: nil when there are no admins or no letters.
    package func deadLetterAlert(_ letters: [DeadLetter], now: Date) -> EmailMessage? {
        let admins = config.organization.admins
        guard !admins.isEmpty, let first = letters.first else { return nil }
        let subject =
            letters.count == 1
            ? text.pick(
                "[Nhắc việc – Cảnh báo] Không gửi được tin nhắn đến \(recipientName(first.recipient)) (\(channelName(first.channel)))",
                "[Reminder – Alert] A message to \(recipientName(first.recipient)) (\(channelName(first.channel))) could not be delivered"
            )
            : text.pick(
                "[Nhắc việc – Cảnh báo] \(letters.count) tin nhắn không gửi được",
                "[Reminder – Alert] \(letters.count) messages could not be delivered")
        let giveUp = text.duration(config.delivery.retry.giveUpAfter)
        let body = MessageBody(
            language: config.organization.language, heading: subject,
            banner: banner(text.pick("Nhắc việc – Cảnh báo", "Reminder – Alert")),
            greeting: text.pick("Kính gửi: Quản trị viên hệ thống nhắc việc", "To: the nhacviec administrators"),
            paragraphs: [
                text.pick(
                    "nhacviec đã ngừng gửi \(letters.count) tin nhắn dưới đây vì máy chủ nhận từ chối hẳn, hoặc lỗi kéo dài quá thời gian thử lại (\(giveUp)). Người nhận chưa nhận được các nhắc việc này.",
                    "nhacviec gave up on the \(MessageText.counted(letters.count, "message")) below: the receiving server refused it, or failures lasted longer than the retry period (\(giveUp)). The recipients have not received these reminders."
                )
            ],
            sections: letters.map(section(for:)),
            closing: [
                text.pick(
                    "Việc cần làm: xem tình trạng gửi bằng lệnh nhacviec status; sửa địa chỉ email hoặc URL webhook trong tệp cấu hình (kiểm tra bằng nhacviec check), hoặc khắc phục máy chủ nhận theo lỗi ở trên; nếu việc gấp, báo người nhận bằng cách khác.",
                    "What to do: check deliveries with nhacviec status; fix the email address or webhook URL in the config (check it with nhacviec check), or the receiving server, as the error above says; if it is urgent, tell the recipients another way."
                ),
                text.pick(
                    "nhacviec không tự gửi lại các tin nhắn này; mỗi tin chỉ được cảnh báo một lần.",
                    "nhacviec does not resend these messages; each is reported once."),
            ],
            footer: adminAlertFooter(now: now))
        let keys = letters.map(\.messageKey).sorted().joined(separator: "\n")
        return adminAlert(
            key: "alert:dead-letters/\(DeliveryKey.hash(keys))", to: admins, subject: subject, body: body, now: now)
    }

    private func section(for letter: DeadLetter) -> MessageBody.Section {
        let firstAttempt = letter.items.map(\.createdAt).min() ?? letter.at
        var fields: [MessageBody.Field] = [
            .init(
                label: text.pick("Người nhận", "Recipient"),
                value: "\(recipientName(letter.recipient)) (\(letter.recipient))"),
            .init(label: text.pick("Kênh", "Channel"), value: channelName(letter.channel)),
            .init(label: text.pick("Tin nhắn", "Message"), value: letter.messageKey),
        ]
        if !letter.items.isEmpty {
            fields.append(
                .init(label: text.pick("Các mục", "Items"), value: letter.items.map(\.key).joined(separator: "\n")))
        }
        fields += [
            .init(label: text.pick("Số lần gửi", "Attempts"), value: String(letter.attempts)),
            .init(
                label: text.pick("Lỗi cuối", "Last error"),
                value: letter.error.isEmpty ? text.pick("(không ghi nhận)", "(none recorded)") : letter.error,
                emphasized: true),
            .init(label: text.pick("Lần gửi đầu", "First attempt"), value: text.moment(firstAttempt, clock: clock)),
            .init(label: text.pick("Lần gửi cuối", "Last attempt"), value: text.moment(letter.diedAt, clock: clock)),
        ]
        return MessageBody.Section(
            title: "\(recipientName(letter.recipient)) – \(channelName(letter.channel))", tone: .overdue, fields: fields
        )
    }

    /// A ledger recipient tag (`phong-qldt`, `head:phong-qldt`) as a name, when the config still has it.
    private func recipientName(_ tag: String) -> String {
        if tag.hasPrefix("head:") { return name(of: .head(String(tag.dropFirst(5)))) }
        if let unit = config.unit(tag) { return unit.name }
        return config.group(tag)?.name ?? tag
    }

    /// `email`, or "webhook zalo-van-phong" for `webhook:zalo-van-phong`.
    private func channelName(_ channel: String) -> String {
        channel.hasPrefix("webhook:") ? "webhook \(channel.dropFirst(8))" : channel
    }
}
