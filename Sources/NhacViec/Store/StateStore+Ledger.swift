import Foundation
import GRDB

/// The delivery ledger (DESIGN §5): one row per delivery key, grouped into the
/// messages that carry them. Outcomes are recorded per message, for all its
/// items at once; a finished row (sent, dead, skipped) is never reopened.
extension StateStore {
    /// Records that `digest` is about to be sent: its items become `pending` under
    /// the digest's key, in one committed (and synced) transaction.
    ///
    /// Call it before the send. Recording the same digest again is harmless; an
    /// item that is already sent, dead or skipped keeps its outcome and is not
    /// part of the message's unfinished items.
    package func recordIntent(digest: Digest, now: Date) throws(StoreError) {
        try recordIntents([digest], now: now)
    }

    /// Records the intents of a whole burst in one committed transaction: one sync
    /// for the lot instead of one per message, still before any of them is sent.
    package func recordIntents(_ digests: [Digest], now: Date) throws(StoreError) {
        // A message without items would never get an outcome nor show up anywhere.
        let digests = digests.filter { !$0.items.isEmpty }
        guard let first = digests.first else { return }
        let what =
            digests.count == 1
            ? "recording the intent of message \(first.key)" : "recording the intents of \(digests.count) messages"
        try write(what) { db in
            for digest in digests {
                try Self.insertIntent(digest, now: now, db)
            }
        }
    }

    private static func insertIntent(_ digest: Digest, now: Date, _ db: Database) throws {
        let messageKey = digest.key
        try MessageRecord(
            key: messageKey, recipient: digest.recipient.storageTag, channel: digest.channel.description,
            cc: digest.cc.map(\.storageTag), at: digest.at, createdAt: now, deadReportedAt: nil
        )
        .insert(db, onConflict: .ignore)
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO delivery
                    (key, duty, occurrence, step, recipient, channel, status, attempts, message_key,
                     created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET
                    status = 'pending', message_key = excluded.message_key, next_attempt_at = NULL,
                    updated_at = excluded.updated_at
                WHERE delivery.status IN ('pending', 'retrying')
                """)
        for item in digest.items {
            try statement.execute(arguments: [
                item.key, item.step.occurrence.duty.description, item.step.occurrence.occurrence,
                item.step.kind.description, item.step.recipient.description, digest.channel.description,
                messageKey, now, now,
            ])
        }
    }

    /// Records that the message went out (or was written to the outbox); `reply`
    /// is the server's answer, kept for `status` and audits.
    package func recordSent(messageKey: String, at: Date, reply: String?) throws(StoreError) {
        try recordOutcome(
            messageKey: messageKey, operation: "recording message \(messageKey) as sent",
            sql: """
                UPDATE delivery SET status = 'sent', sent_at = ?, updated_at = ?, reply = ?,
                    attempts = attempts + 1, next_attempt_at = NULL
                """,
            arguments: [at, at, reply])
    }

    /// Records a transient failure: the items become `retrying`, due again at `retryAt`.
    ///
    /// `retryAt` is required (unlike a bare "failed"): a retrying row without a
    /// next attempt would never be picked up again.
    package func recordFailure(messageKey: String, at: Date, error: String, retryAt: Date) throws(StoreError) {
        try recordOutcome(
            messageKey: messageKey, operation: "recording a failure of message \(messageKey)",
            sql: """
                UPDATE delivery SET status = 'retrying', updated_at = ?, last_error = ?,
                    attempts = attempts + 1, next_attempt_at = ?
                """,
            arguments: [at, error, retryAt])
    }

    /// Records that the daemon gave up on the message: a dead letter, to be
    /// reported once (``deadLettersNotYetReported()``) and shown by `status`.
    package func recordDead(messageKey: String, at: Date, error: String) throws(StoreError) {
        try recordOutcome(
            messageKey: messageKey, operation: "recording message \(messageKey) as dead",
            sql: """
                UPDATE delivery SET status = 'dead', updated_at = ?, last_error = ?,
                    attempts = attempts + 1, next_attempt_at = NULL
                """,
            arguments: [at, error])
    }

    /// Applies an outcome to the message's unfinished items. Repeating an outcome
    /// is a no-op; a message key that was never recorded is an error (a daemon bug
    /// that must not pass silently).
    private func recordOutcome(messageKey: String, operation: String, sql: String, arguments: StatementArguments)
        throws(StoreError)
    {
        let known = try write(operation) { db -> Bool in
            try db.execute(
                sql: sql + " WHERE message_key = ? AND status IN ('pending', 'retrying')",
                arguments: arguments + [messageKey])
            return try MessageRecord.exists(db, key: messageKey)
        }
        guard known else {
            throw StoreError(code: .unknownMessage, path: databasePath, message: "\(operation): no such message")
        }
    }

    /// Records steps that will never be sent, in one transaction. A key that is
    /// already in the ledger keeps its row. Returns how many rows were added.
    @discardableResult
    package func recordSkipped(_ skipped: [SkippedDelivery], at: Date) throws(StoreError) -> Int {
        guard !skipped.isEmpty else { return 0 }
        return try write("recording \(skipped.count) skipped steps") { db in
            // Many rows per INSERT through a reused prepared statement: per-statement
            // overhead, not SQLite, dominates a first start's tens of thousands of rows.
            let stamp = at.databaseValue
            var added = 0
            var start = 0
            while start < skipped.count {
                let chunk = skipped[start..<min(start + Self.skipChunk, skipped.count)]
                let statement = try db.cachedStatement(sql: Self.insertSkippedSQL(rows: chunk.count))
                var values: [(any DatabaseValueConvertible)?] = []
                values.reserveCapacity(chunk.count * 9)
                for item in chunk {
                    values += [
                        item.key, item.duty.description, item.occurrence, item.step.description,
                        item.recipient.description, item.channel.description, item.reason, stamp, stamp,
                    ]
                }
                try statement.execute(arguments: StatementArguments(values))
                added += db.changesCount
                start += chunk.count
            }
            return added
        }
    }

    /// Rows per INSERT when recording skips (9 parameters each, far below SQLite's limit).
    static let skipChunk = 200

    private static func insertSkippedSQL(rows: Int) -> String {
        let row = "(?, ?, ?, ?, ?, ?, 'skipped', 0, ?, ?, ?)"
        return """
            INSERT INTO delivery
                (key, duty, occurrence, step, recipient, channel, status, attempts, skip_reason,
                 created_at, updated_at)
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            ON CONFLICT (key) DO NOTHING
            """
    }

    /// Messages that still owe an outcome: `pending` ones (intent without outcome,
    /// e.g. after a crash: resend now, with the same key) and `retrying` ones with
    /// their next attempt. Ordered by when they are due.
    package func unfinishedMessages() throws(StoreError) -> [UnfinishedMessage] {
        let (messages, items) = try read("reading unfinished messages") { db in
            let items = try DeliveryRecord.fetchAll(
                db,
                sql: "SELECT * FROM delivery WHERE status IN ('pending', 'retrying') ORDER BY message_key, key")
            let keys = Set(items.compactMap(\.messageKey))
            return (try MessageRecord.fetchAll(db, keys: keys), items)
        }
        let itemsByMessage = Dictionary(grouping: items) { $0.messageKey ?? "" }
        var result: [UnfinishedMessage] = []
        for message in messages {
            guard let rows = itemsByMessage[message.key], !rows.isEmpty else { continue }
            result.append(try unfinishedMessage(message, rows: rows))
        }
        return result.sorted {
            ($0.nextAttemptAt ?? $0.at, $0.key) < ($1.nextAttemptAt ?? $1.at, $1.key)
        }
    }

    private func unfinishedMessage(_ message: MessageRecord, rows: [DeliveryRecord]) throws(StoreError)
        -> UnfinishedMessage
    {
        guard let recipient = Recipient(storageTag: message.recipient),
            let channel = Channel(ledgerText: message.channel)
        else { throw corrupt("message \(message.key) has an unreadable recipient or channel") }
        var cc: [Recipient] = []
        for tag in message.cc {
            guard let copy = Recipient(storageTag: tag) else { throw corrupt("message \(message.key): cc \(tag)") }
            cc.append(copy)
        }
        var items: [UnfinishedMessage.Item] = []
        for row in rows {
            guard let duty = Duty(ledgerText: row.duty), let step = StepKind(ledgerText: row.step),
                let itemChannel = Channel(ledgerText: row.channel)
            else { throw corrupt("delivery \(row.key) has an unreadable duty, step or channel") }
            items.append(
                UnfinishedMessage.Item(
                    key: row.key, duty: duty, occurrence: row.occurrence, step: step, recipient: recipient,
                    channel: itemChannel))
        }
        let pending = rows.contains { $0.status == DeliveryStatus.pending.rawValue }
        return UnfinishedMessage(
            key: message.key, recipient: recipient, channel: channel, cc: cc, at: message.at,
            firstRecordedAt: message.createdAt, status: pending ? .pending : .retrying,
            attempts: rows.map(\.attempts).max() ?? 0,
            nextAttemptAt: pending ? nil : rows.compactMap(\.nextAttemptAt).min(),
            lastError: rows.compactMap(\.lastError).first, items: items)
    }

    /// Dead messages organization.admins have not been told about yet, oldest first.
    package func deadLettersNotYetReported() throws(StoreError) -> [DeadLetter] {
        let (messages, rows) = try read("reading dead letters") { db in
            let messages = try MessageRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM message WHERE dead_reported_at IS NULL
                    AND EXISTS (SELECT 1 FROM delivery WHERE message_key = message.key AND status = 'dead')
                    ORDER BY at, key
                    """)
            let rows = try DeliveryRecord.filter(messages.map(\.key).contains(Column("message_key")))
                .filter(Column("status") == DeliveryStatus.dead.rawValue)
                .order(Column("key"))
                .fetchAll(db)
            return (messages, rows)
        }
        let rowsByMessage = Dictionary(grouping: rows) { $0.messageKey ?? "" }
        var letters: [DeadLetter] = []
        for message in messages {
            var items: [LedgerEntry] = []
            for row in rowsByMessage[message.key] ?? [] {
                guard let entry = row.entry else { throw corrupt("delivery \(row.key) has status \(row.status)") }
                items.append(entry)
            }
            guard let first = items.first else { continue }
            letters.append(
                DeadLetter(
                    messageKey: message.key, recipient: first.recipient, channel: message.channel, at: message.at,
                    diedAt: items.map(\.updatedAt).max() ?? first.updatedAt,
                    attempts: items.map(\.attempts).max() ?? 0, error: first.lastError ?? "", items: items))
        }
        return letters
    }

    /// Marks dead letters (by message key) as reported, so they are reported once.
    package func markDeadLettersReported(keys: [String], at: Date) throws(StoreError) {
        guard !keys.isEmpty else { return }
        try write("marking \(keys.count) dead letters as reported") { db in
            _ = try MessageRecord.filter(keys: keys).filter(Column("dead_reported_at") == nil)
                .updateAll(db, Column("dead_reported_at").set(to: at))
        }
    }

    /// Ledger rows whose status is not in `excluded` (`status` shows everything but
    /// sent and skipped), oldest first.
    package func deliveries(excluding excluded: Set<DeliveryStatus> = [.sent, .skipped]) throws(StoreError)
        -> [LedgerEntry]
    {
        let rows = try read("reading the ledger") { db in
            try DeliveryRecord.filter(!excluded.map(\.rawValue).contains(Column("status")))
                .order(Column("created_at"), Column("key"))
                .fetchAll(db)
        }
        var entries: [LedgerEntry] = []
        for row in rows {
            guard let entry = row.entry else { throw corrupt("delivery \(row.key) has status \(row.status)") }
            entries.append(entry)
        }
        return entries
    }

    /// The ledger row of one key, if any.
    package func delivery(key: String) throws(StoreError) -> LedgerEntry? {
        let row = try read("reading delivery \(key)") { db in try DeliveryRecord.fetchOne(db, key: key) }
        guard let row else { return nil }
        guard let entry = row.entry else { throw corrupt("delivery \(row.key) has status \(row.status)") }
        return entry
    }

    /// Number of ledger rows per status; every status is present (0 when none).
    package func counts() throws(StoreError) -> [DeliveryStatus: Int] {
        let rows = try read("counting deliveries") { db in
            try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM delivery GROUP BY status")
                .map { (status: $0["status"] as String, count: $0["n"] as Int) }
        }
        var counts = Dictionary(uniqueKeysWithValues: DeliveryStatus.allCases.map { ($0, 0) })
        for row in rows {
            guard let status = DeliveryStatus(rawValue: row.status) else { throw corrupt("status \(row.status)") }
            counts[status] = row.count
        }
        return counts
    }

    /// Whether the ledger holds `key` in any status. One query per call: the
    /// scheduler uses a ``StoreSnapshot`` instead.
    package func isRecorded(key: String) throws(StoreError) -> Bool {
        try read("looking up delivery \(key)") { db in try DeliveryRecord.exists(db, key: key) }
    }
}
