import GRDB

extension StoreSchema {
    static let difficultyStatuses = "'open', 'forwarded', 'resolved', 'withdrawn'"

    /// `v3-difficulties`: one row per difficulty, its history in `difficulty_event`.
    static func createDifficulties(_ db: Database) throws {
        try db.create(table: "difficulty") { table in
            // `VM-<year>-<n>`
            table.primaryKey("id", .text)
            table.column("year", .integer).notNull()
            table.column("number", .integer).notNull()
            table.column("unit", .text).notNull()
            table.column("text", .text).notNull()
            // NFC, case folded, spaces collapsed: the same text from the same unit is the same record.
            table.column("normalized_text", .text).notNull()
            table.column("task", .text)
            table.column("raised_at", .datetime).notNull()
            // `submission:<unit>:<file>`, `web`, …
            table.column("source", .text).notNull()
            table.uniqueKey(["year", "number"])
            table.uniqueKey(["unit", "normalized_text"])
        }
        try db.create(table: "difficulty_event") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("difficulty_id", .text).notNull().references("difficulty")
            table.column("at", .datetime).notNull()
            table.column("status", .text).notNull().check(sql: "status IN (\(difficultyStatuses))")
            table.column("note", .text)
            table.column("source", .text).notNull()
            table.column("recorded_at", .datetime).notNull()
        }
        try db.create(
            index: "difficulty_event_by_difficulty", on: "difficulty_event", columns: ["difficulty_id", "id"])
    }
}
