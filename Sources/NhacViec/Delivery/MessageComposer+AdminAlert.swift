import Foundation

/// What every alert to `organization.admins` shares: the footer naming the
/// organization, the moment and the config file, and the e-mail around the body.
extension MessageComposer {
    func adminAlertFooter(now: Date) -> [String] {
        [
            text.pick(
                "Thư gửi tự động từ nhacviec (\(config.organization.name)), lúc \(text.moment(now, clock: clock)). Tệp cấu hình: \(config.path).",
                "Sent automatically by nhacviec (\(config.organization.name)) at \(text.moment(now, clock: clock)). Config file: \(config.path)."
            )
        ]
    }

    func adminAlert(key: String, to admins: [Mailbox], subject: String, body: MessageBody, now: Date) -> EmailMessage {
        EmailMessage(
            key: key, from: sender, to: admins, subject: subject, textBody: body.plainText, htmlBody: body.html,
            date: now, timeZone: config.organization.timeZone, extraHeaders: Self.headers(kind: "alert"))
    }
}
