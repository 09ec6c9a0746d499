import Foundation
import Testing

@testable import NhacViec

/// The failed-login limit (DESIGN §15 safety): 10 a minute per address, time passed in.
@Suite struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_712_109_600)

    @Test func theEleventhTryWithinAMinuteWaitsUntilTheOldestFailureLeavesTheWindow() {
        var throttle = LoginThrottle()
        for second in 0..<10 {
            #expect(throttle.retryAfter(client: "198.51.100.7", now: start + Double(second * 3)) == nil)
            throttle.recordFailure(client: "198.51.100.7", now: start + Double(second * 3))
        }
        // Failures at 0, 3, …, 27 s: free again when the one at 0 s is a minute old.
        #expect(throttle.retryAfter(client: "198.51.100.7", now: start + 30) == 30)
        #expect(throttle.retryAfter(client: "198.51.100.7", now: start + 59.5) == 1)
        #expect(throttle.retryAfter(client: "198.51.100.7", now: start + 60) == nil)
        // One more failure then fills the window again until the one at 3 s leaves it.
        throttle.recordFailure(client: "198.51.100.7", now: start + 60)
        #expect(throttle.retryAfter(client: "198.51.100.7", now: start + 61) == 2)
        // Other addresses are not affected.
        #expect(throttle.retryAfter(client: "198.51.100.8", now: start + 30) == nil)
    }

    @Test func aSuccessForgetsTheFailuresAndNineFailuresDoNotBlock() {
        var throttle = LoginThrottle()
        for second in 0..<9 { throttle.recordFailure(client: "a", now: start + Double(second)) }
        #expect(throttle.retryAfter(client: "a", now: start + 10) == nil)
        throttle.recordSuccess(client: "a")
        #expect(throttle.trackedClients == 0)
        for second in 0..<9 { throttle.recordFailure(client: "a", now: start + 20 + Double(second)) }
        #expect(throttle.retryAfter(client: "a", now: start + 30) == nil)
    }

    @Test func memoryStaysBoundedByDroppingExpiredThenQuietestAddresses() {
        var throttle = LoginThrottle(maxClients: 100)
        for client in 0..<100 { throttle.recordFailure(client: "old-\(client)", now: start) }
        #expect(throttle.trackedClients == 100)
        // A minute later the old failures have expired: room is made by dropping them.
        throttle.recordFailure(client: "new", now: start + 61)
        #expect(throttle.trackedClients == 1)
        // Within the window, the address quiet the longest gives way; a blocked one stays.
        for client in 0..<99 {
            throttle.recordFailure(client: "busy-\(client)", now: start + 62 + Double(client) / 100)
        }
        for attempt in 0..<9 { throttle.recordFailure(client: "new", now: start + 63 + Double(attempt) / 100) }
        #expect(throttle.trackedClients == 100)
        throttle.recordFailure(client: "another", now: start + 64)
        #expect(throttle.trackedClients == 100)
        #expect(throttle.retryAfter(client: "new", now: start + 64) != nil)
    }
}
