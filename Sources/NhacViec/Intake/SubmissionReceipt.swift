import Foundation

/// An accepted submission: what it answers, whether it was on time, and what the store did with it.
package struct SubmissionReceipt: Hashable, Sendable {
    package let submission: Submission
    package let target: SubmissionTarget
    package let outcome: SubmissionOutcome
    /// The unit's name from the config, for the summary line.
    package let unitName: String
    /// The difficulties the submission raised and what became of each (DESIGN §14).
    package var difficulties: [DifficultyRaise] = []

    /// A difficulty was raised or reopened: a running daemon should plan its notice now
    /// (the caller touches `<state>/wake`).
    package var raisedDifficulties: Bool {
        difficulties.contains { $0.outcome == .created || $0.outcome == .reopened }
    }

    /// When the answer counts as received: for a repeat of the current answer, the time of that answer.
    package var effectiveReceivedAt: Date {
        if case .unchanged(let recordedAt) = outcome { return recordedAt }
        return submission.receivedAt
    }

    package var isLate: Bool { target.isLate(effectiveReceivedAt) }
    package var daysLate: Int { target.daysLate(effectiveReceivedAt) }

    /// One Vietnamese line for the log and the CLI, e.g.
    /// `Đã nhận “Báo cáo … tháng 3/2024” của Phòng Quản lý đầu tư (bao-cao.md) lúc 09:30 ngày 16/04/2024:
    /// đúng hạn (hạn 16/04/2024); thay thế báo cáo đã nhận lúc 08:15 ngày 12/04/2024.`
    package var summary: String {
        let clock = WallClock(timeZone: target.timeZone)
        func moment(_ instant: Date) -> String {
            "\(clock.timeOfDay(instant)) ngày \(clock.localDate(of: instant).vietnameseNumeric)"
        }
        let raised = difficulties.map(\.vietnameseSummary).joined(separator: ", ")
        if submission.isDifficultyReport {
            return "Đã nhận \(difficulties.count) vướng mắc của \(unitName) (\(submission.sourceName)) lúc "
                + "\(moment(submission.receivedAt)): \(raised)."
        }
        let timeliness =
            isLate
            ? "chậm \(daysLate) ngày (hạn \(target.due.vietnameseNumeric))"
            : "đúng hạn (hạn \(target.due.vietnameseNumeric))"
        var line =
            "Đã nhận “\(target.dutyOccurrence.title)” của \(unitName) (\(submission.sourceName)) lúc "
            + "\(moment(submission.receivedAt)): \(timeliness)"
        switch outcome {
        case .recorded:
            break
        case .replaced(let previous):
            line += "; thay thế báo cáo đã nhận lúc \(moment(previous))"
        case .unchanged(let recorded):
            line += "; trùng nội dung với báo cáo đã nhận lúc \(moment(recorded)), không ghi nhận lại"
        }
        if !raised.isEmpty { line += "; vướng mắc: \(raised)" }
        return line + "."
    }
}
