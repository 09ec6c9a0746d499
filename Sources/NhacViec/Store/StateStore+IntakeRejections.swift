import Foundation
import GRDB

/// Refused intake messages waiting to be listed in the Office's digest (``IntakeRejection``).
extension StateStore {
    static func insert(_ rejection: IntakeRejection, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO intake_rejection (content_hash, sender, subject, received_at, reason, folder)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING
                """,
            arguments: [
                rejection.contentHash, rejection.sender, rejection.subject, rejection.receivedAt, rejection.reason,
                rejection.folder,
            ])
    }

    /// The refused messages the digest `messageKey` lists. The first time a key asks, it
    /// takes (at most `limit` of) those no digest has listed yet, oldest first; asked again
    /// (a retry, a resend after a crash) it gets the same ones, so each refused message is
    /// listed by exactly one digest and a rebuilt digest says the same thing.
    package func claimIntakeRejections(for messageKey: String, limit: Int) throws(StoreError) -> [IntakeRejection] {
        try write("listing refused intake messages in \(messageKey)") { db in
            let listed =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM intake_rejection WHERE told_in = ?", arguments: [messageKey]) ?? 0
            if listed == 0 {
                try db.execute(
                    sql: """
                        UPDATE intake_rejection SET told_in = ? WHERE content_hash IN
                            (SELECT content_hash FROM intake_rejection WHERE told_in IS NULL
                             ORDER BY received_at, content_hash LIMIT ?)
                        """,
                    arguments: [messageKey, limit])
            }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM intake_rejection WHERE told_in = ? ORDER BY received_at, content_hash",
                arguments: [messageKey]
            ).map { row in
                IntakeRejection(
                    contentHash: row["content_hash"], sender: row["sender"], subject: row["subject"],
                    receivedAt: row["received_at"], reason: row["reason"], folder: row["folder"])
            }
        }
    }

    /// How many refused messages no digest has listed yet (for tests and `status`).
    package func untoldIntakeRejectionCount() throws(StoreError) -> Int {
        try read("counting refused intake messages") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intake_rejection WHERE told_in IS NULL") ?? 0
        }
    }
}
