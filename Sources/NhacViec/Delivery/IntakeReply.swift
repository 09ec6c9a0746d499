import Foundation

/// The reply to a unit's report e-mail (DESIGN §12): one message listing the
/// outcome of every report the e-mail held, threaded under it, marked
/// `Auto-Submitted: auto-replied` so the unit's auto-responder stays quiet.
package struct IntakeReply: Sendable {
    /// What happened to one report of the message.
    package enum Outcome: Sendable {
        case accepted(SubmissionReceipt)
        /// Every problem, each with its place (`file`, line:col), and the template to start again from.
        case refused(file: String, issues: [ConfigIssue], template: String?)
        /// A problem with the message itself (nothing readable, too large).
        case unreadable(String)
    }

    package var config: Config
    /// The message answered.
    package var subject: String
    package var messageID: String?
    package var references: [String]
    package var receivedAt: Date
    package var outcomes: [Outcome]

    package init(
        config: Config, subject: String, messageID: String?, references: [String], receivedAt: Date,
        outcomes: [Outcome]
    ) {
        self.config = config
        self.subject = subject
        self.messageID = messageID
        self.references = references
        self.receivedAt = receivedAt
        self.outcomes = outcomes
    }

    package var isReceipt: Bool {
        outcomes.contains { if case .accepted = $0 { true } else { false } }
    }

    private var english: Bool { config.organization.language == .english }

    /// The reply to `to`, from the intake address, under ledger key `key`.
    package func message(key: String, from: Mailbox, to: Mailbox, date: Date) -> EmailMessage {
        var message = EmailMessage(
            key: key, from: from, to: [to], subject: replySubject, textBody: text, date: date,
            timeZone: config.organization.timeZone)
        message.inReplyTo = messageID
        message.references = Array((references + [messageID].compactMap { $0 }).suffix(20))
        message.autoSubmitted = .autoReplied
        return message
    }

    var replySubject: String {
        let trimmed = subject.trimmingSpaces
        if trimmed.isEmpty { return english ? "Re: your report" : "Re: Báo cáo của đơn vị" }
        let lower = trimmed.lowercased()
        return lower.hasPrefix("re:") || lower.hasPrefix("tl:") || lower.hasPrefix("trả lời:")
            ? trimmed : "Re: " + trimmed
    }

    var text: String {
        let clock = WallClock(timeZone: config.organization.timeZone)
        let when =
            "\(clock.timeOfDay(receivedAt)) \(english ? "on" : "ngày") \(clock.localDate(of: receivedAt).vietnameseNumeric)"
        var lines: [String] = []
        lines.append(
            english
                ? "\(config.organization.name) received your message at \(when)."
                : "\(config.organization.name) đã nhận thư của đơn vị lúc \(when).")
        lines.append("")
        for (index, outcome) in outcomes.enumerated() {
            let number = outcomes.count > 1 ? "\(index + 1). " : ""
            switch outcome {
            case .accepted(let receipt):
                lines.append(number + (english ? receipt.englishSummary : receipt.summary))
                if !receipt.submission.tasks.isEmpty {
                    let tasks = receipt.submission.tasks.map { task in
                        let progress = task.progress.map { " (\($0)%)" } ?? ""
                        return "\(task.id): \(english ? task.status.rawValue : task.status.vietnameseName)\(progress)"
                    }
                    lines.append(
                        "   " + (english ? "Tasks updated: " : "Nhiệm vụ đã cập nhật: ") + tasks.joined(separator: "; ")
                    )
                }
            case .refused(let file, let issues, let template):
                lines.append(
                    number
                        + (english
                            ? "The report \(file) was NOT accepted; please correct:"
                            : "Báo cáo \(file) CHƯA được nhận; đề nghị sửa các lỗi sau rồi gửi lại:"))
                for issue in issues {
                    let place =
                        issue.line > 0
                        ? (english
                            ? "line \(issue.line), column \(issue.column)" : "dòng \(issue.line), cột \(issue.column)")
                        : file
                    let key = issue.path.isEmpty ? "" : " (\(issue.path))"
                    lines.append("   - \(place)\(key): \(issue.message)")
                }
                if let template {
                    lines.append("")
                    lines.append(
                        english
                            ? "   A correct report to start from (reply with it filled in):"
                            : "   Mẫu báo cáo đúng để điền (trả lời thư này kèm mẫu đã điền):")
                    lines.append("")
                    lines += template.split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }
                }
            case .unreadable(let reason):
                lines.append(number + reason)
            }
            lines.append("")
        }
        lines.append(
            english
                ? "This message was sent automatically by nhacviec."
                : "Thư này được gửi tự động từ hệ thống nhắc việc (nhacviec).")
        return lines.joined(separator: "\n")
    }
}

extension SubmissionReceipt {
    /// ``summary`` in English, for `language: en`.
    var englishSummary: String {
        let clock = WallClock(timeZone: target.timeZone)
        let timeliness =
            isLate
            ? "late by \(daysLate) day(s) (due \(target.due.vietnameseNumeric))"
            : "on time (due \(target.due.vietnameseNumeric))"
        var line =
            "Received “\(target.dutyOccurrence.title)” from \(unitName) (\(submission.sourceName)) at "
            + "\(clock.timeOfDay(submission.receivedAt)) on \(clock.localDate(of: submission.receivedAt).vietnameseNumeric): \(timeliness)"
        switch outcome {
        case .recorded: break
        case .replaced: line += "; it replaces the earlier report"
        case .unchanged: line += "; same content as the report already received, not recorded again"
        }
        return line + "."
    }
}
