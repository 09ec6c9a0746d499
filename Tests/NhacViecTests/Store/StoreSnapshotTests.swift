import Foundation
import Testing

@testable import NhacViec

@Suite struct StoreSnapshotTests {
    typealias F = StoreFixture

    @Test func aSnapshotLoadedAfterReopeningAnswersIsRecordedForEveryStatus() throws {
        try F.withStateDirectory { directory in
            let digest = F.twoItemDigest()
            do {
                let store = try StateStore(directory: directory)
                try store.recordIntent(digest: digest, now: F.t0)
                try store.recordSkipped(
                    [SkippedDelivery(key: "skipped-key", step: F.step(), channel: .email, reason: .tooOld)], at: F.t0)
                try store.close()
            }
            let store = try StateStore(directory: directory)
            let snapshot = try store.loadSnapshot()
            for item in digest.items { #expect(snapshot.isRecorded(key: item.key)) }
            #expect(snapshot.isRecorded(key: "skipped-key"))
            #expect(snapshot.isRecorded(key: "task:II.3/2024-04-01/due/phong-qldt/webhook:zalo-van-phong") == false)
            #expect(snapshot.recordedKeys.count == 3)
        }
    }

    @Test func refreshAddsWhatAnotherProcessRecordedSinceTheLoad() throws {
        try F.withStateDirectory { directory in
            let daemon = try StateStore(directory: directory)
            var snapshot = try daemon.loadSnapshot()
            let report = Duty.monthlyReport(unit: "phong-qldt")
            #expect(snapshot.reportReceived(report, occurrence: "2024-03") == false)
            #expect(snapshot.taskDoneAt("II.3") == nil)

            let other = try StateStore(directory: directory)
            let digest = F.twoItemDigest()
            try other.recordIntent(digest: digest, now: F.t0)
            try other.setTaskStatus(taskID: "II.3", status: .done, note: "QĐ số 45/QĐ-BQL", at: F.t0, source: "cli")
            try other.recordSubmission(
                F.submission(receivedAt: F.time(minutes: 3)), duty: report, occurrence: "2024-03",
                now: F.time(minutes: 3))

            try daemon.refresh(&snapshot)
            #expect(digest.items.allSatisfy { snapshot.isRecorded(key: $0.key) })
            #expect(snapshot.taskDoneAt("II.3") == F.t0)
            #expect(snapshot.reportReceived(report, occurrence: "2024-03"))
            #expect(snapshot.reportReceived(report, occurrence: "2024-04") == false)
            #expect(snapshot.reportReceived(.monthlyReport(unit: "phong-tc"), occurrence: "2024-03") == false)

            // Reopening a done task stops counting it as done.
            try other.setTaskStatus(taskID: "II.3", status: .inProgress, at: F.time(minutes: 9), source: "cli")
            try daemon.refresh(&snapshot)
            #expect(snapshot.taskDoneAt("II.3") == nil)
        }
    }

    @Test func theSchedulerStopsRemindingATaskTheSnapshotKnowsIsDone() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            try store.setTaskStatus(taskID: "II.3", status: .done, at: F.time(minutes: -60), source: "cli")
            let snapshot = try store.loadSnapshot()
            let step = F.step(.task(id: "II.3"))
            #expect(snapshot.isFinished(step, firstStepAt: F.t0))
            #expect(snapshot.isFinished(F.step(.task(id: "VI.2")), firstStepAt: F.t0) == false)
        }
    }

    @Test func aSnapshotOfAHundredThousandLedgerRowsAnswersEveryKey() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let count = 100_000
            let keys = (0..<count).map {
                "report:monthly:unit-\($0 % 40)/2023-\($0 / 40)/overdue-1/unit-\($0 % 40)/email"
            }
            let skipped = keys.map {
                SkippedDelivery(
                    key: $0, duty: .task(id: "X"), occurrence: "2023", step: .overdue(1), recipient: .unit("u"),
                    channel: .email, reason: "too_old")
            }
            try store.recordSkipped(skipped, at: F.t0)

            let clock = ContinuousClock()
            var snapshot = StoreSnapshot()
            let loading = try clock.measure { snapshot = try store.loadSnapshot() }
            var found = 0
            let lookups = clock.measure {
                for key in keys where snapshot.isRecorded(key: key) { found += 1 }
            }
            print(
                "StoreSnapshotTests: loaded a snapshot of \(count) rows in \(loading); \(count) lookups in \(lookups)")
            #expect(snapshot.recordedKeys.count == count)
            #expect(found == count)
            #expect(snapshot.isRecorded(key: "report:monthly:unit-1/2023-0/overdue-2/unit-1/email") == false)

            // A refresh with nothing new reads nothing new.
            let before = snapshot.recordedKeys.count
            let refreshing = try clock.measure { try store.refresh(&snapshot) }
            print("StoreSnapshotTests: an idle refresh over \(count) rows took \(refreshing)")
            #expect(snapshot.recordedKeys.count == before)
        }
    }
}
