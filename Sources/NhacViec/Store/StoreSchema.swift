import GRDB

/// The database schema as a sequence of named migrations (GRDB `DatabaseMigrator`).
///
/// Migrations are append-only: a released migration is never edited, a change
/// is a new migration. GRDB records the applied identifiers in
/// `grdb_migrations`; a database that lists an identifier unknown here was
/// written by a newer nhacviec and is refused rather than touched.
///
/// Dates are stored the GRDB way (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), so they sort
/// and compare as text in SQL.
enum StoreSchema {
    /// First release: the delivery ledger, the messages that carry it, daemon metadata.
    static let v1 = "v1-ledger"
    /// Second release: task status history, received reports, the server's reply
    /// on success, and dead-letter reporting.
    static let v2 = "v2-tasks-submissions-replies"
    /// Difficulties (vướng mắc) tracked until resolved, with their history (DESIGN §14).
    static let v3Difficulties = "v3-difficulties"

    /// E-mail intake (DESIGN §12): messages taken from the mailbox, and the ledger's
    /// stored messages (replies and notices kept as the exact bytes sent).
    static let emailIntake = "v3-email-intake"
    /// Messages the report mailbox refused silently, until the Office's digest lists them.
    static let intakeRejections = "v4-intake-rejections"

    static let statuses = "'pending', 'sent', 'retrying', 'dead', 'skipped'"
    static let taskStatuses = "'not_started', 'in_progress', 'done', 'blocked'"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            try db.create(table: "message") { table in
                // The message key: email Message-ID, webhook Idempotency-Key.
                table.primaryKey("key", .text)
                // `unit:<id>`, `group:<id>` or `head:<unit>` (the kind is needed to rebuild it).
                table.column("recipient", .text).notNull()
                table.column("channel", .text).notNull()
                // JSON array of recipients in the same form.
                table.column("cc", .text).notNull().defaults(to: "[]")
                // The digest's time (the tick that produced it).
                table.column("at", .datetime).notNull()
                // The first intent: `give_up_after` counts from here.
                table.column("created_at", .datetime).notNull()
            }
            try db.create(table: "delivery") { table in
                // `task:II.3/2024-04-01/before-5wd/phong-qldt/email`
                table.primaryKey("key", .text)
                table.column("duty", .text).notNull()
                table.column("occurrence", .text).notNull()
                table.column("step", .text).notNull()
                table.column("recipient", .text).notNull()
                table.column("channel", .text).notNull()
                table.column("status", .text).notNull().check(sql: "status IN (\(statuses))")
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("next_attempt_at", .datetime)
                table.column("last_error", .text)
                // Null for skipped steps: they never went into a message.
                table.column("message_key", .text).references("message", onDelete: .restrict)
                table.column("skip_reason", .text)
                table.column("created_at", .datetime).notNull()
                table.column("updated_at", .datetime).notNull()
                table.column("sent_at", .datetime)
            }
            try db.create(index: "delivery_on_message_key", on: "delivery", columns: ["message_key"])
            // The daemon's start and `status` look for the few unfinished rows among many sent/skipped ones.
            try db.create(index: "delivery_on_status", on: "delivery", columns: ["status"])
            try db.create(table: "metadata") { table in
                table.primaryKey("key", .text)
                table.column("value", .text)
            }
        }
        migrator.registerMigration(v2) { db in
            try db.alter(table: "delivery") { table in
                // The server's reply to the successful send (SMTP `250 …`, HTTP status line).
                table.add(column: "reply", .text)
            }
            try db.alter(table: "message") { table in
                // When organization.admins were told about this dead letter. v1 told nobody,
                // so messages that died under v1 are reported once after the upgrade.
                table.add(column: "dead_reported_at", .datetime)
            }
            try db.create(table: "task_status_change") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("task_id", .text).notNull()
                table.column("status", .text).notNull().check(sql: "status IN (\(taskStatuses))")
                table.column("progress", .integer).check(sql: "progress BETWEEN 0 AND 100")
                table.column("note", .text)
                // When the status holds from (`--now`, or the report's receipt time).
                table.column("at", .datetime).notNull()
                // `cli`, `submission:<unit>:<file>`, …
                table.column("source", .text).notNull()
                table.column("recorded_at", .datetime).notNull()
            }
            try db.create(
                index: "task_status_change_by_task", on: "task_status_change", columns: ["task_id", "at", "id"])
            try db.create(table: "submission") { table in
                table.autoIncrementedPrimaryKey("id")
                // `report:monthly:<unit>` or `report:<request-id>:<unit>`
                table.column("duty", .text).notNull()
                table.column("occurrence", .text).notNull()
                table.column("unit", .text).notNull()
                table.column("report", .text).notNull()
                table.column("period", .text)
                table.column("difficulties", .text).notNull().defaults(to: "[]")
                table.column("proposals", .text).notNull().defaults(to: "[]")
                table.column("body", .text).notNull().defaults(to: "")
                table.column("received_at", .datetime).notNull()
                table.column("source_name", .text).notNull()
                table.column("recorded_at", .datetime).notNull()
                // The submission this one replaced, and the one that replaced it: never deleted.
                table.column("replaces_id", .integer).references("submission")
                table.column("superseded_by_id", .integer).references("submission")
                table.column("superseded_at", .datetime)
            }
            // At most one current submission per (duty, occurrence).
            try db.create(
                index: "submission_current", on: "submission", columns: ["duty", "occurrence"], options: .unique,
                condition: Column("superseded_at") == nil)
            try db.create(index: "submission_by_report", on: "submission", columns: ["report", "occurrence"])
            try db.create(table: "submission_task") { table in
                table.column("submission_id", .integer).notNull().references("submission")
                table.column("position", .integer).notNull()
                table.column("task_id", .text).notNull()
                table.column("status", .text).notNull().check(sql: "status IN (\(taskStatuses))")
                table.column("progress", .integer)
                table.column("note", .text)
                table.primaryKey(["submission_id", "position"])
            }
        }
        migrator.registerMigration(v3Difficulties, migrate: StoreSchema.createDifficulties)
        migrator.registerMigration(emailIntake) { db in
            try db.create(table: "intake_message") { table in
                // SHA-256 of the message's bytes: a message read again (a crash before it
                // was moved, a rescan after UIDVALIDITY changed) is recognised.
                table.primaryKey("content_hash", .text)
                table.column("message_id", .text)
                table.column("sender", .text)
                table.column("uid_validity", .integer).notNull()
                table.column("uid", .integer).notNull()
                // `accepted`, `rejected` or `ignored`.
                table.column("outcome", .text).notNull()
                table.column("summary", .text).notNull().defaults(to: "")
                table.column("processed_at", .datetime).notNull()
            }
            try db.create(table: "stored_message") { table in
                // The ledger key, e.g. `reply:<hash>/2024-03/receipt/qldt@example.gov.vn/email`.
                table.primaryKey("key", .text)
                table.column("sender", .text).notNull()
                // JSON array of envelope recipients.
                table.column("recipients", .text).notNull()
                // The rendered RFC 5322 message: a retry sends exactly these bytes.
                table.column("mime", .blob).notNull()
                table.column("status", .text).notNull().check(sql: "status IN (\(statuses))")
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("next_attempt_at", .datetime)
                table.column("last_error", .text)
                table.column("reply", .text)
                table.column("created_at", .datetime).notNull()
                table.column("updated_at", .datetime).notNull()
                table.column("sent_at", .datetime)
            }
            try db.create(index: "stored_message_on_status", on: "stored_message", columns: ["status"])
        }
        migrator.registerMigration(intakeRejections) { db in
            try db.create(table: "intake_rejection") { table in
                table.primaryKey("content_hash", .text)
                table.column("sender", .text).notNull()
                table.column("subject", .text).notNull()
                table.column("received_at", .datetime).notNull()
                table.column("reason", .text).notNull()
                table.column("folder", .text).notNull()
                // The key of the Office digest that lists it; NULL until one does.
                table.column("told_in", .text)
            }
            try db.create(index: "intake_rejection_on_told_in", on: "intake_rejection", columns: ["told_in"])
        }
        return migrator
    }
}
