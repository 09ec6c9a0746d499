/// What raising one difficulty did to the records (DESIGN §14).
package struct DifficultyRaise: Sendable, Hashable {
    package enum Outcome: String, Sendable, Hashable {
        /// A new record.
        case created
        /// The same text from the same unit is already open or forwarded: nothing changed.
        case alreadyOpen = "already_open"
        /// The same text had been resolved or withdrawn: the record is open again.
        case reopened
        /// A repeat of a report already taken in names a difficulty resolved or withdrawn since:
        /// the repeat does not reopen it.
        case alreadyClosed = "already_closed"
    }

    package let id: String
    package let outcome: Outcome

    package init(id: String, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }

    /// "VM-2024-3 (mới)", for receipts.
    package var vietnameseSummary: String {
        switch outcome {
        case .created: "\(id) (mới)"
        case .alreadyOpen: "\(id) (đã có, đang theo dõi)"
        case .reopened: "\(id) (mở lại)"
        case .alreadyClosed: "\(id) (đã kết thúc trước đó)"
        }
    }
}
