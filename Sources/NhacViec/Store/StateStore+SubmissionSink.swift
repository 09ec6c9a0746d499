import Foundation

extension StateStore: SubmissionSink {
    /// Records an accepted submission (DESIGN §7): a repeat of the current content
    /// records nothing; a different one replaces it and both stay in the history.
    /// The task statuses it reports are recorded with it, at its receipt time.
    package func accept(_ submission: Submission, target: SubmissionTarget) throws -> SubmissionOutcome {
        let current = try currentSubmission(duty: target.duty, occurrence: target.occurrence)
        if let current, current.submission.contentKey == submission.contentKey {
            return .unchanged(recordedAt: current.submission.receivedAt)
        }
        try recordSubmission(
            submission, duty: target.duty, occurrence: target.occurrence, now: submission.receivedAt,
            statusUpdates: submission.tasks)
        return current.map { .replaced(previousReceivedAt: $0.submission.receivedAt) } ?? .recorded
    }
}
