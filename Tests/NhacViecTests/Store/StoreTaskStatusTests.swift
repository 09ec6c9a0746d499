import Foundation
import Testing

@testable import NhacViec

@Suite struct StoreTaskStatusTests {
    typealias F = StoreFixture

    @Test func everyStatusChangeIsKeptAndTheLatestIsCurrent() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            try store.setTaskStatus(taskID: "II.3", status: .inProgress, progress: 40, at: F.t0, source: "cli")
            try store.setTaskStatus(
                taskID: "II.3", status: .done, note: "Đã ban hành QĐ số 45/QĐ-BQL ngày 12/3/2024",
                at: F.time(minutes: 60), source: "submission:phong-qldt:bao-cao.md")
            try store.setTaskStatus(taskID: "VI.2", status: .blocked, at: F.time(minutes: 30), source: "cli")

            let history = try store.taskHistory(taskID: "II.3")
            #expect(history.map(\.status) == [.inProgress, .done])
            #expect(history[0].progress == 40)
            #expect(history[1].note == "Đã ban hành QĐ số 45/QĐ-BQL ngày 12/3/2024")
            #expect(history[1].source == "submission:phong-qldt:bao-cao.md")

            let current = try store.currentTaskStatuses()
            #expect(current.count == 2)
            #expect(current["II.3"]?.status == .done)
            #expect(current["VI.2"]?.status == .blocked)
            #expect(try store.taskDoneAt("II.3") == F.time(minutes: 60))
            #expect(try store.taskDoneAt("VI.2") == nil)
            #expect(try store.taskDoneAt("I.1") == nil)
        }
    }

    @Test func statusesAsOfAMomentIgnoreLaterChanges() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            try store.setTaskStatus(taskID: "II.3", status: .inProgress, at: F.t0, source: "cli")
            try store.setTaskStatus(taskID: "II.3", status: .done, at: F.time(minutes: 60), source: "cli")
            try store.setTaskStatus(taskID: "VI.2", status: .inProgress, at: F.time(minutes: 90), source: "cli")

            let before = try store.currentTaskStatuses(asOf: F.time(minutes: -1))
            #expect(before.isEmpty)
            let midway = try store.currentTaskStatuses(asOf: F.time(minutes: 30))
            #expect(midway["II.3"]?.status == .inProgress)
            #expect(midway["VI.2"] == nil)
            // "At" includes the moment itself.
            let atDone = try store.currentTaskStatuses(asOf: F.time(minutes: 60))
            #expect(atDone["II.3"]?.status == .done)
        }
    }

    @Test func aBackDatedChangeDoesNotOverrideALaterStatus() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            try store.setTaskStatus(taskID: "II.3", status: .done, at: F.time(minutes: 60), source: "cli")
            try store.setTaskStatus(taskID: "II.3", status: .inProgress, at: F.t0, source: "cli")
            #expect(try store.currentTaskStatuses()["II.3"]?.status == .done)
            #expect(try store.taskHistory(taskID: "II.3").map(\.status) == [.inProgress, .done])
            #expect(try store.loadSnapshot().taskDoneAt("II.3") == F.time(minutes: 60))
        }
    }

    @Test func aProgressOutsideZeroToHundredIsRefusedByTheDatabase() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let error = #expect(throws: StoreError.self) {
                try store.setTaskStatus(taskID: "II.3", status: .inProgress, progress: 140, at: F.t0, source: "cli")
            }
            #expect(error?.code == .database)
            #expect(try store.taskHistory(taskID: "II.3").isEmpty)
        }
    }
}
