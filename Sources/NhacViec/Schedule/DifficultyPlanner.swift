import Foundation

/// The steps of a difficulty (DESIGN §14), planned from its record rather than
/// from the config: duty `difficulty:<id>`, occurrence = the local day the
/// current cycle was raised (a reopening is a new cycle, so new keys).
///
/// - `notice` to the Office at the first send moment (`send_time` on a working
///   day) at or after the raise;
/// - `follow-up-<n>` to the Office every `difficulties.follow_up` after the raise
///   while it is open or forwarded;
/// - `escalation` once to each of `difficulties.escalate_to`, at the second
///   follow-up (the Office had one reminder to act on first);
/// - `resolution` to the raising unit and the Office at the moment it was
///   resolved (not held for `send_time`: the CLI wakes the daemon).
///
/// Steps after a cycle ended are not planned, so a resolution stops the reminders.
/// A unit no longer in the config gets nothing (the Office still does).
package struct DifficultyPlanner: Sendable {
    package let config: Config
    package let calendar: WorkingCalendar
    private let clock: WallClock
    private let channels: StepPlanner

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.calendar = calendar
        self.clock = WallClock(timeZone: config.organization.timeZone)
        self.channels = StepPlanner(config: config, calendar: calendar)
    }

    /// One raise-to-close span of a record's history.
    package struct Cycle: Sendable {
        package let openedAt: Date
        /// The event that closed it (resolved or withdrawn), nil while active.
        package let closing: Difficulty.Event?
    }

    package static func cycles(of difficulty: Difficulty) -> [Cycle] {
        var cycles: [Cycle] = []
        var start: Date?
        for event in difficulty.history {
            switch event.status {
            case .open:
                if start == nil { start = event.at }
            case .forwarded:
                break
            case .resolved, .withdrawn:
                if let opened = start { cycles.append(Cycle(openedAt: opened, closing: event)) }
                start = nil
            }
        }
        if let start { cycles.append(Cycle(openedAt: start, closing: nil)) }
        return cycles
    }

    /// Every step of every cycle at or before `horizon` (follow-ups of an active one stop there).
    package func steps(of difficulty: Difficulty, through horizon: Date) -> [ScheduledStep] {
        Self.cycles(of: difficulty).flatMap { steps(of: difficulty, cycle: $0, through: horizon) }
    }

    private func steps(of difficulty: Difficulty, cycle: Cycle, through horizon: Date) -> [ScheduledStep] {
        let office = Recipient.unit(config.organization.office)
        let occurrence = self.occurrence(of: difficulty, openedAt: cycle.openedAt)
        let raisedOn = occurrence.due
        let end = cycle.closing?.at ?? .distantFuture
        var steps: [ScheduledStep] = []
        func add(_ kind: StepKind, _ day: LocalDate, at: Date? = nil, to recipient: Recipient) {
            let instant = at ?? clock.instant(on: day, at: config.delivery.sendTime)
            steps.append(
                ScheduledStep(
                    occurrence: occurrence, kind: kind, date: clock.localDate(of: instant), at: instant,
                    recipient: recipient, cc: [], channels: channels.channels(of: recipient)))
        }

        let noticeDay = firstSendDay(atOrAfter: cycle.openedAt)
        let noticeAt = clock.instant(on: noticeDay, at: config.delivery.sendTime)
        if noticeAt < end, noticeAt <= horizon { add(.notice, noticeDay, to: office) }

        let interval = config.difficulties.followUp
        var n = 1
        while interval.amount > 0 {
            let day = after(raisedOn, interval, times: n)
            let at = clock.instant(on: day, at: config.delivery.sendTime)
            guard at < end, at <= horizon else { break }
            add(.followUp(n), day, to: office)
            if n == 2 {
                for id in config.difficulties.escalateTo {
                    add(.escalation, day, to: config.group(id) != nil ? .group(id) : .unit(id))
                }
            }
            n += 1
        }

        if let closing = cycle.closing, closing.status == .resolved, closing.at <= horizon {
            let day = clock.localDate(of: closing.at)
            if config.unit(difficulty.unit) != nil, difficulty.unit != config.organization.office {
                add(.resolution, day, at: closing.at, to: .unit(difficulty.unit))
            }
            add(.resolution, day, at: closing.at, to: office)
        }
        return steps
    }

    /// The occurrence of the cycle raised at `openedAt`.
    package func occurrence(of difficulty: Difficulty, openedAt: Date) -> DutyOccurrence {
        let day = clock.localDate(of: openedAt)
        return DutyOccurrence(
            duty: .difficulty(id: difficulty.id), occurrence: day.description, due: day, nominalDue: day,
            dueText: day.vietnameseNumeric, title: difficulty.text, policy: .builtInDefault,
            recipient: .unit(config.organization.office), cc: [], responsibleUnit: difficulty.unit,
            difficulty: difficulty)
    }

    /// The first working day whose `send_time` is at or after `instant`.
    private func firstSendDay(atOrAfter instant: Date) -> LocalDate {
        var day = calendar.nextWorkingDay(onOrAfter: clock.localDate(of: instant))
        if clock.instant(on: day, at: config.delivery.sendTime) < instant {
            day = calendar.nextWorkingDay(onOrAfter: day.adding(days: 1))
        }
        return day
    }

    /// `times` × `interval` after `day`, on a working day (moved forward).
    private func after(_ day: LocalDate, _ interval: ConfigDuration, times: Int) -> LocalDate {
        let amount = interval.amount * times
        return interval.unit == .workingDays
            ? calendar.adding(workingDays: amount, to: day)
            : calendar.nextWorkingDay(onOrAfter: day.adding(days: amount))
    }
}
