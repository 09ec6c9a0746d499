import Foundation

@testable import NhacViec

enum DeliveryFixtures {
    static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 25200) ?? .current
    /// 2024-03-25T08:00:00+07:00
    static let sendTime = Date(timeIntervalSince1970: 1_711_328_400)
    static let subject = "Nhắc việc: 3 nhiệm vụ sắp đến hạn — Phòng Quản lý đầu tư"

    static func mailbox(_ text: String) -> Mailbox {
        guard let mailbox = Mailbox(parsing: text) else { preconditionFailure("bad fixture mailbox \(text)") }
        return mailbox
    }

    static let from = mailbox("Văn phòng Ban Quản lý <vanphong@example.gov.vn>")

    static func message(
        key: String = "task:II.3/2024-04-01/before-5wd/phong-qldt/email",
        to: [Mailbox] = [mailbox("Phòng Quản lý đầu tư <qldt@example.gov.vn>")],
        cc: [Mailbox] = [],
        subject: String = subject,
        html: Bool = true,
        attachments: [EmailMessage.Attachment] = []
    ) -> EmailMessage {
        EmailMessage(
            key: key, from: from, to: to, cc: cc, subject: subject,
            textBody:
                "Kính gửi Phòng Quản lý đầu tư,\n\nNhiệm vụ II.3 đến hạn ngày 01/04/2024.\n.dòng bắt đầu bằng dấu chấm\n",
            htmlBody: html
                ? "<p>Kính gửi <b>Phòng Quản lý đầu tư</b>,</p><p>Nhiệm vụ II.3 đến hạn ngày 01/04/2024.</p>" : nil,
            attachments: attachments, date: sendTime, timeZone: vietnam)
    }

    static let report = EmailMessage.Attachment(
        filename: "Báo cáo tháng 3 năm 2024 — Ban Quản lý Khu kinh tế Hải Phòng.docx",
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        data: (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
}
