import Foundation

/// What every line of one report is judged against: the period, the compile moment and
/// the task statuses recorded by then, with the config's facts.
struct ReportLineContext {
    let facts: ReportPlanFacts
    let clock: WallClock
    let period: ReportPeriod
    let compiledAt: Date
    let compileDay: LocalDate
    let statuses: [String: RecordedTaskStatus]

    func name(_ id: String) -> String { facts.name(id) }
    func ref(_ id: String) -> ConsolidatedReport.UnitRef { facts.ref(id) }

    /// Every task's line, in the config's order, each judged on its occurrence in `dates`.
    func lines(_ dates: ReportPeriodDates) -> [ConsolidatedReport.TaskLine] {
        var lines: [ConsolidatedReport.TaskLine] = []
        lines.reserveCapacity(facts.tasks.count)
        for index in facts.tasks.indices {
            lines.append(line(task: index, occurrence: dates.judged[index]))
        }
        return lines
    }

    /// The line of the task at `index` as of the compile moment, judged on `occurrence`.
    func line(task index: Int, occurrence: ReportPeriodDates.Due?) -> ConsolidatedReport.TaskLine {
        let task = facts.tasks[index]
        let record = statuses[task.id]
        let reported = record?.status ?? .notStarted
        var status: ReportTaskStatus
        var dueDate: LocalDate?
        switch task.deadline {
        case .ongoing:
            status = .ongoing
        case .onDemand:
            status = ReportTaskStatus(reported)
        case .date, .recurring:
            dueDate = occurrence?.due
            if reported == .done, isDoneCovering(task.deadline, occurrence, record) {
                status = .done
            } else if let due = dueDate, due < compileDay {
                status = .overdue
            } else {
                // A recurring task done for an earlier cycle has not started this one.
                status = reported == .done ? .notStarted : ReportTaskStatus(reported)
            }
        }
        let completedOn = status == .done ? record.map { clock.localDate(of: $0.at) } : nil
        let daysOverdue = status == .overdue ? dueDate.map { $0.days(until: compileDay) } : nil
        var note = record?.note.map(nfc)
        if status == .overdue, reported == .blocked {
            note = [note, "Đơn vị báo có vướng mắc"].compactMap { $0 }.joined(separator: "; ")
        }
        return ConsolidatedReport.TaskLine(
            id: task.id, area: task.area, title: task.title, lead: task.lead, support: task.support,
            dueDate: dueDate, dueText: task.dueText, status: status, progress: record?.progress, note: note,
            completedOn: completedOn, daysOverdue: daysOverdue)
    }

    /// Whether a "done" record covers this occurrence: always for a one-off task; for a
    /// recurring one, only when recorded after the previous cycle's due date.
    private func isDoneCovering(
        _ deadline: ReportPlanFacts.Deadline, _ occurrence: ReportPeriodDates.Due?, _ record: RecordedTaskStatus?
    ) -> Bool {
        guard let record else { return false }
        guard case .recurring(let months) = deadline, let occurrence else { return true }
        let cycleStart = occurrence.nominalDue.adding(months: -months).adding(days: 1)
        return record.at >= clock.startOfDay(cycleStart)
    }
}

extension ReportTaskStatus {
    /// The report status of a reported status, before deadlines are considered.
    init(_ status: TaskStatus) {
        switch status {
        case .notStarted: self = .notStarted
        case .inProgress: self = .inProgress
        case .done: self = .done
        case .blocked: self = .blocked
        }
    }
}
