import Foundation

/// What the scheduler needs to know about the world (the store answers it;
/// tests use an in-memory value).
package protocol SchedulerState {
    /// When the task was last marked done, or nil if it is not done.
    func taskDoneAt(_ taskID: String) -> Date?
    /// Whether the unit's report for this occurrence (period or request due date) was received.
    func reportReceived(_ duty: Duty, occurrence: String) -> Bool
    /// Whether the ledger holds this delivery key in any status (pending, sent,
    /// retrying, dead or skipped): such a step is never scheduled again.
    func isRecorded(key: String) -> Bool
    /// False when nothing can be recorded (no state directory): `isRecorded` is then
    /// false for every key, and a caller need not build the keys to ask.
    var recordsDeliveries: Bool { get }
    /// Every difficulty with its history (DESIGN §14): their notices and follow-ups are steps too.
    var difficulties: [Difficulty] { get }
}

extension SchedulerState {
    /// No difficulties: states that predate them, and tests about other duties.
    package var difficulties: [Difficulty] { [] }

    package var recordsDeliveries: Bool { true }

    /// Whether the occurrence needs no more reminders at `now`.
    ///
    /// A one-off task marked done is finished. For a recurring task, "done" covers
    /// the occurrences that had already started (first step at or before the time
    /// it was marked), so next month's reminders still come.
    package func isFinished(_ step: ScheduledStep, firstStepAt: Date) -> Bool {
        switch step.occurrence.duty {
        case .task(let id):
            guard let doneAt = taskDoneAt(id) else { return false }
            return !step.occurrence.isRecurring || firstStepAt <= doneAt
        case .monthlyReport, .request:
            return reportReceived(step.occurrence.duty, occurrence: step.occurrence.occurrence)
        case .consolidatedReport, .difficulty:
            // Sent by the daemon itself (difficulty steps are planned from the record's
            // current state); the ledger alone says whether it went out.
            return false
        }
    }
}

/// State with nothing recorded: a first start, or `plan` without a state dir.
package struct EmptySchedulerState: SchedulerState {
    package init() {}
    package func taskDoneAt(_ taskID: String) -> Date? { nil }
    package func reportReceived(_ duty: Duty, occurrence: String) -> Bool { false }
    package func isRecorded(key: String) -> Bool { false }
    package var recordsDeliveries: Bool { false }
}
