import Foundation
import GRDB

/// Difficulty records (DESIGN §14): raised by reports and other intake channels,
/// moved along by the Office, never deleted.
extension StateStore {
    /// Records each entry as raised by `unit` at `at`, in one transaction: a new
    /// record, nothing when the same text (``Difficulty/normalizedText(_:)``) from the
    /// unit is still open or forwarded, or a reopening when it was resolved or
    /// withdrawn. Repeating a call changes nothing, so a crash after it and a retry
    /// are harmless. `timeZone` decides the year in the id. With `reopen` false (a
    /// repeat of a report already recorded) a closed record stays closed.
    package func raiseDifficulties(
        _ entries: [DifficultyEntry], unit: String, at: Date, timeZone: TimeZone, source: String, reopen: Bool
    ) throws(StoreError) -> [DifficultyRaise] {
        guard !entries.isEmpty else { return [] }
        return try write("recording the difficulties raised by \(unit)") { db in
            try Self.raiseDifficulties(
                entries, unit: unit, at: at, timeZone: timeZone, source: source, reopen: reopen, db)
        }
    }

    /// ``raiseDifficulties(_:unit:at:timeZone:source:reopen:)`` inside the caller's transaction.
    static func raiseDifficulties(
        _ entries: [DifficultyEntry], unit: String, at: Date, timeZone: TimeZone, source: String, reopen: Bool,
        _ db: Database
    ) throws -> [DifficultyRaise] {
        let year = WallClock(timeZone: timeZone).localDate(of: at).year
        return try entries.map { entry in
            try raise(entry, unit: unit, at: at, year: year, source: source, reopen: reopen, db)
        }
    }

    /// Every difficulty, in id order (year, then number).
    package func difficulties() throws(StoreError) -> [Difficulty] {
        try read("reading the difficulties") { db in try Self.loadDifficulties(db, id: nil) }
    }

    /// The difficulty `id` (case-insensitive), or nil.
    package func difficulty(id: String) throws(StoreError) -> Difficulty? {
        try read("reading difficulty \(id)") { db in try Self.loadDifficulties(db, id: id.uppercased()).first }
    }

    /// Moves difficulty `id` to `status` (`forward`, `resolve`, `withdraw`) and returns it as it now is.
    /// Throws ``DifficultyError`` for an unknown id or a move the lifecycle forbids, ``StoreError`` when
    /// the database fails; nothing is recorded either way.
    package func changeDifficulty(
        id: String, to status: DifficultyStatus, note: String?, at: Date, source: String
    ) throws -> Difficulty {
        let result: Result<Difficulty, DifficultyError> = try write("changing difficulty \(id)") { db in
            guard let difficulty = try Self.loadDifficulties(db, id: id.uppercased()).first else {
                let known = try String.fetchAll(db, sql: "SELECT id FROM difficulty ORDER BY year, number")
                return .failure(DifficultyError.unknown(id, known: known))
            }
            let event: Difficulty.Event
            switch Result(catching: { () throws(DifficultyError) in
                try difficulty.moving(to: status, note: note, at: at)
            }) {
            case .success(let moved): event = moved
            case .failure(let error): return .failure(error)
            }
            try Self.insertEvent(difficulty.id, event, source: source, recordedAt: at, db)
            return .success(
                Difficulty(
                    id: difficulty.id, unit: difficulty.unit, text: difficulty.text, task: difficulty.task,
                    history: difficulty.history + [event]))
        }
        return try result.get()
    }

    /// The highest history row: a snapshot re-reads the difficulties only when it moved.
    static func lastDifficultyEventID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM difficulty_event") ?? 0
    }

    static func loadDifficulties(_ db: Database, id: String?) throws -> [Difficulty] {
        let filter = id == nil ? "" : "WHERE d.id = ?1"
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.unit, d.text, d.task, e.at, e.status, e.note
                FROM difficulty d JOIN difficulty_event e ON e.difficulty_id = d.id
                \(filter)
                ORDER BY d.year, d.number, e.id
                """,
            arguments: id.map { [$0] } ?? [])
        var result: [Difficulty] = []
        var current: (id: String, unit: String, text: String, task: String?, events: [Difficulty.Event])?
        func flush() {
            if let current {
                result.append(
                    Difficulty(
                        id: current.id, unit: current.unit, text: current.text, task: current.task,
                        history: current.events))
            }
        }
        for row in rows {
            let rowID: String = row[0]
            let statusText: String = row[5]
            guard let status = DifficultyStatus(rawValue: statusText) else {
                throw DifficultyRowError(id: rowID, status: statusText)
            }
            let event = Difficulty.Event(at: row[4], status: status, note: row[6])
            if current?.id == rowID {
                current?.events.append(event)
            } else {
                flush()
                current = (rowID, row[1], row[2], row[3], [event])
            }
        }
        flush()
        return result
    }

    private static func raise(
        _ entry: DifficultyEntry, unit: String, at: Date, year: Int, source: String, reopen: Bool, _ db: Database
    ) throws -> DifficultyRaise {
        let normalized = Difficulty.normalizedText(entry.text)
        if let id = try String.fetchOne(
            db, sql: "SELECT id FROM difficulty WHERE unit = ? AND normalized_text = ?", arguments: [unit, normalized])
        {
            let latest = try String.fetchOne(
                db, sql: "SELECT status FROM difficulty_event WHERE difficulty_id = ? ORDER BY id DESC LIMIT 1",
                arguments: [id])
            if let latest, DifficultyStatus(rawValue: latest)?.isActive == true {
                return DifficultyRaise(id: id, outcome: .alreadyOpen)
            }
            guard reopen else { return DifficultyRaise(id: id, outcome: .alreadyClosed) }
            if let task = entry.task {
                try db.execute(sql: "UPDATE difficulty SET task = ? WHERE id = ?", arguments: [task, id])
            }
            try insertEvent(
                id, Difficulty.Event(at: at, status: .open, note: "Đơn vị nêu lại vướng mắc (\(source))"),
                source: source,
                recordedAt: at, db)
            return DifficultyRaise(id: id, outcome: .reopened)
        }
        let number =
            (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM difficulty WHERE year = ?", arguments: [year]) ?? 0) + 1
        let id = Difficulty.id(year: year, number: number)
        try db.execute(
            sql: """
                INSERT INTO difficulty (id, year, number, unit, text, normalized_text, task, raised_at, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, year, number, unit, entry.text.precomposedStringWithCanonicalMapping, normalized, entry.task, at,
                source,
            ])
        try insertEvent(id, Difficulty.Event(at: at, status: .open, note: nil), source: source, recordedAt: at, db)
        return DifficultyRaise(id: id, outcome: .created)
    }

    private static func insertEvent(
        _ id: String, _ event: Difficulty.Event, source: String, recordedAt: Date, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO difficulty_event (difficulty_id, at, status, note, source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, event.at, event.status.rawValue, event.note, source, recordedAt])
    }
}

/// A history row with a status this version does not know (edited by hand, or a bug).
private struct DifficultyRowError: Error, CustomStringConvertible {
    let id: String
    let status: String
    var description: String { "difficulty \(id) has status '\(status)'" }
}
