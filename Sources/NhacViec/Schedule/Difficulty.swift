import Foundation

/// A difficulty (vướng mắc) a unit raised, tracked until it is resolved (DESIGN §14).
///
/// The history is the record: every status it has been in, oldest first, the
/// first entry being the raise (`open`). Raising the same text again after it
/// was resolved or withdrawn appends a new `open` entry (a new cycle) rather
/// than making a new record, so the history keeps both.
package struct Difficulty: Sendable, Hashable {
    package struct Event: Sendable, Hashable {
        package let at: Date
        package let status: DifficultyStatus
        package let note: String?

        package init(at: Date, status: DifficultyStatus, note: String?) {
            self.at = at
            self.status = status
            self.note = note
        }
    }

    /// `VM-<year>-<n>`.
    package let id: String
    package let unit: String
    package let text: String
    /// The related plan task, when the unit named one.
    package let task: String?
    /// Oldest first; never empty (the store always writes the raise).
    package let history: [Event]

    package init(id: String, unit: String, text: String, task: String?, history: [Event]) {
        self.id = id
        self.unit = unit
        self.text = text
        self.task = task
        self.history = history
    }

    package static func id(year: Int, number: Int) -> String { "VM-\(year)-\(number)" }

    /// When the unit first raised it.
    package var raisedAt: Date { history.first?.at ?? .distantPast }
    package var updatedAt: Date { history.last?.at ?? raisedAt }
    package var status: DifficultyStatus { history.last?.status ?? .open }

    /// When the current cycle began: the latest raise (a reopening counts from its own day).
    package var openedAt: Date { history.last { $0.status == .open }?.at ?? raisedAt }

    /// When the current cycle ended (resolved or withdrawn); nil while it is active.
    package var closedAt: Date? { status.isActive ? nil : history.last?.at }

    /// The direction given, when it is resolved.
    package var resolution: Event? { status == .resolved ? history.last : nil }

    /// The resolution that closed a cycle at or before `instant`, the latest one: a
    /// resolution step (planned at its closing moment) quotes its own cycle's
    /// direction, even once the record was reopened or resolved again since.
    package func resolution(atOrBefore instant: Date) -> Event? {
        history.last { $0.status == .resolved && $0.at <= instant }
    }

    /// The status as it stood at `instant` (nil: not raised yet). A report compiled
    /// "as of" a moment uses it, so a later resolution does not rewrite an old report.
    package func status(at instant: Date) -> DifficultyStatus? {
        history.last { $0.at <= instant }?.status
    }

    /// When the cycle active at `instant` began (nil: not active then).
    package func openedAt(asOf instant: Date) -> Date? {
        let past = history.filter { $0.at <= instant }
        guard let last = past.last, last.status.isActive else { return nil }
        return past.last { $0.status == .open }?.at
    }

    /// Whole calendar days (local) from the start of the cycle to `now`: 0 on the day raised.
    package func ageInDays(at now: Date, clock: WallClock) -> Int {
        let start = openedAt(asOf: now) ?? openedAt
        return max(0, clock.localDate(of: start).days(until: clock.localDate(of: now)))
    }

    /// The entry moving it to `next` at `at`, or why that move is not allowed.
    package func moving(to next: DifficultyStatus, note: String?, at: Date) throws(DifficultyError) -> Event {
        guard status.canMove(to: next) else { throw DifficultyError.transition(id, from: status, to: next) }
        if next == .resolved, (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DifficultyError(
                code: .missingNote, id: id,
                message:
                    "cần ghi ý kiến chỉ đạo (--note) khi giải quyết vướng mắc \(id) / "
                    + "resolving \(id) needs the direction given (--note)")
        }
        return Event(at: at, status: next, note: note)
    }

    /// The text two raises are compared by: Unicode NFC, case folded, runs of white
    /// space (any kind, non-breaking included) as one space, trimmed.
    package static func normalizedText(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }
}
