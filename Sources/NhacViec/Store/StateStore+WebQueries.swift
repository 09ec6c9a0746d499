import Foundation
import GRDB

/// Read-only questions the web pages ask of the ledger (DESIGN §15).
extension StateStore {
    /// Every ledger row of one duty (`task:II.3`, `report:monthly:phong-qldt`), oldest first.
    /// Keys start with the duty and a `/`, so the primary key's index answers it.
    package func deliveries(duty: String) throws(StoreError) -> [LedgerEntry] {
        let lower = duty + "/"
        let upper = duty + "0"  // "/" + 1: just past every key with the prefix.
        let rows = try read("reading the deliveries of \(duty)") { db in
            try DeliveryRecord.filter(Column("key") >= lower && Column("key") < upper && Column("duty") == duty)
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

    /// How many ledger rows have one of `statuses` (the status index answers it).
    package func deliveryCount(statuses: Set<DeliveryStatus>) throws(StoreError) -> Int {
        try read("counting deliveries by status") { db in
            try DeliveryRecord.filter(statuses.map(\.rawValue).contains(Column("status"))).fetchCount(db)
        }
    }

    /// Ledger rows with one of `statuses`, newest first, `limit` of them from `offset`: the
    /// Office's pages show a page of them, never the whole ledger.
    package func deliveries(statuses: Set<DeliveryStatus>, limit: Int, offset: Int = 0) throws(StoreError)
        -> [LedgerEntry]
    {
        let rows = try read("reading deliveries by status") { db in
            try DeliveryRecord.filter(statuses.map(\.rawValue).contains(Column("status")))
                .order(Column("created_at").desc, Column("key").desc)
                .limit(limit, offset: offset)
                .fetchAll(db)
        }
        var entries: [LedgerEntry] = []
        for row in rows {
            guard let entry = row.entry else { throw corrupt("delivery \(row.key) has status \(row.status)") }
            entries.append(entry)
        }
        return entries
    }

    /// Ledger rows per (status, channel kind), the channel reduced to `email` or `webhook`
    /// (metrics carry counts, not names).
    package func deliveryCountsByChannel() throws(StoreError) -> [DeliveryChannelCount] {
        try read("counting deliveries by channel") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT status, CASE WHEN channel LIKE 'webhook:%' THEN 'webhook' ELSE channel END AS kind,
                           COUNT(*) AS n
                    FROM delivery GROUP BY status, kind ORDER BY status, kind
                    """
            ).map { DeliveryChannelCount(status: $0["status"], channel: $0["kind"], count: $0["n"]) }
        }
    }
}

/// How many ledger rows have one status on one kind of channel.
package struct DeliveryChannelCount: Sendable, Hashable {
    package var status: String
    package var channel: String
    package var count: Int
}
