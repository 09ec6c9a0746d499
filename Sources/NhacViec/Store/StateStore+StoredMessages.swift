import Foundation
import GRDB

/// The ledger's stored messages (see ``StoredMessage``) and the e-mail intake's
/// record of the messages it has taken in.
extension StateStore {
    /// Records `message` as pending unless its key is already known. Returns whether it was new.
    @discardableResult
    package func recordStoredMessage(_ message: StoredMessage) throws(StoreError) -> Bool {
        try write("recording stored message \(message.key)") { db in try Self.insert(message, db) }
    }

    static func insert(_ message: StoredMessage, _ db: Database) throws -> Bool {
        let recipients = String(decoding: try JSONEncoder().encode(message.recipients), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO stored_message (key, sender, recipients, mime, status, attempts, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (key) DO NOTHING
                """,
            arguments: [
                message.key, message.sender, recipients, Data(message.mime), message.status.rawValue,
                message.createdAt, message.createdAt,
            ])
        return db.changesCount > 0
    }

    /// Pending messages and retries whose time has come, oldest first.
    package func dueStoredMessages(at now: Date) throws(StoreError) -> [StoredMessage] {
        try read("reading stored messages due") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM stored_message
                    WHERE status = 'pending' OR (status = 'retrying' AND next_attempt_at <= ?)
                    ORDER BY created_at, key
                    """,
                arguments: [now]
            ).map(Self.storedMessage)
        }
    }

    /// When the next stored message is due: its creation for a pending one (already
    /// due), else the earliest retry; nil when nothing waits. The daemon's timer is
    /// armed for it, like for any ledger retry.
    package func nextStoredMessageAttempt() throws(StoreError) -> Date? {
        try read("reading when the next stored message is due") { db in
            try Date.fetchOne(
                db,
                sql: """
                    SELECT MIN(CASE WHEN status = 'pending' THEN created_at ELSE next_attempt_at END)
                    FROM stored_message WHERE status IN ('pending', 'retrying')
                    """)
        }
    }

    /// Every stored message that is not yet sent (for `status`), oldest first.
    package func unfinishedStoredMessages() throws(StoreError) -> [StoredMessage] {
        try read("reading unfinished stored messages") { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM stored_message WHERE status NOT IN ('sent', 'skipped') ORDER BY created_at, key"
            ).map(Self.storedMessage)
        }
    }

    /// The stored message with that key.
    package func storedMessage(_ key: String) throws(StoreError) -> StoredMessage? {
        try read("reading stored message \(key)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM stored_message WHERE key = ?", arguments: [key]).map(
                Self.storedMessage)
        }
    }

    /// Records one send attempt's outcome, committed at once.
    package func recordStoredMessageOutcome(
        key: String, status: DeliveryStatus, at now: Date, error: String? = nil, reply: String? = nil,
        nextAttemptAt: Date? = nil
    ) throws(StoreError) {
        try write("recording the outcome of stored message \(key)") { db in
            try db.execute(
                sql: """
                    UPDATE stored_message SET status = ?, attempts = attempts + 1, updated_at = ?,
                        last_error = COALESCE(?, last_error), reply = ?, next_attempt_at = ?,
                        sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
                    WHERE key = ?
                    """,
                arguments: [status.rawValue, now, error, reply, nextAttemptAt, status.rawValue, now, key])
            if db.changesCount == 0 {
                throw StoreError(code: .unknownMessage, path: "", message: "no stored message \(key)")
            }
        }
    }

    private static func storedMessage(_ row: Row) throws -> StoredMessage {
        let recipients = try JSONDecoder().decode([String].self, from: Data((row["recipients"] as String).utf8))
        let statusText: String = row["status"]
        return StoredMessage(
            key: row["key"], sender: row["sender"], recipients: recipients, mime: [UInt8](row["mime"] as Data),
            status: DeliveryStatus(rawValue: statusText) ?? .pending, attempts: row["attempts"],
            nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"], createdAt: row["created_at"])
    }

    // MARK: - Messages taken from the mailbox

    /// The outcome recorded for a message's bytes, if it was taken in before.
    package func intakeMessageOutcome(contentHash: String) throws(StoreError) -> String? {
        try read("reading intake message \(contentHash)") { db in
            try String.fetchOne(
                db, sql: "SELECT outcome FROM intake_message WHERE content_hash = ?", arguments: [contentHash])
        }
    }

    /// Records a message as taken in together with the messages it causes (and, for a
    /// message refused silently, what the Office's digest will say), in one transaction:
    /// either the record and its replies exist, or neither does.
    package func recordIntakeMessage(
        contentHash: String, messageID: String?, sender: String?, uidValidity: UInt32, uid: UInt32,
        outcome: String, summary: String, at now: Date, messages: [StoredMessage], rejection: IntakeRejection? = nil
    ) throws(StoreError) {
        try write("recording intake message \(contentHash)") { db in
            try db.execute(
                sql: """
                    INSERT INTO intake_message
                        (content_hash, message_id, sender, uid_validity, uid, outcome, summary, processed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING
                    """,
                arguments: [
                    contentHash, messageID, sender, Int64(uidValidity), Int64(uid), outcome, summary, now,
                ])
            for message in messages { _ = try Self.insert(message, db) }
            if let rejection { try Self.insert(rejection, db) }
        }
    }

    /// How many messages were taken in with each outcome.
    package func intakeMessageCounts() throws(StoreError) -> [String: Int] {
        try read("counting intake messages") { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT outcome, COUNT(*) AS n FROM intake_message GROUP BY outcome") {
                counts[row["outcome"]] = row["n"]
            }
            return counts
        }
    }
}
