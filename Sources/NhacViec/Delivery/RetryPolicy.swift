import Foundation

/// When to try a failed message again (DESIGN §5): exponential backoff with
/// jitter from `retry.first` to `retry.max_interval`, never sooner than the
/// server's `Retry-After`, and a dead letter once `give_up_after` has passed
/// since the first attempt.
package struct RetryPolicy: Sendable {
    package let first: TimeInterval
    package let maxInterval: TimeInterval
    package let giveUpAfter: TimeInterval

    package init(_ settings: RetrySettings) {
        first = TimeInterval(settings.first.seconds ?? 60)
        maxInterval = TimeInterval(max(settings.maxInterval.seconds ?? 3600, settings.first.seconds ?? 60))
        giveUpAfter = TimeInterval(settings.giveUpAfter.seconds ?? 86_400)
    }

    package enum Decision: Equatable, Sendable {
        case retry(at: Date)
        case giveUp
    }

    /// The decision after the `attempts`-th failed attempt (1-based) of a message first tried at `firstAttempt`.
    ///
    /// The jitter (±20 %) is derived from the message key, so the same failure
    /// gives the same schedule: reproducible in tests, yet spread across messages.
    package func decide(
        key: String, attempts: Int, firstAttempt: Date, now: Date, retryAfter: Duration?
    ) -> Decision {
        let exponent = Double(max(0, min(attempts - 1, 30)))
        var delay = min(first * pow(2, exponent), maxInterval)
        delay *= 0.8 + 0.4 * Self.unitFraction(key, attempts)
        if let retryAfter {
            delay = max(delay, Double(retryAfter.components.seconds))
        }
        let next = now.addingTimeInterval(delay)
        return next.timeIntervalSince(firstAttempt) > giveUpAfter ? .giveUp : .retry(at: next)
    }

    private static func unitFraction(_ key: String, _ attempts: Int) -> Double {
        var hash = FNV1a.hash(key)
        hash ^= UInt64(attempts)
        hash = hash &* 0x0000_0100_0000_01b3
        return Double(hash % 10_000) / 10_000
    }
}
