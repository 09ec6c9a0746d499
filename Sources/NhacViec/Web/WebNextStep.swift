import Foundation

/// `/metrics`' next step: the first line of `nhacviec status` (the earliest step from now
/// within 60 days), without loading the whole ledger and planning 60 days of steps on
/// every scrape.
///
/// The steps are a function of the config, the day and the scheduler's snapshot; a
/// snapshot is named by its ``StoreSnapshot/Marks`` (rows are only ever added), which the
/// store gives in four lookups. So the first few steps are kept with the marks and the
/// day they were planned for, and planned again when either changes (the daemon recorded
/// a delivery, a report or a status arrived, a new day) or when the moment has passed
/// every step kept. One per config generation (``WebSite/Loaded``).
final class WebNextStep: @unchecked Sendable {
    /// Steps kept after a planning: enough for the scrapes of a while, few enough to weigh nothing.
    static let keptSteps = 32
    static let horizonDays = 60

    private struct Plan {
        let day: LocalDate
        let marks: StoreSnapshot.Marks
        /// The moment planned for: the steps from then on, in time order.
        let from: Date
        let steps: [ScheduledStep]
        /// Whether `steps` are all there were from `from` (else the first ``keptSteps``).
        let complete: Bool
    }

    private let query: PlanQuery
    private let timeZone: TimeZone
    private let lock = NSLock()
    private var plan: Plan?

    init(config: Config, calendar: WorkingCalendar) {
        query = PlanQuery(config: config, calendar: calendar)
        timeZone = config.organization.timeZone
    }

    /// The earliest step at or after `now`; nil when there is none within 60 days.
    func next(store: StateStore?, now: Date) throws(StoreError) -> ScheduledStep? {
        let day = WallClock(timeZone: timeZone).localDate(of: now)
        guard let store else { return steps(day: day, now: now, state: EmptySchedulerState()).first }
        let marks = try store.snapshotMarks()
        if let kept = lock.withLock({ plan }), kept.day == day, kept.marks == marks, now >= kept.from {
            // Kept steps are the earliest from `kept.from` on, in time order.
            if let step = kept.steps.first(where: { $0.at >= now }) { return step }
            if kept.complete { return nil }
        }
        // The snapshot's own marks key the plan: a row added since the marks were read
        // makes the next scrape plan again rather than keep something older than the state.
        let snapshot = try store.loadSnapshot()
        let upcoming = steps(day: day, now: now, state: snapshot)
        let fresh = Plan(
            day: day, marks: snapshot.marks, from: now, steps: Array(upcoming.prefix(Self.keptSteps)),
            complete: upcoming.count <= Self.keptSteps)
        lock.withLock { plan = fresh }
        return fresh.steps.first
    }

    /// What `nhacviec status` lists as next: the steps from `now` within the horizon, in time order.
    private func steps(day: LocalDate, now: Date, state: some SchedulerState) -> [ScheduledStep] {
        query.steps(from: day, to: day.adding(days: Self.horizonDays), state: state).filter { $0.at >= now }
    }
}
