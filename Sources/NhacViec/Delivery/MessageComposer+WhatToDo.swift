extension MessageComposer {
    /// What the reader should do about the item, and whom to tell.
    ///
    /// Recipients are units, not administrators of the server: they are told to
    /// report to the Office, never to run a command. How they report is said by
    /// ``reportingInstruction(_:)`` alone.
    func action(_ item: ReminderItem, digest: Digest) -> String {
        let occurrence = item.occurrence
        if let difficulty = occurrence.difficulty {
            return difficultyAction(item, difficulty: difficulty, digest: digest)
        }
        let unit = unitName(occurrence.responsibleUnit)
        let office = config.organization.office
        let isOverdue = if case .overdue = item.timing { true } else { false }
        let report = reportName(occurrence)

        if item.step.kind == .escalation, digest.recipient != .unit(occurrence.responsibleUnit) {
            switch digest.recipient {
            case .head:
                return item.taskID != nil
                    ? text.pick(
                        "Đề nghị đồng chí chỉ đạo \(unit) khẩn trương hoàn thành nhiệm vụ và báo cáo kết quả về \(officeContact).",
                        "Please direct \(unit) to complete the task without delay and report the result to \(officeContact)."
                    )
                    : text.pick(
                        "Đề nghị đồng chí chỉ đạo \(unit) gửi ngay \(report) về \(officeContact).",
                        "Please direct \(unit) to send the \(report) to \(officeContact) without delay.")
            case .unit(office):
                if let id = item.taskID {
                    return text.pick(
                        "Đôn đốc \(unit) hoàn thành; khi đơn vị báo đã hoàn thành, \(recordingRequest(taskID: id)).",
                        "Follow up with \(unit); when it reports the task done, \(recordingRequest(taskID: id)).")
                }
                return text.pick(
                    "Đôn đốc \(unit) gửi \(report); khi nhận được, \(recordingRequest(report: report)).",
                    "Follow up with \(unit) for the \(report); when it arrives, \(recordingRequest(report: report)).")
            default:
                return text.pick(
                    "Để theo dõi: \(officeName) đang đôn đốc \(unit) thực hiện.",
                    "For your information: \(officeName) is following up with \(unit).")
            }
        }

        if let id = item.taskID {
            if occurrence.responsibleUnit == office {
                return text.pick(
                    "\(isOverdue ? "Khẩn trương hoàn thành; k" : "K")hi hoàn thành, \(recordingRequest(taskID: id)).",
                    "\(isOverdue ? "Complete it without delay. " : "")When it is done, \(recordingRequest(taskID: id))."
                )
            }
            return text.pick(
                isOverdue ? "Đề nghị khẩn trương hoàn thành. " : "",
                isOverdue ? "Please complete it without delay. " : "")
                + reportingInstruction(.taskProgress)
        }
        return reportingInstruction(.report(name: report, due: occurrence.due, isOverdue: isOverdue))
    }

    /// What a unit reports to the Office.
    enum Reporting {
        /// A task's progress, and that it is done.
        case taskProgress
        /// A monthly or requested report, due on `due`.
        case report(name: String, due: LocalDate, isOverdue: Bool)
    }

    /// How a unit reports to the Office: the one place that says it, so another
    /// way of reporting (replying to the email, DESIGN §12) is added here only.
    ///
    /// "Cập nhật tiến độ trong báo cáo tháng gửi Văn phòng…, hoặc báo Văn phòng… (vanphong@…) khi hoàn thành để dừng nhắc."
    func reportingInstruction(_ reporting: Reporting) -> String {
        switch reporting {
        case .taskProgress:
            return text.pick(
                "Cập nhật tiến độ trong báo cáo tháng gửi \(officeName), hoặc báo \(officeContact) khi hoàn thành để dừng nhắc.",
                "Report progress in the monthly report to \(officeName), or tell \(officeContact) when it is done to stop the reminders."
            )
        case .report(let name, let due, let isOverdue):
            let date = text.date(due)
            if config.intake.email != nil {
                // With the report mailbox, the unit simply replies (DESIGN §12).
                return isOverdue
                    ? text.pick(
                        "Đề nghị trả lời ngay thư này kèm \(name) (điền vào mẫu ở cuối thư hoặc đính kèm tệp); hạn gửi là \(date).",
                        "Please reply to this e-mail now with the \(name) (fill in the template at the end, or attach the file); it was due \(date)."
                    )
                    : text.pick(
                        "Trả lời thư này kèm \(name) (điền vào mẫu ở cuối thư hoặc đính kèm tệp) chậm nhất \(date).",
                        "Reply to this e-mail with the \(name) (fill in the template at the end, or attach the file) by \(date)."
                    )
            }
            return isOverdue
                ? text.pick(
                    "Gửi ngay \(name) về \(officeContact); hạn gửi là \(date).",
                    "Send the \(name) to \(officeContact) now; it was due \(date).")
                : text.pick(
                    "Gửi \(name) về \(officeContact) chậm nhất \(date).",
                    "Send the \(name) to \(officeContact) by \(date).")
        }
    }

    /// The Office records a task as done, or a report received by other means,
    /// through the administrators of the reminder system: "đề nghị quản trị viên
    /// hệ thống nhắc việc (admin@…) ghi nhận nhiệm vụ A.2 đã hoàn thành để dừng nhắc".
    func recordingRequest(taskID: String) -> String {
        text.pick(
            "đề nghị quản trị viên hệ thống nhắc việc\(adminContact) ghi nhận nhiệm vụ \(taskID) đã hoàn thành để dừng nhắc",
            "ask the reminder system's administrators\(adminContact) to record task \(taskID) as done to stop the reminders"
        )
    }

    func recordingRequest(report: String) -> String {
        text.pick(
            "đề nghị quản trị viên hệ thống nhắc việc\(adminContact) đưa \(report) vào hệ thống để dừng nhắc",
            "ask the reminder system's administrators\(adminContact) to enter the \(report) to stop the reminders")
    }

    /// " (admin@example.gov.vn, …)", or nothing without `organization.admins`.
    private var adminContact: String {
        let admins = config.organization.admins.map(\.address)
        return admins.isEmpty ? "" : " (\(admins.joined(separator: ", ")))"
    }
}
