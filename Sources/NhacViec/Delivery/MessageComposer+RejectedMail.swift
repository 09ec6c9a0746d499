import Foundation

extension MessageComposer {
    /// The part of the Office's digest that lists messages the report mailbox refused
    /// without answering (DESIGN §12): one section per message (sender, subject, when it
    /// arrived, why, where it was moved) and what the Office can do about it.
    func addRejectedMail(_ rejections: [IntakeRejection], to body: inout MessageBody) {
        guard !rejections.isEmpty else { return }
        let mailbox = config.intake.email?.address.address ?? ""
        for rejection in rejections {
            body.sections.append(
                MessageBody.Section(
                    title: text.pick(
                        "Thư gửi hộp thư báo cáo không được nhận", "A message to the report mailbox was not accepted"),
                    tone: .neutral,
                    fields: [
                        .init(
                            label: text.pick("Người gửi", "From"),
                            value: rejection.sender.isEmpty ? text.pick("(không rõ)", "(unknown)") : rejection.sender),
                        .init(
                            label: text.pick("Tiêu đề", "Subject"),
                            value: rejection.subject.isEmpty ? text.pick("(không có)", "(none)") : rejection.subject),
                        .init(
                            label: text.pick("Nhận lúc", "Received"),
                            value: text.moment(rejection.receivedAt, clock: clock)),
                        .init(label: text.pick("Lý do", "Reason"), value: rejection.reason),
                        .init(label: text.pick("Đã chuyển vào", "Moved to"), value: rejection.folder),
                    ]))
        }
        body.closing.append(
            text.pick(
                "\(rejections.count) thư gửi đến hộp thư nhận báo cáo \(mailbox) nêu trên không được nhận và người gửi không được trả lời (để tránh thư rác dội ngược). Nếu người gửi báo cáo thay cho một đơn vị, hãy thêm địa chỉ đó vào email hoặc reporters của đơn vị trong tệp cấu hình và đề nghị đơn vị gửi lại báo cáo.",
                "The \(MessageText.counted(rejections.count, "message")) to the report mailbox \(mailbox) listed above were not accepted and their senders were not answered (no backscatter). If a sender reports for a unit, add the address to that unit's email or reporters in the config and ask for the report again."
            ))
    }
}
