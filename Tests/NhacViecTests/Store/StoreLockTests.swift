import Foundation
import Testing

@testable import NhacViec

@Suite struct StoreLockTests {
    typealias F = StoreFixture

    @Test func aSecondRunLockOnTheSameStateDirectoryFailsUntilTheFirstIsReleased() throws {
        try F.withStateDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var first: StateDirectoryLock? = try StateDirectoryLock.acquire(stateDirectory: directory)
            #expect(first != nil)

            let error = #expect(throws: StoreError.self) { try StateDirectoryLock.acquire(stateDirectory: directory) }
            #expect(error?.code == .locked)
            #expect(error?.exitStatus == .temporaryFailure)
            #expect(error?.path.hasSuffix("/run.lock") == true)

            first = nil
            let again = try StateDirectoryLock.acquire(stateDirectory: directory)
            #expect(again.path.hasSuffix("/run.lock"))
        }
    }

    @Test(arguments: [Duration.zero, .milliseconds(50)])
    func openingGivesUpWhenAnotherProcessHoldsTheSetupLockPastTheWait(wait: Duration) throws {
        try F.withStateDirectory { directory in
            _ = try StateStore(directory: directory)
            // Another open of the lock file conflicts as another process's would (flock is per open file).
            var setup: StateDirectoryLock? = try StateDirectoryLock(
                path: directory + "/" + StateStore.setupLockName, wait: false)
            let error = #expect(throws: StoreError.self) { try StateStore(directory: directory, setupWait: wait) }
            #expect(error?.code == .setupInProgress)
            #expect(error?.exitStatus == .temporaryFailure)
            #expect(error?.path.hasSuffix("/state.sqlite.setup-lock") == true)
            #expect(throws: StoreError.self) { try StateStore.openExisting(directory: directory, setupWait: wait) }

            setup = nil
            #expect(setup == nil)
            #expect(try StateStore.openExisting(directory: directory, setupWait: wait) != nil)
        }
    }

    @Test func theLockFileNamesTheHoldingProcess() throws {
        try F.withStateDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let lock = try StateDirectoryLock.acquire(stateDirectory: directory)
            let text = try String(contentsOfFile: lock.path, encoding: .utf8)
            #expect(text == "\(ProcessInfo.processInfo.processIdentifier)\n")
        }
    }

    @Test func theStoreOpensBesideAHeldRunLock() throws {
        try F.withStateDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let lock = try StateDirectoryLock.acquire(stateDirectory: directory)
            let store = try StateStore(directory: directory)
            try store.setTaskStatus(taskID: "II.3", status: .done, at: F.t0, source: "cli")
            #expect(try store.taskDoneAt("II.3") == F.t0)
            withExtendedLifetime(lock) {}
        }
    }

    @Test func aMissingStateDirectoryIsAClearLockError() throws {
        try F.withStateDirectory { directory in
            let error = #expect(throws: StoreError.self) { try StateDirectoryLock.acquire(stateDirectory: directory) }
            #expect(error?.code == .cannotOpen)
            #expect(error?.underlying?.isEmpty == false)
        }
    }
}
