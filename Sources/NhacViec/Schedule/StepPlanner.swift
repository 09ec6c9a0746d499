import Foundation

/// Computes the reminder steps of one occurrence (DESIGN §5): their days, times and recipients.
package struct StepPlanner: Sendable {
    package let config: Config
    package let calendar: WorkingCalendar
    package let clock: WallClock
    /// Every recipient's channels, computed once: each step shares its recipient's array.
    private let channelsByRecipient: [Recipient: [Channel]]

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.calendar = calendar
        self.clock = WallClock(timeZone: config.organization.timeZone)
        var channels: [Recipient: [Channel]] = [:]
        channels.reserveCapacity(config.units.count * 2 + config.groups.count)
        // Most recipients have the same channels (e-mail only): they share one array.
        var distinct: [[Channel]: [Channel]] = [:]
        func add(_ recipient: Recipient) {
            let own = Self.channels(of: recipient, in: config)
            channels[recipient] = distinct[own, default: own]
            distinct[own] = channels[recipient]
        }
        for unit in config.units {
            add(.unit(unit.id))
            add(.head(unit.id))
        }
        for group in config.groups {
            add(.group(group.id))
        }
        self.channelsByRecipient = channels
    }

    /// The steps of `occurrence`, each on a working day, in time order per recipient.
    package func steps(of occurrence: DutyOccurrence) -> [ScheduledStep] {
        let policy = occurrence.policy
        let due = occurrence.due
        let dueDay = calendar.nextWorkingDay(onOrAfter: due)
        var ordinary: [(StepKind, LocalDate)] = []

        // Before-steps, farthest first; a before-step moves to the previous working day.
        let befores = policy.before.sorted { approximateDays($0) > approximateDays($1) }
        for offset in befores {
            let day: LocalDate =
                offset.unit == .workingDays
                ? calendar.adding(workingDays: -offset.amount, to: due)
                : calendar.previousWorkingDay(onOrBefore: due.adding(days: -offset.amount))
            if day < dueDay { ordinary.append((.before(offset), day)) }
        }
        if policy.onDue { ordinary.append((.due, dueDay)) }
        if policy.overdueMax > 0 {
            for n in 1...policy.overdueMax {
                ordinary.append((.overdue(n), after(due, policy.overdueEvery, times: n)))
            }
        }
        // Two steps on one day would be two reminders of the same thing: keep the later
        // (more urgent) one, so each recipient's steps are strictly ordered.
        var kept: [(StepKind, LocalDate)] = []
        for step in ordinary {
            if let last = kept.last, last.1 >= step.1 {
                if last.1 == step.1 { kept.removeLast() } else { continue }
            }
            kept.append(step)
        }

        var steps = kept.map { kind, day in
            make(occurrence, kind, day, recipient: occurrence.recipient, cc: occurrence.cc)
        }
        let escalationDay = after(due, policy.escalateAfter, times: 1)
        for recipient in escalationRecipients(occurrence) {
            // The office leading a task can also be an escalation target: on a day it gets
            // both, the escalation replaces the ordinary step.
            steps.removeAll { $0.recipient == recipient && $0.date == escalationDay }
            steps.append(make(occurrence, .escalation, escalationDay, recipient: recipient, cc: []))
        }
        return steps.sorted { $0.date != $1.date ? $0.date < $1.date : $0.kind.urgency < $1.kind.urgency }
    }

    /// `times` × `interval` after the due date, on a working day (moved forward).
    private func after(_ due: LocalDate, _ interval: ConfigDuration, times: Int) -> LocalDate {
        let amount = interval.amount * times
        switch interval.unit {
        case .workingDays:
            return amount == 0 ? calendar.nextWorkingDay(onOrAfter: due) : calendar.adding(workingDays: amount, to: due)
        default: return calendar.nextWorkingDay(onOrAfter: due.adding(days: amount))
        }
    }

    private func approximateDays(_ offset: ConfigDuration) -> Double {
        offset.unit == .workingDays ? Double(offset.amount) * 1.4 : Double(offset.amount)
    }

    /// The responsible unit's head and the policy's `escalate_to`, without repeats.
    private func escalationRecipients(_ occurrence: DutyOccurrence) -> [Recipient] {
        var result: [Recipient] = [.head(occurrence.responsibleUnit)]
        for target in occurrence.policy.escalateTo {
            let recipient: Recipient =
                switch target {
                case .head: .head(occurrence.responsibleUnit)
                case .office: .unit(config.organization.office)
                case .group(let id): .group(id)
                }
            if !result.contains(recipient) { result.append(recipient) }
        }
        return result
    }

    private func make(
        _ occurrence: DutyOccurrence, _ kind: StepKind, _ day: LocalDate, recipient: Recipient, cc: [Recipient]
    ) -> ScheduledStep {
        ScheduledStep(
            occurrence: occurrence, kind: kind, date: day, at: clock.instant(on: day, at: config.delivery.sendTime),
            recipient: recipient, cc: cc, channels: channels(of: recipient))
    }

    /// Email when the recipient has an address, plus each of its webhooks. A head
    /// without an address of their own is reached through the unit's email.
    package func channels(of recipient: Recipient) -> [Channel] {
        channelsByRecipient[recipient] ?? []
    }

    private static func channels(of recipient: Recipient, in config: Config) -> [Channel] {
        switch recipient {
        case .unit(let id):
            guard let unit = config.unit(id) else { return [] }
            return (unit.email.isEmpty ? [] : [.email]) + unit.webhooks.map(Channel.webhook)
        case .group(let id):
            guard let group = config.group(id) else { return [] }
            return (group.email.isEmpty ? [] : [.email]) + group.webhooks.map(Channel.webhook)
        case .head(let id):
            guard let unit = config.unit(id) else { return [] }
            return unit.head?.email != nil || !unit.email.isEmpty ? [.email] : []
        }
    }
}
