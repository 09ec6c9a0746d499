import Foundation
import GRDB

/// Daemon metadata: free key/values, with typed accessors for the ones nhacviec uses.
/// (The schema version is GRDB's `grdb_migrations`, see ``StateStore/appliedMigrations()``.)
extension StateStore {
    static let lastRunKey = "last_run"
    static let configPathKey = "config_path"

    /// The value stored under `key`, if any.
    package func metadata(_ key: String) throws(StoreError) -> String? {
        try read("reading metadata \(key)") { db in
            try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key])
        }
    }

    /// Stores `value` under `key`; nil removes the key.
    package func setMetadata(_ key: String, to value: String?) throws(StoreError) {
        try write("writing metadata \(key)") { db in
            if let value {
                try db.execute(
                    sql: """
                        INSERT INTO metadata (key, value) VALUES (?, ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """,
                    arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM metadata WHERE key = ?", arguments: [key])
            }
        }
    }

    /// When the daemon last ran (the time of its last tick), for `status`.
    package func lastRun() throws(StoreError) -> Date? {
        guard let text = try metadata(Self.lastRunKey) else { return nil }
        guard let date = Date.fromDatabaseValue(text.databaseValue) else { throw corrupt("metadata last_run: \(text)") }
        return date
    }

    package func setLastRun(_ date: Date) throws(StoreError) {
        try setMetadata(Self.lastRunKey, to: String.fromDatabaseValue(date.databaseValue))
    }

    /// The config file the daemon last ran with.
    package func lastConfigPath() throws(StoreError) -> String? {
        try metadata(Self.configPathKey)
    }

    package func setLastConfigPath(_ path: String) throws(StoreError) {
        try setMetadata(Self.configPathKey, to: path)
    }
}
