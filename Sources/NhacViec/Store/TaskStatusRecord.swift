import Foundation

/// One entry of a task's status history.
package struct TaskStatusRecord: Sendable, Hashable {
    package var taskID: String
    package var status: TaskStatus
    /// 0–100.
    package var progress: Int?
    package var note: String?
    /// When the status holds from (the `--now` of `nhacviec task`, a report's receipt time).
    package var at: Date
    /// Who said so: `cli`, `submission:<unit>:<file>`, …
    package var source: String
}
