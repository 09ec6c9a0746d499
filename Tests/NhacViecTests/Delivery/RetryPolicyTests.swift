import Foundation
import Testing

@testable import NhacViec

/// `RetryPolicy.decide` (DESIGN §5): exponential backoff from `first` to
/// `max_interval`, ±20 % jitter, never sooner than `Retry-After`, a dead letter
/// once `give_up_after` has passed since the first attempt.
@Suite struct RetryPolicyTests {
    static let t0 = Date(timeIntervalSince1970: 1_711_328_400)
    /// first 1m, max 1h, give up after 24h.
    static let policy = RetryPolicy(
        RetrySettings(
            first: ConfigDuration(amount: 1, unit: .minutes), maxInterval: ConfigDuration(amount: 1, unit: .hours),
            giveUpAfter: ConfigDuration(amount: 24, unit: .hours)))

    /// (attempts, minutes since the first attempt, Retry-After seconds, nominal delay in seconds or nil = give up)
    static let cases: [(Int, Int, Int?, Double?)] = [
        (1, 0, nil, 60),  // first failure: about retry.first
        (2, 1, nil, 120),  // doubles
        (3, 3, nil, 240),
        (6, 40, nil, 1920),
        (7, 80, nil, 3600),  // 3840 s capped at max_interval
        (20, 600, nil, 3600),  // stays at the cap
        (2, 1, 7200, 7200),  // Retry-After longer than the backoff wins
        (3, 3, 10, 240),  // a shorter Retry-After does not shorten it
        (30, 1430, nil, nil),  // the next try would be past 24h: give up
        (5, 1500, nil, nil),  // already past give_up_after
    ]

    @Test(arguments: cases)
    func decide(_ testCase: (attempts: Int, minutes: Int, retryAfter: Int?, nominal: Double?)) {
        let now = Self.t0.addingTimeInterval(TimeInterval(testCase.minutes * 60))
        let decision = Self.policy.decide(
            key: "task:II.3/2024-04-01/due/phong-qldt/email", attempts: testCase.attempts, firstAttempt: Self.t0,
            now: now, retryAfter: testCase.retryAfter.map { .seconds($0) })
        guard let nominal = testCase.nominal else {
            #expect(decision == .giveUp)
            return
        }
        guard case .retry(let at) = decision else {
            Issue.record("expected a retry, got \(decision)")
            return
        }
        let delay = at.timeIntervalSince(now)
        if let retryAfter = testCase.retryAfter, Double(retryAfter) >= nominal * 1.2 {
            #expect(delay == Double(retryAfter))
        } else {
            #expect(delay >= nominal * 0.8 && delay <= nominal * 1.2, "delay \(delay) s for nominal \(nominal) s")
        }
    }

    @Test func theSameFailureGetsTheSameScheduleAndMessagesAreSpread() {
        let keys = (1...20).map { "task:II.\($0)/2024-04-01/due/phong-qldt/email" }
        let delays = keys.map { key -> Date? in
            if case .retry(let at) = Self.policy.decide(
                key: key, attempts: 3, firstAttempt: Self.t0, now: Self.t0, retryAfter: nil)
            {
                return at
            }
            return nil
        }
        let again = keys.map { key -> Date? in
            if case .retry(let at) = Self.policy.decide(
                key: key, attempts: 3, firstAttempt: Self.t0, now: Self.t0, retryAfter: nil)
            {
                return at
            }
            return nil
        }
        #expect(delays == again)
        #expect(Set(delays.compactMap { $0 }).count > 10, "jitter spreads retries across messages")
    }
}
