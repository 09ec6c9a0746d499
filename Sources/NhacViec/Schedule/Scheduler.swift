import Foundation

/// The reminder state machine: given the config, the recorded state and the
/// time, says what to send now, what to record as skipped, and when to wake.
///
/// It keeps a time-ordered timeline of steps and a cursor, so a tick only looks
/// at the steps that came due since the last one and the next wake-up is the
/// entry at the cursor: neither grows with the number of duties. The timeline
/// covers about a year back (for the catch-up rules) and a month ahead, and is
/// rebuilt every month or when the clock jumps back, which also re-applies the
/// catch-up rules; the steps the cursor has passed are let go in between
/// (``SchedulerTimeline``).
package struct Scheduler: Sendable {
    package enum Action: Hashable, Sendable {
        /// Send this digest now (record the intent first).
        case send(Digest)
        /// Record this step on this channel as skipped, with the reason.
        case skip(key: String, step: ScheduledStep, channel: Channel, reason: SkipReason)
        /// Nothing more to do before this instant.
        case wake(at: Date)
    }

    package enum SkipReason: String, Hashable, Sendable {
        /// A later step of the same occurrence for the same recipient came due at the same time.
        case superseded
        /// Its time passed longer ago than `delivery.catch_up`.
        case tooOld = "too_old"
    }

    /// A step with the time of its occurrence's first step.
    private typealias Due = (step: ScheduledStep, firstStepAt: Date)

    package let config: Config
    private let planner: StepPlanner
    private let expander: OccurrenceExpander
    private let difficultyPlanner: DifficultyPlanner
    private var timeline = SchedulerTimeline()
    /// The first step of the timeline that has not come due yet.
    private var cursor = 0
    private var builtAt: Date?

    static let lookback: TimeInterval = 400 * 86_400
    static let rebuildAfter: TimeInterval = 30 * 86_400
    /// No step later than the next rebuild is looked at before it (ticks and the
    /// next wake-up stop there), so holding more would only cost the idle daemon
    /// memory; a day more than that is margin.
    static let lookahead: TimeInterval = rebuildAfter + 86_400

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.planner = StepPlanner(config: config, calendar: calendar)
        self.expander = OccurrenceExpander(config: config, calendar: calendar)
        self.difficultyPlanner = DifficultyPlanner(config: config, calendar: calendar)
    }

    /// Everything due at or before `now`, then the next wake-up.
    package mutating func tick(now: Date, state: some SchedulerState) -> [Action] {
        if let builtAt, now >= builtAt.addingTimeInterval(-60), now < builtAt.addingTimeInterval(Self.rebuildAfter) {
            // The timeline still covers `now`.
        } else {
            rebuild(around: now)
        }
        var actions: [Action] = []
        var candidates: [String: (entry: Due, channel: Channel, key: String)] = [:]
        var order: [String] = []
        var due: [Due] = []
        while cursor < timeline.count, timeline.at(cursor) <= now {
            due.append(timeline[cursor])
            cursor += 1
        }
        // What came due is never looked at again (until a rebuild): once a good part
        // of the timeline is behind the cursor, its memory goes back.
        if cursor > 0, cursor >= timeline.count / 4 {
            timeline.dropFirst(cursor)
            cursor = 0
        }
        // Difficulty steps come from the records, which change between ticks: planned
        // afresh each tick (they are few), the ledger saying which already went out.
        for difficulty in state.difficulties {
            for step in difficultyPlanner.steps(of: difficulty, through: now) {
                due.append((step, step.at))
            }
        }
        for entry in due {
            guard !state.isFinished(entry.step, firstStepAt: entry.firstStepAt) else { continue }
            for channel in entry.step.channels {
                let key = entry.step.key(for: channel)
                guard !state.isRecorded(key: key) else { continue }
                // Only the latest step per (occurrence, recipient, channel) may go out.
                let group =
                    "\(entry.step.occurrence.duty)/\(entry.step.occurrence.occurrence)/\(entry.step.recipient)/\(channel)"
                let current = (entry: entry, channel: channel, key: key)
                guard let previous = candidates[group] else {
                    candidates[group] = current
                    order.append(group)
                    continue
                }
                let currentIsLater = isLater(entry.step, than: previous.entry.step)
                let older = currentIsLater ? previous : current
                actions.append(
                    .skip(key: older.key, step: older.entry.step, channel: older.channel, reason: .superseded))
                candidates[group] = currentIsLater ? current : previous
            }
        }

        let catchUp = TimeInterval(config.delivery.catchUp.seconds ?? 3 * 86_400)
        var digests: [String: (recipient: Recipient, channel: Channel, items: [Digest.Item])] = [:]
        var digestOrder: [String] = []
        for group in order {
            guard let candidate = candidates[group] else { continue }
            let step = candidate.entry.step
            if now.timeIntervalSince(step.at) > catchUp {
                actions.append(.skip(key: candidate.key, step: step, channel: candidate.channel, reason: .tooOld))
                continue
            }
            let id = "\(step.recipient)/\(candidate.channel)"
            if digests[id] == nil {
                digests[id] = (step.recipient, candidate.channel, [])
                digestOrder.append(id)
            }
            digests[id]?.items.append(Digest.Item(step: step, key: candidate.key))
        }
        for id in digestOrder {
            guard let digest = digests[id] else { continue }
            actions.append(
                .send(Digest(recipient: digest.recipient, channel: digest.channel, items: digest.items, at: now)))
        }
        actions.append(.wake(at: nextWake(after: now, state: state)))
        return actions
    }

    /// The first future step that still has something to send, or the rebuild time.
    private func nextWake(after now: Date, state: some SchedulerState) -> Date {
        var rebuild = (builtAt ?? now).addingTimeInterval(Self.rebuildAfter)
        for difficulty in state.difficulties {
            for step in difficultyPlanner.steps(of: difficulty, through: rebuild)
            where step.at > now && step.at < rebuild
                && step.channels.contains(where: { !state.isRecorded(key: step.key(for: $0)) })
            {
                rebuild = step.at
            }
        }
        var index = cursor
        while index < timeline.count {
            if timeline.at(index) >= rebuild { break }
            let entry = timeline[index]
            if !state.isFinished(entry.step, firstStepAt: entry.firstStepAt),
                entry.step.channels.contains(where: { !state.isRecorded(key: entry.step.key(for: $0)) })
            {
                return entry.step.at
            }
            index += 1
        }
        return rebuild
    }

    private func isLater(_ lhs: ScheduledStep, than rhs: ScheduledStep) -> Bool {
        lhs.at != rhs.at ? lhs.at > rhs.at : lhs.kind.urgency > rhs.kind.urgency
    }

    private mutating func rebuild(around now: Date) {
        let clock = WallClock(timeZone: config.organization.timeZone)
        let from = now.addingTimeInterval(-Self.lookback)
        let to = now.addingTimeInterval(Self.lookahead)
        // Dropped first: the old timeline's memory can hold the new one's transients.
        timeline = SchedulerTimeline()
        timeline = SchedulerTimeline(
            Self.steps(
                planner: planner, expander: expander,
                dueIn: clock.localDate(of: from).adding(days: -120)...clock.localDate(of: to).adding(days: 120)
            )
            .filter { $0.step.at >= from && $0.step.at <= to }
            .sorted { $0.step.at != $1.step.at ? $0.step.at < $1.step.at : ScheduledStep.moreUrgent($0.step, $1.step) }
        )
        cursor = 0
        builtAt = now
    }

    private static func steps(planner: StepPlanner, expander: OccurrenceExpander, dueIn window: ClosedRange<LocalDate>)
        -> [Due]
    {
        var entries: [Due] = []
        for occurrence in expander.occurrences(dueIn: window) {
            let steps = planner.steps(of: occurrence)
            guard let first = steps.map(\.at).min() else { continue }
            entries += steps.map { ($0, first) }
        }
        return entries
    }
}
