/// A task's status as the consolidated report states it at the compile moment.
///
/// Wider than `TaskStatus`, which is what units report: the report adds `overdue`
/// (not done and its due date is before the compile day) and `ongoing` (a
/// "Thường xuyên" task, which has no deadline and is never finished).
package enum ReportTaskStatus: String, Codable, CaseIterable, Hashable, Sendable {
    case done
    case inProgress = "in_progress"
    case notStarted = "not_started"
    case overdue
    case ongoing
    case blocked

    /// The word the report prints in the status column.
    package var vietnameseName: String {
        switch self {
        case .done: "Đã hoàn thành"
        case .inProgress: "Đang thực hiện"
        case .notStarted: "Chưa thực hiện"
        case .overdue: "Quá hạn"
        case .ongoing: "Thường xuyên"
        case .blocked: "Vướng mắc"
        }
    }
}
