import Foundation
import GRDB

/// A `task_status_change` row: one entry of a task's status history.
struct TaskStatusChangeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "task_status_change"

    var id: Int64?
    var taskID: String
    var status: String
    var progress: Int?
    var note: String?
    var at: Date
    var source: String
    var recordedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, status, progress, note, at, source
        case taskID = "task_id"
        case recordedAt = "recorded_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var record: TaskStatusRecord? {
        guard let status = TaskStatus(rawValue: status) else { return nil }
        return TaskStatusRecord(taskID: taskID, status: status, progress: progress, note: note, at: at, source: source)
    }
}
