/// When refusals are logged: the first at once, then at most one line per `interval`, which
/// counts every refusal since the line before. A refusal inside the interval is kept for the
/// next line, written by the first refusal after the interval (a quiet server writes none;
/// `/metrics` has every refusal at any time). Time is an argument, so tests replay instants.
package struct RefusalLog: Sendable {
    package static let defaultInterval: Duration = .seconds(60)

    package let interval: Duration
    private var lastLine: ContinuousClock.Instant?
    private var pending: [WebRefusals.Reason: Int] = [:]

    package init(interval: Duration) {
        self.interval = interval
    }

    /// Counts a refusal at `now`; returns what to log now (the refusals since the last line,
    /// this one included), or nil when a line was written less than `interval` ago.
    package mutating func record(_ reason: WebRefusals.Reason, at now: ContinuousClock.Instant)
        -> [WebRefusals.Reason: Int]?
    {
        pending[reason, default: 0] += 1
        if let lastLine, now - lastLine < interval { return nil }
        lastLine = now
        defer { pending = [:] }
        return pending
    }
}
