/// Turns the config's duties into dated occurrences within a window of due dates.
///
/// Pure: the same config, calendar and window always give the same occurrences,
/// in the same order, which keeps delivery keys stable across restarts.
package struct OccurrenceExpander: Sendable {
    package let config: Config
    package let calendar: WorkingCalendar

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.calendar = calendar
    }

    /// Every occurrence whose (moved) due date lies in `window`.
    package func occurrences(dueIn window: ClosedRange<LocalDate>) -> [DutyOccurrence] {
        var result: [DutyOccurrence] = []
        let shift = config.calendar.deadlineOnDayOff
        for task in config.tasks {
            let recurring = if case .recurring = task.due.kind { true } else { false }
            for nominal in nominalDates(task.due, around: window) {
                let due = calendar.dueDate(nominal, of: task.due, shift)
                guard window.contains(due) else { continue }
                result.append(
                    DutyOccurrence(
                        duty: .task(id: task.id), occurrence: due.description, due: due, nominalDue: nominal,
                        dueText: task.due.text, title: task.title, policy: config.policy(task.policy),
                        recipient: .unit(task.lead), cc: task.support.map(Recipient.unit),
                        responsibleUnit: task.lead, isRecurring: recurring))
            }
        }
        if let monthly = config.reports.monthly {
            for period in periods(monthly.period, around: window) {
                let nominal = calendar.reportDueDate(monthly.due, dayAfterEnd: period.dayAfterEnd)
                let due = calendar.shift(nominal, shift)
                guard window.contains(due) else { continue }
                let title = "\(monthly.title) \(period.vietnameseName)"
                for unit in monthly.from {
                    result.append(
                        DutyOccurrence(
                            duty: .monthlyReport(unit: unit), occurrence: period.description, due: due,
                            nominalDue: nominal, dueText: monthly.due.vietnameseDescription, title: title,
                            policy: config.policy(monthly.policy), recipient: .unit(unit), cc: [],
                            responsibleUnit: unit))
                }
            }
        }
        for request in config.reports.requests {
            for nominal in nominalDates(request.due, around: window) {
                let due = calendar.dueDate(nominal, of: request.due, shift)
                guard window.contains(due) else { continue }
                for unit in request.from {
                    result.append(
                        DutyOccurrence(
                            duty: .request(id: request.id, unit: unit), occurrence: due.description, due: due,
                            nominalDue: nominal, dueText: request.due.text, title: request.title,
                            policy: config.policy(request.policy), recipient: .unit(unit), cc: [],
                            responsibleUnit: unit))
                }
            }
        }
        return result
    }

    /// Nominal dates of a deadline that could move into `window` (a week of slack
    /// on each side covers moving past the longest run of days off, Tết).
    private func nominalDates(_ deadline: DeadlineExpression, around window: ClosedRange<LocalDate>) -> [LocalDate] {
        let slack = window.lowerBound.adding(days: -14)...window.upperBound.adding(days: 14)
        switch deadline.kind {
        case .date(let date):
            return slack.contains(date) ? [date] : []
        case .recurring(let recurrence):
            var range = slack
            // A plan is yearly: a recurrence without its own year runs through the plan year only.
            if recurrence.year == nil, let year = config.organization.planYear,
                let first = LocalDate(year: year, month: 1, day: 1),
                let last = LocalDate(year: year, month: 12, day: 31)
            {
                let lower = max(range.lowerBound, first)
                let upper = min(range.upperBound, last)
                guard lower <= upper else { return [] }
                range = lower...upper
            }
            return recurrence.occurrences(in: range)
        case .ongoing, .onDemand:
            return []
        }
    }

    /// Periods whose reports could fall due in `window`, limited to the plan year when set.
    private func periods(_ kind: ReportPeriodKind, around window: ClosedRange<LocalDate>) -> [ReportPeriod] {
        var period = ReportPeriod.containing(window.lowerBound.adding(days: -62), kind: kind)
        let last = ReportPeriod.containing(window.upperBound, kind: kind)
        var result: [ReportPeriod] = []
        while period <= last {
            if config.organization.planYear.map({ $0 == period.year }) ?? true {
                result.append(period)
            }
            period = period.next
        }
        return result
    }
}
