import Foundation

extension MessageComposer {
    /// The alert to `organization.admins` that the mail server's configuration is
    /// wrong (DESIGN §5): a certificate not trusted, STARTTLS missing, a refused
    /// login. Names the config key to fix; the messages wait and are retried.
    ///
    /// - Parameters:
    ///   - problems: the config key to fix, with the failure in words.
    ///   - key: the alert's ledger key, which says which problems it tells of.
    /// - Returns: nil when there are no admins or no problems.
    package func configurationAlert(_ problems: [(fix: String, reason: String)], key: String, now: Date)
        -> EmailMessage?
    {
        let admins = config.organization.admins
        guard !admins.isEmpty, !problems.isEmpty else { return nil }
        let subject = text.pick(
            "[Nhắc việc – Cảnh báo] Máy chủ thư cần sửa cấu hình: chưa gửi được thư",
            "[Reminder – Alert] The mail server configuration needs fixing: e-mails are waiting")
        let sections = problems.map { problem in
            MessageBody.Section(
                title: problem.fix, tone: .overdue,
                fields: [
                    .init(label: text.pick("Khóa cấu hình cần sửa", "Config key to fix"), value: problem.fix),
                    .init(label: text.pick("Lỗi", "Error"), value: problem.reason, emphasized: true),
                    .init(label: text.pick("Cách sửa", "How to fix"), value: howToFix(problem.fix)),
                ])
        }
        let body = MessageBody(
            language: config.organization.language, heading: subject,
            banner: banner(text.pick("Nhắc việc – Cảnh báo", "Reminder – Alert")),
            greeting: text.pick("Kính gửi: Quản trị viên hệ thống nhắc việc", "To: the nhacviec administrators"),
            paragraphs: [
                text.pick(
                    "nhacviec không gửi được thư vì cấu hình máy chủ thư (delivery.email) không khớp với máy chủ. Các thư chưa bị bỏ: nhacviec tiếp tục thử lại và sẽ gửi ngay khi cấu hình được sửa và nạp lại (systemctl reload nhacviec).",
                    "nhacviec cannot send e-mail because the mail server settings (delivery.email) do not match the server. No message is dropped: nhacviec keeps retrying and delivers them as soon as the config is fixed and reloaded (systemctl reload nhacviec)."
                )
            ],
            sections: sections,
            closing: [
                text.pick(
                    "Sau khi sửa, kiểm tra bằng nhacviec check và nhacviec send-test <địa chỉ email>.",
                    "After fixing it, check with nhacviec check and nhacviec send-test <e-mail address>.")
            ],
            footer: adminAlertFooter(now: now))
        return adminAlert(key: key, to: admins, subject: subject, body: body, now: now)
    }

    private func howToFix(_ key: String) -> String {
        switch key {
        case "delivery.email.ca_file":
            text.pick(
                "Nếu máy chủ thư dùng chứng chỉ do CA nội bộ cấp, đặt delivery.email.ca_file là tệp chứng chỉ (PEM) của CA đó; nếu không, sửa chứng chỉ trên máy chủ thư.",
                "If the mail server's certificate comes from a private CA, set delivery.email.ca_file to that CA's certificate (PEM); otherwise fix the certificate on the mail server."
            )
        case "delivery.email.tls":
            text.pick(
                "Máy chủ không hỗ trợ STARTTLS: kiểm tra cổng trong delivery.email.url (587 cho STARTTLS, 465 cho smtps://); chỉ đặt delivery.email.tls: none cho máy chủ chuyển tiếp cục bộ.",
                "The server offers no STARTTLS: check the port in delivery.email.url (587 for STARTTLS, 465 for smtps://); set delivery.email.tls: none only for a local relay."
            )
        default:
            text.pick(
                "Máy chủ từ chối đăng nhập: kiểm tra delivery.email.username và mật khẩu (password_env hoặc password_file).",
                "The server refused the login: check delivery.email.username and the password (password_env or password_file)."
            )
        }
    }
}
