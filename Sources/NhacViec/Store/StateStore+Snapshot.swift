import Foundation
import GRDB

/// Loading and refreshing the scheduler's in-memory view (``StoreSnapshot``).
extension StateStore {
    /// Reads everything the scheduler needs, in one consistent read.
    package func loadSnapshot() throws(StoreError) -> StoreSnapshot {
        var snapshot = StoreSnapshot()
        try refresh(&snapshot)
        return snapshot
    }

    /// The marks a snapshot loaded now would carry (``StoreSnapshot/marks``): four
    /// lookups of a highest id, so a reader can tell whether a snapshot it derived
    /// something from is still the state's without loading one.
    package func snapshotMarks() throws(StoreError) -> StoreSnapshot.Marks {
        try read("reading the scheduler's state marks") { db in
            StoreSnapshot.Marks(
                deliveryRowID: try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM delivery") ?? 0,
                taskChangeID: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM task_status_change") ?? 0,
                submissionID: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM submission") ?? 0,
                difficultyEventID: try Self.lastDifficultyEventID(db))
        }
    }

    /// Adds what was recorded since `snapshot` was loaded or last refreshed (by
    /// this process or another one), in one consistent read.
    package func refresh(_ snapshot: inout StoreSnapshot) throws(StoreError) {
        let current = snapshot
        snapshot = try read("reading the scheduler's state") { db in
            var next = current
            let keys = try Row.fetchCursor(
                db, sql: "SELECT rowid, key FROM delivery WHERE rowid > ? ORDER BY rowid",
                arguments: [current.lastDeliveryRowID])
            while let row = try keys.next() {
                next.recordedKeys.insert(KeyFingerprint(row[1]))
                next.lastDeliveryRowID = row[0]
            }
            let reports = try Row.fetchCursor(
                db, sql: "SELECT id, duty, occurrence FROM submission WHERE id > ? ORDER BY id",
                arguments: [current.lastSubmissionID])
            while let row = try reports.next() {
                next.receivedReports.insert(StoreSnapshot.reportKey(row[1], row[2]))
                next.lastSubmissionID = row[0]
            }
            // A new change may be older than the current one (a back-dated `--now`),
            // so "latest" is recomputed rather than patched; tasks are few.
            let lastChange = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM task_status_change") ?? 0
            if lastChange != current.lastTaskChangeID {
                next.doneAt = [:]
                for change in try Self.latestTaskChanges(db, asOf: nil)
                where change.status == TaskStatus.done.rawValue {
                    next.doneAt[change.taskID] = change.at
                }
                next.lastTaskChangeID = lastChange
            }
            let lastDifficultyEvent = try Self.lastDifficultyEventID(db)
            if lastDifficultyEvent != current.lastDifficultyEventID {
                next.difficulties = try Self.loadDifficulties(db, id: nil)
                next.lastDifficultyEventID = lastDifficultyEvent
            }
            return next
        }
    }
}
