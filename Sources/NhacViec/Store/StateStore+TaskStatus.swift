import Foundation
import GRDB

/// Task status with its history (DESIGN §7): every change is a new row, the
/// current status is the latest one (by `at`, then by recording order).
extension StateStore {
    /// Appends a status change; `at` is when it holds from, `source` who said so
    /// (`cli`, `submission:<unit>:<file>`).
    package func setTaskStatus(
        taskID: String, status: TaskStatus, progress: Int? = nil, note: String? = nil, at: Date, source: String
    ) throws(StoreError) {
        try write("setting the status of task \(taskID)") { db in
            var change = TaskStatusChangeRecord(
                taskID: taskID, status: status.rawValue, progress: progress, note: note, at: at, source: source,
                recordedAt: at)
            try change.insert(db)
        }
    }

    /// The latest status of every task that has one, keyed by task id; with
    /// `asOf`, as it stood at that moment (for a report compiled "as of" a day).
    /// A task missing here is `not_started`.
    package func currentTaskStatuses(asOf: Date? = nil) throws(StoreError) -> [String: TaskStatusRecord] {
        let rows = try read("reading task statuses") { db in try Self.latestTaskChanges(db, asOf: asOf) }
        var statuses: [String: TaskStatusRecord] = [:]
        for row in rows {
            guard let record = row.record else { throw corrupt("task \(row.taskID) has status \(row.status)") }
            statuses[row.taskID] = record
        }
        return statuses
    }

    /// Every status change of the task, oldest first.
    package func taskHistory(taskID: String) throws(StoreError) -> [TaskStatusRecord] {
        let rows = try read("reading the history of task \(taskID)") { db in
            try TaskStatusChangeRecord.filter(Column("task_id") == taskID)
                .order(Column("at"), Column("id"))
                .fetchAll(db)
        }
        var history: [TaskStatusRecord] = []
        for row in rows {
            guard let record = row.record else { throw corrupt("task \(row.taskID) has status \(row.status)") }
            history.append(record)
        }
        return history
    }

    /// When the task was marked done, if its latest status is `done` (the
    /// scheduler's notion: reminders stop from then on).
    package func taskDoneAt(_ taskID: String) throws(StoreError) -> Date? {
        let latest = try taskHistory(taskID: taskID).last
        return latest?.status == .done ? latest?.at : nil
    }

    /// The latest change per task (at or before `asOf` when given). Read column by column:
    /// every report and page of the Office reads one per task, and decoding each row
    /// through Codable cost more than the query.
    static func latestTaskChanges(_ db: Database, asOf: Date?) throws -> [TaskStatusChangeRecord] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, task_id, status, progress, note, at, source, recorded_at FROM (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY task_id ORDER BY at DESC, id DESC) AS latest
                    FROM task_status_change WHERE ?1 IS NULL OR at <= ?1
                ) WHERE latest = 1 ORDER BY task_id
                """,
            arguments: [asOf])
        var changes: [TaskStatusChangeRecord] = []
        while let row = try rows.next() {
            changes.append(
                TaskStatusChangeRecord(
                    id: row[0], taskID: row[1], status: row[2], progress: row[3], note: row[4], at: row[5],
                    source: row[6], recordedAt: row[7]))
        }
        return changes
    }
}
