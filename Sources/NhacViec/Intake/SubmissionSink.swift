import Foundation

/// What an intake records a submission through: the store's methods, each committing its
/// own transaction (``SubmissionSink``), or one transaction that also holds what the
/// receipt causes (the web page's receipt e-mail).
///
/// Intake records a submission before it moves the file out of the inbox, so a crash
/// in between leaves the file to be processed again on the next scan. A recorder
/// must therefore make a repeat harmless:
///
/// - If the latest submission recorded for the same `target.duty` and
///   `target.occurrence` has the same `submission.contentKey`, record nothing
///   and return `.unchanged(recordedAt:)` with that submission's receipt time.
///   (Comparing with the latest only: content A, then B, then A again is a
///   second replacement, not a repeat.)
/// - Else, if one was recorded before, keep it as history, record this one as
///   the current answer and return `.replaced(previousReceivedAt:)`.
/// - Else record it and return `.recorded`.
///
/// The submission and its task updates are recorded together; a thrown error means
/// nothing was recorded (the file stays in the inbox and is tried again on the next scan).
package protocol SubmissionRecorder {
    func accept(_ submission: Submission, target: SubmissionTarget) throws -> SubmissionOutcome

    /// Records difficulties raised by `unit` at `at` (DESIGN §14): the same text
    /// (``Difficulty/normalizedText(_:)``) from the same unit is the same record, already
    /// open (nothing changes) or closed (reopened, unless `reopen` is false). Every intake
    /// channel (report files, Word forms, e-mail, the web page) raises difficulties
    /// through here; repeating a call is harmless.
    func raiseDifficulties(
        _ entries: [DifficultyEntry], unit: String, at: Date, timeZone: TimeZone, source: String, reopen: Bool
    ) throws -> [DifficultyRaise]
}

/// Where accepted submissions are recorded (the SQLite store; a fake in tests): a
/// recorder that can be kept and shared, each call committed before it returns.
package protocol SubmissionSink: SubmissionRecorder, Sendable {}

/// What the sink did with a submission.
package enum SubmissionOutcome: Hashable, Sendable {
    /// The first answer for this duty occurrence.
    case recorded
    /// A resubmission: it replaces the answer received at `previousReceivedAt`, which stays in the history.
    case replaced(previousReceivedAt: Date)
    /// The same content as the current answer (received at `recordedAt`): nothing recorded.
    case unchanged(recordedAt: Date)
}
