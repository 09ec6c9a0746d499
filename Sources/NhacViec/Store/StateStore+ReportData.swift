import Foundation
import GRDB

extension StateStore: ReportDataSource {
    package func taskStatuses(asOf: Date) throws -> [String: RecordedTaskStatus] {
        try currentTaskStatuses(asOf: asOf).mapValues {
            RecordedTaskStatus(status: $0.status, progress: $0.progress, note: $0.note, at: $0.at)
        }
    }

    package func receivedSubmissions(report: String, occurrence: String) throws -> [Submission] {
        try allSubmissions(report: report, occurrence: occurrence).map(\.submission)
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
