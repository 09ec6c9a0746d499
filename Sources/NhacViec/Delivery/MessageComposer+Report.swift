import Foundation

extension MessageComposer {
    /// The consolidated report for one recipient (*Kính gửi* or *Nơi nhận*), with
    /// every rendered format attached. nil when the recipient has no address.
    package func reportEmail(
        _ report: ConsolidatedReport, digest: Digest, attachments: [EmailMessage.Attachment]
    ) -> EmailMessage? {
        let to = mailboxes(of: digest.recipient)
        guard !to.isEmpty else { return nil }
        let english = config.organization.language == .english
        let period = "\(report.period.month)/\(report.period.year)"
        let office = config.office?.name ?? config.organization.name
        let subject =
            english
            ? "[Nhắc việc] Consolidated administrative-reform report, \(period)"
            : "[Nhắc việc] \(report.subject)"
        let names = attachments.map(\.filename).joined(separator: ", ")
        let lines: [String] =
            english
            ? [
                "Dear \(name(of: digest.recipient)),", "",
                "Attached is the consolidated report on the administrative-reform plan for \(period), compiled by \(office) on \(report.compileDate.vietnameseNumeric).",
                "It is a draft for signature: the document number is left blank.", "",
                "Files: \(names)", "", "-- ",
                "Sent automatically by nhacviec for \(office), \(config.organization.name).",
            ]
            : [
                "Kính gửi: \(name(of: digest.recipient))", "",
                "\(office) gửi kèm theo đây báo cáo tổng hợp kết quả thực hiện công tác cải cách hành chính tháng \(period), tổng hợp ngày \(report.compileDate.vietnameseNumeric).",
                "Đây là bản dự thảo để trình ký: số văn bản để trống.", "",
                "Tệp đính kèm: \(names)", "", "-- ",
                "Thư gửi tự động từ hệ thống nhắc việc (nhacviec) của \(office), \(config.organization.name).",
            ]
        var headers: [EmailMessage.ExtraHeader] = []
        if let kind = EmailMessage.ExtraHeader(name: "X-Nhacviec-Kind", value: "report") { headers.append(kind) }
        return EmailMessage(
            key: digest.key, from: sender, to: to, subject: subject, textBody: lines.joined(separator: "\n"),
            attachments: attachments, date: digest.at, timeZone: config.organization.timeZone, extraHeaders: headers)
    }
}
