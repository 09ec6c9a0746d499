import Foundation
import GRDB

extension StateStore: ReportDataSource {
    package func taskStatuses(asOf: Date) throws -> [String: RecordedTaskStatus] {
        try currentTaskStatuses(asOf: asOf).mapValues {
            RecordedTaskStatus(status: $0.status, progress: $0.progress, note: $0.note, at: $0.at)
        }
    }

    package func receivedSubmissions(report: String, occurrence: String) throws -> [Submission] {
        // The report takes tasks' statuses from their history, never from a report's lines.
        try allSubmissions(report: report, occurrence: occurrence, taskLines: false).map(\.submission)
    }

    /// The history of task statuses is append-only (``setTaskStatus``, submissions'
    /// status changes), so its count, last id and how many are dated by `asOf` fix the
    /// answer of ``taskStatuses(asOf:)``. One pass over the task index.
    package func taskStatusesVersion(asOf: Date) throws -> TaskStatusesVersion? {
        let row = try read("reading the version of task statuses") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(at <= ?), 0) FROM task_status_change
                    """,
                arguments: [asOf])
        }
        guard let row else { return nil }
        return TaskStatusesVersion(changes: row[0], lastChange: row[1], changesByThen: row[2])
    }

    package func difficultyRecords() throws -> [Difficulty] {
        try difficulties()
    }

    /// Reminders and escalations sent in `from..<to`: ledger rows with status `sent`.
    package func deliveryCounts(from: Date, to: Date) throws -> DeliveryCounts {
        let counts = try read("counting deliveries sent in a period") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT
                        COALESCE(SUM(CASE WHEN step NOT IN ('escalation', 'compile', 'notice', 'resolution') THEN 1 ELSE 0 END), 0) AS reminders,
                        COALESCE(SUM(CASE WHEN step = 'escalation' THEN 1 ELSE 0 END), 0) AS escalations
                    FROM delivery
                    WHERE status = 'sent' AND sent_at >= ? AND sent_at < ?
                    """,
                arguments: [from, to])
        }
        return DeliveryCounts(reminders: counts?["reminders"] ?? 0, escalations: counts?["escalations"] ?? 0)
    }
}
