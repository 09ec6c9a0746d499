import Foundation
import Testing

@testable import NhacViec

/// The pool pages are built on admits at most its threads plus its queue; the rest is
/// refused at once, and a freed place is taken again. Held work waits on a semaphore the
/// test signals, so nothing depends on how fast anything runs. (The queue's share of the
/// bound is checked against the real `serve` in `WebLoadTests`.)
@Suite struct WebWorkersTests {
    @Test func workBeyondEveryBusyThreadIsRefusedUntilOneFrees() async throws {
        let workers = WebWorkers(threads: 2, queueLength: 0)
        #expect(workers.capacity == 2)
        workers.start()
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let held = (1...2).map { number in
            Task {
                try await workers.run {
                    started.signal()
                    release.wait()
                    return number
                }
            }
        }
        started.wait()
        started.wait()
        await #expect(throws: WebBusy.self) { try await workers.run { 0 } }
        release.signal()
        release.signal()
        #expect(try await held[0].value + held[1].value == 3)
        #expect(try await workers.run { 4 } == 4)
        try await workers.shutdown()
    }
}
