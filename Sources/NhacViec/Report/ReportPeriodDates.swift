/// The due dates one period's report judges the plan's tasks on, from the same expander
/// reminders use. They depend only on the config, the calendar and the period, so a
/// builder works them out once per period (see ``ReportBuilderMemo``).
struct ReportPeriodDates: Sendable {
    /// One occurrence of a task: its due date (moved off a day off) and the nominal one.
    struct Due: Sendable {
        let due: LocalDate
        let nominalDue: LocalDate
    }

    /// By task index (the config's order): the occurrence the task is judged on, nil for
    /// an undated task or one with no occurrence near the period.
    let judged: [Due?]
    /// The occurrences due within the next period, by due date, then task index.
    let nextPeriod: [(task: Int, due: Due)]
}

extension ConsolidatedReportBuilder {
    /// Works out ``ReportPeriodDates`` for `period`: a one-off task is judged on its only
    /// occurrence, a recurring one on its first occurrence due on or after the period start.
    func periodDates(_ period: ReportPeriod) -> ReportPeriodDates {
        let occurrences = taskOccurrences(period: period)
        let next = period.next
        var judged: [ReportPeriodDates.Due?] = []
        judged.reserveCapacity(config.tasks.count)
        var nextPeriod: [(task: Int, due: ReportPeriodDates.Due)] = []
        for (index, task) in config.tasks.enumerated() {
            let dates = occurrences[task.id] ?? []
            switch task.due.kind {
            case .date: judged.append(dates.first)
            case .recurring: judged.append(dates.first { $0.due >= period.start })
            case .ongoing, .onDemand: judged.append(nil)
            }
            for date in dates where (next.start...next.end).contains(date.due) {
                nextPeriod.append((index, date))
            }
        }
        nextPeriod.sort { ($0.due.due, $0.task, $0.due.nominalDue) < ($1.due.due, $1.task, $1.due.nominalDue) }
        return ReportPeriodDates(judged: judged, nextPeriod: nextPeriod)
    }

    /// Each task's occurrences near the period, oldest first, by task id.
    private func taskOccurrences(period: ReportPeriod) -> [String: [ReportPeriodDates.Due]] {
        var tasksOnly = config
        tasksOnly.reports = ReportsConfig(monthly: nil, requests: [], consolidated: nil)
        var oneOff = tasksOnly
        oneOff.tasks = config.tasks.filter { if case .date = $0.due.kind { true } else { false } }
        var recurring = tasksOnly
        recurring.tasks = config.tasks.filter { if case .recurring = $0.due.kind { true } else { false } }

        var result: [String: [ReportPeriodDates.Due]] = [:]
        let dates = oneOff.tasks.compactMap { task -> LocalDate? in
            if case .date(let date) = task.due.kind { date } else { nil }
        }
        if let first = dates.min(), let last = dates.max() {
            // The expander looks two weeks past the window for dates that move into it.
            let window = first.adding(days: -14)...last.adding(days: 14)
            for occurrence in OccurrenceExpander(config: oneOff, calendar: calendar).occurrences(dueIn: window) {
                result[occurrence.duty.taskID, default: []].append(.init(occurrence))
            }
        }
        if !recurring.tasks.isEmpty {
            // Far enough for the first occurrence of a yearly recurrence after the period start.
            let window = period.start...period.start.adding(days: 400)
            for occurrence in OccurrenceExpander(config: recurring, calendar: calendar).occurrences(dueIn: window) {
                result[occurrence.duty.taskID, default: []].append(.init(occurrence))
            }
        }
        for key in result.keys {
            result[key]?.sort { $0.due < $1.due }
        }
        return result
    }
}

extension ReportPeriodDates.Due {
    fileprivate init(_ occurrence: DutyOccurrence) {
        self.init(due: occurrence.due, nominalDue: occurrence.nominalDue)
    }
}

extension Duty {
    /// The task id of a `.task` duty, else "".
    fileprivate var taskID: String {
        if case .task(let id) = self { id } else { "" }
    }
}
