import Foundation

/// The steps of a difficulty (DESIGN §14), planned from its record rather than
/// from the config: duty `difficulty:<id>`, occurrence = the local day the
/// cycle was raised (a reopening is a new cycle, so new keys). A second cycle
/// raised the same local day gets `<day>.2`, a third `<day>.3`, so it never
/// reuses the keys of a cycle already sent; the first cycle of a day keeps the
/// bare day, as keys written before cycles were numbered did.
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
        /// 1 for the first cycle raised on its local day, 2 for a second one that day, …
        package let numberInDay: Int
    }

    /// The raise-to-close spans of `difficulty`, oldest first; the history only grows,
    /// so a cycle's number within its day (hence its occurrence) never changes.
    package func cycles(of difficulty: Difficulty) -> [Cycle] {
        var spans: [(openedAt: Date, closing: Difficulty.Event?)] = []
        var start: Date?
        for event in difficulty.history {
            switch event.status {
            case .open:
                if start == nil { start = event.at }
            case .forwarded:
                break
            case .resolved, .withdrawn:
                if let opened = start { spans.append((opened, event)) }
                start = nil
            }
        }
        if let start { spans.append((start, nil)) }
        var perDay: [LocalDate: Int] = [:]
        return spans.map { span in
            let day = clock.localDate(of: span.openedAt)
            let number = (perDay[day] ?? 0) + 1
            perDay[day] = number
            return Cycle(openedAt: span.openedAt, closing: span.closing, numberInDay: number)
        }
    }

    /// Every step of every cycle at or before `horizon` (follow-ups of an active one stop there).
    package func steps(of difficulty: Difficulty, through horizon: Date) -> [ScheduledStep] {
        cycles(of: difficulty).flatMap { steps(of: difficulty, cycle: $0, through: horizon) }
    }

    private func steps(of difficulty: Difficulty, cycle: Cycle, through horizon: Date) -> [ScheduledStep] {
        let office = Recipient.unit(config.organization.office)
        let occurrence = self.occurrence(of: difficulty, cycle: cycle)
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

    /// The occurrence of `cycle`: its local day, then `.<n>` from the second cycle of that day
    /// (no `/` in it, so the delivery key still splits into its five fields).
    package func occurrence(of difficulty: Difficulty, cycle: Cycle) -> DutyOccurrence {
        let day = clock.localDate(of: cycle.openedAt)
        let text = cycle.numberInDay > 1 ? "\(day).\(cycle.numberInDay)" : day.description
        return DutyOccurrence(
            duty: .difficulty(id: difficulty.id), occurrence: text, due: day, nominalDue: day,
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
