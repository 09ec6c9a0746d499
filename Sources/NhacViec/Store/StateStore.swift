import Foundation
import GRDB

/// The daemon's durable state: the delivery ledger, task status history,
/// received reports and daemon metadata, in `<state dir>/state.sqlite`.
///
/// SQLite through GRDB, in WAL mode, so `status`, `submit` and `task` can read
/// and write while `nhacviec run` holds the same file open (each write is a
/// short IMMEDIATE transaction; a busy database is waited for up to
/// ``busyTimeout``). Every method is synchronous and returns only once its
/// transaction is committed.
///
/// Connection pragmas, and why:
/// - `journal_mode=WAL` (GRDB's `DatabasePool`): readers never block the writer
///   and other processes can use the file beside the daemon.
/// - `synchronous=FULL` on the writer: in WAL mode GRDB defaults to NORMAL,
///   where a commit can be lost on power failure; the intent recorded before a
///   send must survive that (DESIGN §5), so every commit syncs the WAL. Writes
///   are few (one per message, one per batch of skips), so the fsync is cheap.
/// - `busy_timeout` ``busyTimeout``: another process's write waits instead of failing.
/// - `foreign_keys=ON` (GRDB's default): ledger rows point at their message.
/// - `journal_size_limit` 8 MiB: after a large batch (a first start's skips)
///   the WAL file is truncated back instead of staying at its peak size.
///
/// Nothing here exposes GRDB, so another backend (PostgreSQL, DESIGN §12) can
/// offer the same methods.
package final class StateStore: Sendable {
    package static let databaseName = "state.sqlite"
    /// Held (blocking) while opening and migrating, so two processes starting at
    /// once don't both try to apply the same migration.
    static let setupLockName = "state.sqlite.setup-lock"
    package static let busyTimeout: TimeInterval = 10

    package let directory: String
    package let databasePath: String
    /// A `DatabasePool` (WAL) normally; a read-only `DatabaseQueue` for ``init(directory:readOnly:)``.
    let pool: any DatabaseWriter
    /// Opened read-only: every write fails, nothing in the state dir is created or migrated.
    package let isReadOnly: Bool

    /// Opens the store in `directory`, creating the directory and the database if
    /// missing and migrating a database written by an older version.
    ///
    /// Throws ``StoreError/Code/newerSchema`` (without changing the file) for a
    /// database written by a newer nhacviec.
    ///
    /// - Parameter setupWait: how long to wait for another process's setup (the setup lock);
    ///   nil waits as long as it takes. Past it, ``StoreError/Code/setupInProgress``.
    package init(directory: String, setupWait: Duration? = nil) throws(StoreError) {
        let databasePath = (directory as NSString).appendingPathComponent(Self.databaseName)
        self.directory = directory
        self.databasePath = databasePath
        self.isReadOnly = false
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError(
                code: .cannotOpen, path: directory, message: "cannot create the state directory",
                underlying: "\(error.localizedDescription)")
        }
        let setupLock = try StateDirectoryLock(
            path: (directory as NSString).appendingPathComponent(Self.setupLockName), wait: true,
            waitAtMost: setupWait)
        self.pool = try withExtendedLifetime(setupLock) { () throws(StoreError) -> DatabasePool in
            do {
                // 0600 before SQLite opens it: its -wal and -shm files take the database's mode.
                try PrivateFiles.touch(databasePath)
            } catch {
                throw StoreError(
                    code: .cannotOpen, path: databasePath, message: "cannot create the database", underlying: "\(error)"
                )
            }
            let pool = try Self.openPool(path: databasePath)
            try Self.migrate(pool, path: databasePath)
            return pool
        }
    }

    /// Opens an existing database without writing anything to the state dir: no
    /// migration, no lock file, no WAL set-up (DESIGN §10: `status`, `plan` and
    /// `report --out` work on a read-only state dir). A database that still needs
    /// a migration cannot be read this way and is reported as such.
    package init(readOnlyDirectory directory: String) throws(StoreError) {
        let databasePath = (directory as NSString).appendingPathComponent(Self.databaseName)
        self.directory = directory
        self.databasePath = databasePath
        self.isReadOnly = true
        var configuration = Configuration()
        configuration.label = "nhacviec.state.read-only"
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        let queue: DatabaseQueue
        do {
            queue = try Self.openReadOnly(path: databasePath, configuration: configuration)
        } catch {
            throw StoreError.wrapping(error, path: databasePath, while: "cannot open the state database read-only")
        }
        let migrator = StoreSchema.migrator
        let (unknown, complete): ([String], Bool)
        do {
            (unknown, complete) = try queue.read { db in
                (
                    try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted(),
                    try migrator.hasCompletedMigrations(db)
                )
            }
        } catch {
            throw StoreError.wrapping(error, path: databasePath, while: "cannot read the schema version")
        }
        guard unknown.isEmpty else {
            throw StoreError(
                code: .newerSchema, path: databasePath,
                message: "the state database was written by a newer nhacviec (migrations unknown to "
                    + "\(NhacViecVersion.current): \(unknown.joined(separator: ", "))); upgrade nhacviec",
                underlying: nil)
        }
        guard complete else {
            throw StoreError(
                code: .migrationFailed, path: databasePath,
                message: "the state database needs an upgrade, which a read-only state dir cannot take; "
                    + "run any nhacviec command that writes (e.g. nhacviec run --once) with write access first",
                underlying: nil)
        }
        self.pool = queue
    }

    /// A read-only connection. SQLite reads a WAL database through its `-shm` file,
    /// which a reader that may not write the folder cannot create; when no daemon
    /// has the database open (no `-wal` file: everything is in the database file)
    /// it is opened as immutable instead, which needs neither.
    private static func openReadOnly(path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            guard !FileManager.default.fileExists(atPath: path + "-wal") else { throw error }
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            let escaped =
                absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["?", "#", "%"]))
                ?? absolute
            return try DatabaseQueue(path: "file:" + escaped + "?immutable=1", configuration: configuration)
        }
    }

    /// Opens the store only if `directory` already holds a database (for commands
    /// like `plan` that must not create a state dir as a side effect). `readOnly`
    /// opens it without writing (also chosen when the state dir or the database
    /// cannot be written, so reading commands work on a read-only state dir).
    package static func openExisting(
        directory: String, readOnly: Bool = false, setupWait: Duration? = nil
    ) throws(StoreError) -> StateStore? {
        let path = (directory as NSString).appendingPathComponent(databaseName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        if readOnly || !isWritable(directory: directory) {
            return try StateStore(readOnlyDirectory: directory)
        }
        return try StateStore(directory: directory, setupWait: setupWait)
    }

    /// Whether this process may create files in `directory` and write its database.
    package static func isWritable(directory: String) -> Bool {
        let path = (directory as NSString).appendingPathComponent(databaseName)
        return access(directory, W_OK) == 0 && (access(path, F_OK) != 0 || access(path, W_OK) == 0)
    }

    /// Closes the database; later calls fail. Deallocation closes it too.
    package func close() throws(StoreError) {
        do {
            try pool.close()
        } catch {
            throw StoreError.wrapping(error, path: databasePath, while: "closing the database")
        }
    }

    /// The applied migrations, oldest first (for `status` and diagnostics).
    package func appliedMigrations() throws(StoreError) -> [String] {
        try read("reading the schema version") { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    // MARK: - Opening

    private static func openPool(path: String) throws(StoreError) -> DatabasePool {
        var configuration = Configuration()
        configuration.label = "nhacviec.state"
        configuration.busyMode = .timeout(busyTimeout)
        // Readers stay open for the process's life: releaseMemory then empties their
        // caches in place rather than closing them through Dispatch (StateStore+Memory).
        configuration.persistentReadOnlyConnections = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // After the pool's own WAL setup, which sets synchronous=NORMAL on the writer.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA journal_size_limit = 8388608")
            }
            return pool
        } catch {
            let wrapped = StoreError.wrapping(error, path: path, while: "cannot open the state database")
            throw StoreError(
                code: wrapped.code == .busy ? .busy : .cannotOpen, path: path, message: wrapped.message,
                underlying: wrapped.underlying)
        }
    }

    private static func migrate(_ pool: DatabasePool, path: String) throws(StoreError) {
        let migrator = StoreSchema.migrator
        let unknown: [String]
        do {
            unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
        } catch {
            throw StoreError.wrapping(error, path: path, while: "cannot read the schema version")
        }
        guard unknown.isEmpty else {
            throw StoreError(
                code: .newerSchema, path: path,
                message: "the state database was written by a newer nhacviec (migrations unknown to "
                    + "\(NhacViecVersion.current): \(unknown.joined(separator: ", "))); "
                    + "upgrade nhacviec or point --state at another directory",
                underlying: nil)
        }
        do {
            try migrator.migrate(pool)
        } catch {
            let wrapped = StoreError.wrapping(error, path: path, while: "cannot migrate the state database")
            throw StoreError(
                code: wrapped.code == .busy ? .busy : .migrationFailed, path: path, message: wrapped.message,
                underlying: wrapped.underlying)
        }
    }

    // MARK: - Transactions

    /// One committed write transaction; any failure is a ``StoreError`` naming `operation`.
    func write<T>(_ operation: @autoclosure () -> String, _ updates: (Database) throws -> T) throws(StoreError)
        -> T
    {
        do {
            return try pool.write(updates)
        } catch {
            throw StoreError.wrapping(error, path: databasePath, while: operation())
        }
    }

    /// One read transaction (a consistent view of the database).
    func read<T>(_ operation: @autoclosure () -> String, _ value: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(value)
        } catch {
            throw StoreError.wrapping(error, path: databasePath, while: operation())
        }
    }

    /// A row value that does not read back as expected.
    func corrupt(_ what: String) -> StoreError {
        StoreError(code: .corruptRecord, path: databasePath, message: what)
    }
}
