import Foundation
import GRDB
import Testing

@testable import NhacViec

@Suite struct StoreMigrationTests {
    typealias F = StoreFixture

    @Test func openingAMissingDirectoryCreatesEveryTableWithDurablePragmas() throws {
        try F.withStateDirectory { directory in
            let nested = (directory as NSString).appendingPathComponent("deeper")
            let store = try StateStore(directory: nested)
            #expect(FileManager.default.fileExists(atPath: (nested as NSString).appendingPathComponent("state.sqlite")))
            #expect(try store.appliedMigrations() == StoreSchema.migrator.migrations)
            let (tables, journal, synchronous) = try store.pool.writeWithoutTransaction { db in
                (
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA synchronous")
                )
            }
            #expect(
                Set(tables).isSuperset(of: [
                    "delivery", "message", "metadata", "task_status_change", "submission", "submission_task",
                ]))
            #expect(journal == "wal")
            // 2 = FULL: every commit syncs the WAL.
            #expect(synchronous == 2)
            #expect(try store.lastRun() == nil)
            #expect(try store.counts().values.allSatisfy { $0 == 0 })
        }
    }

    @Test func aDatabaseWrittenByVersionOneIsMigratedWithItsDataIntact() throws {
        try F.withStateDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = (directory as NSString).appendingPathComponent("state.sqlite")
            // What nhacviec with only the v1 schema left behind: a pending message (crash mid-send),
            // a sent one, a dead one, a skipped step and metadata.
            do {
                let pool = try DatabasePool(path: path)
                try StoreSchema.migrator.migrate(pool, upTo: StoreSchema.v1)
                try pool.write { db in
                    let at = F.t0
                    try db.execute(
                        sql: """
                            INSERT INTO message (key, recipient, channel, cc, at, created_at) VALUES
                              ('m-pending', 'unit:phong-qldt', 'email', '["unit:van-phong"]', ?1, ?1),
                              ('m-sent', 'group:ban-chi-dao', 'webhook:zalo-van-phong', '[]', ?1, ?1),
                              ('m-dead', 'head:phong-qldt', 'email', '[]', ?1, ?1)
                            """, arguments: [at])
                    try db.execute(
                        sql: """
                            INSERT INTO delivery
                              (key, duty, occurrence, step, recipient, channel, status, attempts, next_attempt_at,
                               last_error, message_key, skip_reason, created_at, updated_at, sent_at) VALUES
                              ('task:II.3/2024-04-01/due/phong-qldt/email', 'task:II.3', '2024-04-01', 'due',
                               'phong-qldt', 'email', 'pending', 0, NULL, NULL, 'm-pending', NULL, ?1, ?1, NULL),
                              ('report:monthly:phong-tc/2024-03/escalation/ban-chi-dao/webhook:zalo-van-phong',
                               'report:monthly:phong-tc', '2024-03', 'escalation', 'ban-chi-dao',
                               'webhook:zalo-van-phong', 'sent', 1, NULL, NULL, 'm-sent', NULL, ?1, ?1, ?1),
                              ('task:VI.2/2024-03-29/escalation/head:phong-qldt/email', 'task:VI.2', '2024-03-29',
                               'escalation', 'head:phong-qldt', 'email', 'dead', 3, NULL, 'SMTP 550 no such user',
                               'm-dead', NULL, ?1, ?1, NULL),
                              ('task:II.3/2024-04-01/before-5wd/phong-qldt/email', 'task:II.3', '2024-04-01',
                               'before-5wd', 'phong-qldt', 'email', 'skipped', 0, NULL, NULL, NULL, 'superseded',
                               ?1, ?1, NULL)
                            """, arguments: [at])
                    try db.execute(
                        sql: "INSERT INTO metadata (key, value) VALUES ('last_run', ?), ('config_path', ?)",
                        arguments: [at, "/etc/nhacviec/nhacviec.yaml"])
                }
                try pool.close()
            }

            let store = try StateStore(directory: directory)
            #expect(try store.appliedMigrations() == StoreSchema.migrator.migrations)
            #expect(try store.counts() == [.pending: 1, .sent: 1, .dead: 1, .skipped: 1, .retrying: 0])
            #expect(try store.lastRun() == F.t0)
            #expect(try store.lastConfigPath() == "/etc/nhacviec/nhacviec.yaml")

            // The v1 crash is still resent, rebuilt from v1 rows.
            let message = try #require(try store.unfinishedMessages().first)
            #expect(message.key == "m-pending")
            #expect(message.recipient == .unit("phong-qldt"))
            #expect(message.cc == [.unit("van-phong")])
            #expect(message.items.map(\.step) == [.due])
            #expect(message.items.map(\.duty) == [.task(id: "II.3")])

            // New columns work on old rows: the reply of a send, the dead-letter report.
            try store.recordSent(messageKey: "m-pending", at: F.time(minutes: 1), reply: "250 Ok")
            #expect(try store.delivery(key: "task:II.3/2024-04-01/due/phong-qldt/email")?.reply == "250 Ok")
            let letters = try store.deadLettersNotYetReported()
            #expect(letters.map(\.messageKey) == ["m-dead"])
            #expect(letters.first?.recipient == "head:phong-qldt")
            try store.markDeadLettersReported(keys: ["m-dead"], at: F.time(minutes: 2))
            #expect(try store.deadLettersNotYetReported().isEmpty)

            // New tables work.
            try store.setTaskStatus(taskID: "II.3", status: .done, at: F.time(minutes: 3), source: "cli")
            try store.recordSubmission(
                F.submission(receivedAt: F.time(minutes: 4)), duty: .monthlyReport(unit: "phong-qldt"),
                occurrence: "2024-03", now: F.time(minutes: 4))
            let snapshot = try store.loadSnapshot()
            #expect(snapshot.taskDoneAt("II.3") == F.time(minutes: 3))
            #expect(snapshot.reportReceived(.monthlyReport(unit: "phong-qldt"), occurrence: "2024-03"))
            #expect(snapshot.isRecorded(key: "task:II.3/2024-04-01/before-5wd/phong-qldt/email"))
        }
    }

    @Test func aDatabaseWrittenByANewerVersionIsRefusedAndLeftUntouched() throws {
        try F.withStateDirectory { directory in
            do {
                let store = try StateStore(directory: directory)
                try store.setLastRun(F.t0)
                try store.close()
            }
            let path = (directory as NSString).appendingPathComponent("state.sqlite")
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3-future-columns')")
                    try db.execute(sql: "CREATE TABLE future_table (id INTEGER PRIMARY KEY)")
                }
                try queue.close()
            }
            let schemaBefore = try Self.schema(path)

            let error = #expect(throws: StoreError.self) { try StateStore(directory: directory) }
            #expect(error?.code == .newerSchema)
            #expect(error?.description.contains("v3-future-columns") == true)
            #expect(error?.exitStatus == .ioError)
            #expect(try Self.schema(path) == schemaBefore)
        }
    }

    @Test func aFileThatIsNotADatabaseIsAClearOpenError() throws {
        try F.withStateDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = (directory as NSString).appendingPathComponent("state.sqlite")
            try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try StateStore(directory: directory) }
            #expect(error?.code == .cannotOpen)
            #expect(error?.path == path)
        }
    }

    @Test func severalProcessesOpeningAnEmptyDirectoryAtOnceAllSucceed() throws {
        try F.withStateDirectory { directory in
            let failures = NSLock()
            nonisolated(unsafe) var errors: [String] = []
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    let store = try StateStore(directory: directory)
                    try store.setMetadata("opened", to: "yes")
                } catch {
                    failures.withLock { errors.append("\(error)") }
                }
            }
            #expect(errors == [])
            let store = try StateStore(directory: directory)
            #expect(try store.appliedMigrations() == StoreSchema.migrator.migrations)
            #expect(try store.metadata("opened") == "yes")
        }
    }

    @Test func openExistingDoesNotCreateAStateDirectory() throws {
        try F.withStateDirectory { directory in
            #expect(try StateStore.openExisting(directory: directory) == nil)
            #expect(FileManager.default.fileExists(atPath: directory) == false)
            _ = try StateStore(directory: directory)
            #expect(try StateStore.openExisting(directory: directory) != nil)
        }
    }

    /// Migrations and schema objects, read without migrating.
    static func schema(_ path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                + String.fetchAll(db, sql: "SELECT name || ':' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
        }
    }
}
