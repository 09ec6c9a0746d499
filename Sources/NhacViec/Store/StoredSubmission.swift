import Foundation

/// A received report as kept in the store: every one is kept, and a
/// resubmission for the same duty occurrence supersedes the earlier one.
package struct StoredSubmission: Sendable, Hashable {
    package var id: Int64
    /// `report:monthly:<unit>` or `report:<request-id>:<unit>`.
    package var duty: Duty
    /// The period `YYYY-MM` for monthly reports, the due date for requests.
    package var occurrence: String
    package var submission: Submission
    /// When the store recorded it (may differ from `submission.receivedAt` for a file picked up late).
    package var recordedAt: Date
    /// The submission this one replaced.
    package var replacesID: Int64?
    /// The submission that replaced this one; nil while it is the current one.
    package var supersededByID: Int64?
    package var supersededAt: Date?

    package var isCurrent: Bool { supersededByID == nil }
}
