import Foundation
import GRDB
import Testing

@testable import NhacViec

/// Difficulty records on a real SQLite file (DESIGN §14).
@Suite struct StoreDifficultyTests {
    typealias F = StoreFixture
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt

    func raise(_ store: StateStore, _ texts: [String], unit: String = "phong-qldt", minutes: Int, reopen: Bool = true)
        throws -> [DifficultyRaise]
    {
        try store.raiseDifficulties(
            texts.map { DifficultyEntry(text: $0) }, unit: unit, at: F.time(minutes: minutes), timeZone: Self.zone,
            source: "test", reopen: reopen)
    }

    @Test func theSameTextFromTheSameUnitIsOneRecordAndIdsCountPerYear() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let first = try raise(store, ["Thiếu kinh phí", "Chưa có hướng dẫn"], minutes: 0)
            #expect(first == [.init(id: "VM-2024-1", outcome: .created), .init(id: "VM-2024-2", outcome: .created)])
            let again = try raise(store, ["  THIẾU   kinh phí "], minutes: 5)
            #expect(again == [.init(id: "VM-2024-1", outcome: .alreadyOpen)])
            // Another unit, same text: its own record.
            #expect(try raise(store, ["Thiếu kinh phí"], unit: "phong-tc", minutes: 6).first?.id == "VM-2024-3")
            let all = try store.difficulties()
            #expect(all.map(\.id) == ["VM-2024-1", "VM-2024-2", "VM-2024-3"])
            #expect(all.first?.history.count == 1)
        }
    }

    @Test func movesAreRecordedWithHistoryAndRaisingAgainAfterResolutionReopens() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            _ = try raise(store, ["Thiếu kinh phí"], minutes: 0)
            _ = try store.changeDifficulty(
                id: "vm-2024-1", to: .forwarded, note: "Trình BCĐ", at: F.time(minutes: 10), source: "cli")
            let resolved = try store.changeDifficulty(
                id: "VM-2024-1", to: .resolved, note: "Ý kiến chỉ đạo: cấp bổ sung", at: F.time(minutes: 20),
                source: "cli")
            #expect(resolved.status == .resolved)
            // A repeat of an old report does not reopen it; a new raise does.
            #expect(try raise(store, ["Thiếu kinh phí"], minutes: 25, reopen: false).first?.outcome == .alreadyClosed)
            #expect(try raise(store, ["thiếu kinh phí"], minutes: 30).first?.outcome == .reopened)
            let record = try #require(try store.difficulty(id: "VM-2024-1"))
            #expect(record.history.map(\.status) == [.open, .forwarded, .resolved, .open])
            #expect(record.openedAt == F.time(minutes: 30))
            #expect(record.raisedAt == F.time(minutes: 0))
            // Reopened in a fresh store handle too (a real file, read back).
            let reopened = try StateStore(directory: directory)
            #expect(try reopened.difficulty(id: "VM-2024-1")?.status == .open)
            #expect(try reopened.loadSnapshot().difficulties.map(\.id) == ["VM-2024-1"])
        }
    }

    @Test func unknownIdsAndForbiddenMovesRecordNothing() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            _ = try raise(store, ["Thiếu kinh phí"], minutes: 0)
            #expect(throws: DifficultyError.self) {
                try store.changeDifficulty(id: "VM-2024-9", to: .resolved, note: "x", at: F.t0, source: "cli")
            }
            _ = try store.changeDifficulty(id: "VM-2024-1", to: .withdrawn, note: nil, at: F.t0, source: "cli")
            do {
                _ = try store.changeDifficulty(id: "VM-2024-1", to: .resolved, note: "x", at: F.t0, source: "cli")
                Issue.record("a withdrawn difficulty was resolved")
            } catch let error as DifficultyError {
                #expect(error.code == .invalidTransition)
            }
            #expect(try store.difficulty(id: "VM-2024-1")?.history.count == 2)
        }
    }

    @Test func aVersionTwoDatabaseGainsDifficultiesWithItsReportsIntact() throws {
        try F.withStateDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = (directory as NSString).appendingPathComponent("state.sqlite")
            do {
                let pool = try DatabasePool(path: path)
                try StoreSchema.migrator.migrate(pool, upTo: StoreSchema.v2)
                try pool.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO submission (duty, occurrence, unit, report, period, difficulties,
                              received_at, source_name, recorded_at)
                            VALUES ('report:monthly:phong-qldt', '2024-03', 'phong-qldt', 'monthly', '2024-03',
                              '["Thiếu kinh phí"]', ?1, 'bao-cao.md', ?1)
                            """, arguments: [F.t0])
                }
                try pool.close()
            }
            let store = try StateStore(directory: directory)
            #expect(try store.appliedMigrations().contains(StoreSchema.v3Difficulties))
            #expect(
                try store.currentSubmission(duty: .monthlyReport(unit: "phong-qldt"), occurrence: "2024-03")?
                    .submission.difficulties == ["Thiếu kinh phí"])
            #expect(try store.difficulties().isEmpty)
            #expect(try raise(store, ["Thiếu kinh phí"], minutes: 1).first?.id == "VM-2024-1")
        }
    }
}
