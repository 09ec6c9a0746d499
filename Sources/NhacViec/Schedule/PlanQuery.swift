import Foundation

/// The steps that would fire between two days (DESIGN §9 `plan`): every
/// scheduled step in the window, before or after now, less what the state
/// already records as sent or skipped and the duties already finished.
package struct PlanQuery: Sendable {
    package let config: Config
    package let calendar: WorkingCalendar

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.calendar = calendar
    }

    /// Steps from the start of `from` to the end of `to` (local days, both included),
    /// in time order, each with only the channels still to be sent.
    package func steps(from: LocalDate, to: LocalDate, state: some SchedulerState) -> [ScheduledStep] {
        guard from <= to else { return [] }
        let reach = config.stepReach
        let expander = OccurrenceExpander(config: config, calendar: calendar)
        let planner = StepPlanner(config: config, calendar: calendar)
        var result: [ScheduledStep] = []
        var candidates: [(step: ScheduledStep, firstStepAt: Date)] = []
        for occurrence in expander.occurrences(dueIn: from.adding(days: -reach.after)...to.adding(days: reach.before)) {
            let steps = planner.steps(of: occurrence)
            guard let firstStepAt = steps.map(\.at).min() else { continue }
            candidates += steps.map { ($0, firstStepAt) }
        }
        // Difficulty steps (DESIGN §14) come from the records in the state.
        let difficultyPlanner = DifficultyPlanner(config: config, calendar: calendar)
        let end = WallClock(timeZone: config.organization.timeZone).startOfDay(to.adding(days: 1))
        for difficulty in state.difficulties {
            candidates += difficultyPlanner.steps(of: difficulty, through: end).map { ($0, $0.at) }
        }
        for (step, firstStepAt) in candidates where step.date >= from && step.date <= to {
            guard !state.isFinished(step, firstStepAt: firstStepAt) else { continue }
            let open =
                state.recordsDeliveries
                ? step.channels.filter { !state.isRecorded(key: step.key(for: $0)) } : step.channels
            // A step with no channel at all is still shown: the admin must see it can't be delivered.
            if !step.channels.isEmpty, open.isEmpty { continue }
            result.append(
                open.count == step.channels.count
                    ? step
                    : ScheduledStep(
                        occurrence: step.occurrence, kind: step.kind, date: step.date, at: step.at,
                        recipient: step.recipient, cc: step.cc, channels: open))
        }
        // Sort plain keys and indices, not the steps: comparing recipients by name in
        // the comparator would build their descriptions millions of times.
        let names = Set(result.map(\.recipient)).map { ($0, $0.description) }.sorted { $0.1 < $1.1 }
        var rank: [Recipient: Int] = [:]
        for (position, name) in names.enumerated() { rank[name.0] = position }
        let keys = result.enumerated().map { index, step in
            (
                at: step.at.timeIntervalSinceReferenceDate, recipient: rank[step.recipient] ?? 0,
                urgency: -step.kind.urgency, due: step.occurrence.due.dayNumber, index: index
            )
        }
        let order = keys.sorted { x, y in
            if x.at != y.at { return x.at < y.at }
            if x.recipient != y.recipient { return x.recipient < y.recipient }
            if x.urgency != y.urgency { return x.urgency < y.urgency }
            if x.due != y.due { return x.due < y.due }
            return result[x.index].occurrence.duty.description < result[y.index].occurrence.duty.description
        }.map(\.index)
        return order.map { result[$0] }
    }
}
