import Foundation

/// A unit's report as received (DESIGN §7): validated against the config.
package struct Submission: Sendable, Hashable {
    package var unit: String
    /// `monthly` or a request id.
    package var report: String
    /// `YYYY-MM` for monthly reports; nil for requests.
    package var period: String?
    package var tasks: [TaskUpdate]
    /// The difficulties raised (DESIGN §14), each with its related task when given.
    package var difficultyEntries: [DifficultyEntry]
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
        self.difficultyEntries = difficulties.map { DifficultyEntry(text: $0) }
        self.proposals = proposals
        self.body = body
        self.receivedAt = receivedAt
        self.sourceName = sourceName
    }
}

extension Submission {
    /// `report: difficulty`: difficulties raised at any time, outside any report (DESIGN §7, §14).
    package static let difficultyReport = "difficulty"

    /// The texts of the difficulties raised, as stored with the report.
    package var difficulties: [String] {
        get { difficultyEntries.map(\.text) }
        set { difficultyEntries = newValue.map { DifficultyEntry(text: $0) } }
    }

    package var isDifficultyReport: Bool { report == Self.difficultyReport }
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
