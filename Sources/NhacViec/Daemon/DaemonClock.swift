import Foundation

/// The daemon's notion of now: the wall clock, shifted when `--now T` started it
/// elsewhere. Timers are armed on the real wall clock (so clock jumps wake them),
/// converted through the same offset.
package struct DaemonClock: Sendable {
    package let offset: TimeInterval

    package init(startingAt start: Date?, realNow: Date = Date()) {
        offset = start.map { $0.timeIntervalSince(realNow) } ?? 0
    }

    package func now() -> Date { Date().addingTimeInterval(offset) }

    /// The real wall-clock instant at which the daemon's clock reads `instant`.
    package func realTime(of instant: Date) -> Date { instant.addingTimeInterval(-offset) }
}
