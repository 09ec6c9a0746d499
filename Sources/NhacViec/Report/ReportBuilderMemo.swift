import Foundation

/// What a ``ConsolidatedReportBuilder`` works out once and keeps: the config's facts and
/// the task due dates of the few periods asked about lately.
///
/// Both depend only on the config, the calendar and the period, never on the state or
/// the moment, so nothing kept here can go stale: a new config gets a new builder and so
/// a new memo. `serve` keeps one builder per config generation; its pages ask about the
/// period being reported on and the current one, so ``periodLimit`` entries are plenty.
final class ReportBuilderMemo: @unchecked Sendable {
    static let periodLimit = 4

    private let lock = NSLock()
    private var facts: ReportPlanFacts?
    /// Oldest first; the oldest goes when a new period would pass ``periodLimit``.
    private var periods: [(period: ReportPeriod, dates: ReportPeriodDates)] = []

    /// The facts, worked out by `make` the first time. Under the lock: requests arriving
    /// together wait for one computation rather than each doing it.
    func facts(_ make: () -> ReportPlanFacts) -> ReportPlanFacts {
        lock.withLock {
            if let facts { return facts }
            let made = make()
            facts = made
            return made
        }
    }

    /// The due dates of `period`, worked out by `make` when not kept.
    func dates(of period: ReportPeriod, _ make: () -> ReportPeriodDates) -> ReportPeriodDates {
        lock.withLock {
            if let kept = periods.first(where: { $0.period == period }) { return kept.dates }
            let made = make()
            if periods.count >= Self.periodLimit { periods.removeFirst() }
            periods.append((period, made))
            return made
        }
    }
}
