import Foundation

/// What the consolidated report needs to know besides the config: task statuses,
/// received submissions and the delivery ledger. The store answers it; tests use
/// an in-memory value.
///
/// Every answer must describe the world as it was at the moment asked about, so a
/// report compiled again later for the same `asOf` says the same thing.
package protocol ReportDataSource {
    /// The latest status recorded for each task at or before `asOf`, by task id.
    /// Tasks nobody has reported on are absent (they count as not started).
    func taskStatuses(asOf: Date) throws -> [String: RecordedTaskStatus]

    /// Every submission received for a report occurrence, resubmissions included,
    /// in any order. `report` is `monthly` or a request id; `occurrence` is the
    /// period `YYYY-MM` for monthly reports and the request's due date `YYYY-MM-DD`
    /// (as in delivery keys) for requests. The builder ignores submissions received
    /// after the compile moment, and their task lines (statuses come from
    /// ``taskStatuses(asOf:)``), which a source may leave out.
    func receivedSubmissions(report: String, occurrence: String) throws -> [Submission]

    /// How many reminders and escalations were sent in `from..<to` (delivery status
    /// `sent`), each (occurrence, step, recipient, channel) counted once.
    func deliveryCounts(from: Date, to: Date) throws -> DeliveryCounts

    /// Every difficulty record with its whole history (DESIGN §14); the builder
    /// reads each as it stood at the compile moment.
    func difficultyRecords() throws -> [Difficulty]

    /// A version of what ``taskStatuses(asOf:)`` answers for `asOf`: equal versions
    /// mean equal answers, so a builder may reuse results judged on them. Nil when the
    /// source cannot tell (then nothing is reused).
    func taskStatusesVersion(asOf: Date) throws -> TaskStatusesVersion?
}

extension ReportDataSource {
    /// Sources that cannot tell: every report judges the statuses afresh.
    package func taskStatusesVersion(asOf: Date) throws -> TaskStatusesVersion? { nil }

    /// No tracked difficulties: sources that predate them.
    package func difficultyRecords() throws -> [Difficulty] { [] }
}

/// A task's status as last recorded (by a submission or `nhacviec task`).
package struct RecordedTaskStatus: Hashable, Sendable {
    package var status: TaskStatus
    /// 0–100, when the unit gave it.
    package var progress: Int?
    package var note: String?
    /// When the status was recorded: decides whether a task was done within the period.
    package var at: Date

    package init(status: TaskStatus, progress: Int? = nil, note: String? = nil, at: Date) {
        self.status = status
        self.progress = progress
        self.note = note
        self.at = at
    }
}

/// Messages sent in a period, from the delivery ledger.
package struct DeliveryCounts: Codable, Hashable, Sendable {
    /// Ordinary reminder steps (`before-*`, `due`, `overdue-*`).
    package var reminders: Int
    /// `escalation` steps (to unit heads and `escalate_to`).
    package var escalations: Int

    package init(reminders: Int, escalations: Int) {
        self.reminders = reminders
        self.escalations = escalations
    }
}

/// Which task status changes a ``ReportDataSource`` holds and which of them it counts at
/// one moment. For an append-only history (the store's: changes are never updated or
/// deleted) the first two name the history and the third how many of its changes were
/// recorded for a time at or before the moment, which fixes which ones they are.
package struct TaskStatusesVersion: Hashable, Sendable {
    package var changes: Int
    package var lastChange: Int64
    package var changesByThen: Int

    package init(changes: Int, lastChange: Int64, changesByThen: Int) {
        self.changes = changes
        self.lastChange = lastChange
        self.changesByThen = changesByThen
    }
}
