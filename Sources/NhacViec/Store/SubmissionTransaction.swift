import Foundation
import GRDB

/// A ``SubmissionRecorder`` bound to one open write transaction of the store: what it
/// records is committed together with whatever else that transaction writes (the
/// receipt e-mail of ``StateStore/receive(_:through:causing:)``), or not at all. The
/// store's own ``SubmissionSink`` methods run through it, one transaction a call.
struct SubmissionTransaction: SubmissionRecorder {
    let store: StateStore
    let db: Database

    /// Records the submission (DESIGN §7): a repeat of the current content records nothing;
    /// a different one replaces it and both stay in the history. The task statuses it
    /// reports are recorded with it, at its receipt time.
    func accept(_ submission: Submission, target: SubmissionTarget) throws -> SubmissionOutcome {
        let current = try store.currentSubmission(duty: target.duty, occurrence: target.occurrence, db)
        if let current, current.submission.contentKey == submission.contentKey {
            return .unchanged(recordedAt: current.submission.receivedAt)
        }
        _ = try store.insertSubmission(
            submission, duty: target.duty, occurrence: target.occurrence, now: submission.receivedAt,
            statusUpdates: submission.tasks, db)
        return current.map { .replaced(previousReceivedAt: $0.submission.receivedAt) } ?? .recorded
    }

    func raiseDifficulties(
        _ entries: [DifficultyEntry], unit: String, at: Date, timeZone: TimeZone, source: String, reopen: Bool
    ) throws -> [DifficultyRaise] {
        try StateStore.raiseDifficulties(
            entries, unit: unit, at: at, timeZone: timeZone, source: source, reopen: reopen, db)
    }
}
