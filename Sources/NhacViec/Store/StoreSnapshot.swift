import Foundation

/// What the scheduler asks the store, held in memory: the scheduler looks up
/// every step of a tick, so these must be hash lookups, not queries.
///
/// Load it once with ``StateStore/loadSnapshot()``, then bring it up to date with
/// ``StateStore/refresh(_:)`` before each tick: that reads only the ledger rows
/// and submissions added since (rows are never deleted, so new rows have higher
/// row ids) and re-reads task statuses only when one was added, so it also sees
/// what `nhacviec submit` and `nhacviec task` wrote from another process.
package struct StoreSnapshot: SchedulerState, Sendable {
    /// Every delivery key in the ledger, any status, by fingerprint: a year's
    /// ledger is tens of thousands of keys, held by the idle daemon.
    package internal(set) var recordedKeys: Set<KeyFingerprint> = []
    /// Tasks whose latest status is `done`, with its time.
    package internal(set) var doneAt: [String: Date] = [:]
    /// `<duty>/<occurrence>` of every received report.
    package internal(set) var receivedReports: Set<String> = []
    /// Every difficulty with its history (few: re-read whole when one changes).
    package internal(set) var difficulties: [Difficulty] = []

    /// The highest row seen in each table, so a refresh reads only what is new.
    var lastDeliveryRowID: Int64 = 0
    var lastTaskChangeID: Int64 = 0
    var lastSubmissionID: Int64 = 0
    var lastDifficultyEventID: Int64 = 0

    /// The highest row ids seen: rows are only ever added to what a snapshot reads
    /// (a delivery's status may change, but a snapshot keeps its key only), so equal
    /// marks mean equal snapshots.
    package struct Marks: Hashable, Sendable {
        package var deliveryRowID: Int64
        package var taskChangeID: Int64
        package var submissionID: Int64
        package var difficultyEventID: Int64
    }

    package var marks: Marks {
        Marks(
            deliveryRowID: lastDeliveryRowID, taskChangeID: lastTaskChangeID, submissionID: lastSubmissionID,
            difficultyEventID: lastDifficultyEventID)
    }

    package func taskDoneAt(_ taskID: String) -> Date? {
        doneAt[taskID]
    }

    package func reportReceived(_ duty: Duty, occurrence: String) -> Bool {
        receivedReports.contains(Self.reportKey(duty.description, occurrence))
    }

    package func isRecorded(key: String) -> Bool {
        recordedKeys.contains(KeyFingerprint(key))
    }

    static func reportKey(_ duty: String, _ occurrence: String) -> String {
        "\(duty)/\(occurrence)"
    }
}
