import Foundation

/// A unit's report as received (DESIGN §7): validated against the config.
package struct Submission: Sendable, Hashable {
    package var unit: String
    /// `monthly` or a request id.
    package var report: String
    /// `YYYY-MM` for monthly reports; nil for requests.
    package var period: String?
    package var tasks: [TaskUpdate]
    package var difficulties: [String]
    package var proposals: [String]
    /// Free text after the front matter (Markdown), may be empty.
    package var body: String
    /// When it arrived: decides on-time vs late.
    package var receivedAt: Date
    /// The file name it came in as (for history and messages).
    package var sourceName: String

    package init(
        unit: String, report: String, period: String?, tasks: [TaskUpdate], difficulties: [String],
        proposals: [String], body: String, receivedAt: Date, sourceName: String
    ) {
        self.unit = unit
        self.report = report
        self.period = period
        self.tasks = tasks
        self.difficulties = difficulties
        self.proposals = proposals
        self.body = body
        self.receivedAt = receivedAt
        self.sourceName = sourceName
    }
}

/// One task line of a submission.
package struct TaskUpdate: Sendable, Hashable {
    package var id: String
    package var status: TaskStatus
    /// 0–100.
    package var progress: Int?
    package var note: String?

    package init(id: String, status: TaskStatus, progress: Int? = nil, note: String? = nil) {
        self.id = id
        self.status = status
        self.progress = progress
        self.note = note
    }
}
