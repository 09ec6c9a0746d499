import Foundation

/// Computes the consolidated report for one period as of one compile moment (DESIGN §8).
///
/// Pure apart from the data source: the same config, calendar, period, `asOf` and
/// answers always give the same report. Rules the contract leaves open, decided here:
/// - Task due dates come from `OccurrenceExpander`, so they are the dates reminders
///   count from. A one-off task is overdue when it is not done and its due date is
///   before the compile day; days overdue are calendar days.
/// - A recurring task ("Hằng tháng") is judged on its first occurrence due on or after
///   the period start. "Done" covers that occurrence only when it was recorded after the
///   previous cycle ended (nominal due date minus one interval).
/// - Ongoing tasks ("Thường xuyên") are listed as ongoing whatever was reported; on-demand
///   tasks carry the reported status and are never overdue.
/// - Precedence of a dated task's status: done, then overdue, then what was reported.
/// - A unit's monthly report for period M is due per `reports.monthly.due`, moved off a
///   day off like task deadlines. Timeliness is decided by the first receipt (a later
///   correction does not make an on-time report late); a report received on a local day
///   after the due date is late by that many **calendar** days (what a reader of "Chậm
///   N ngày" expects; working days would hide weekends the unit also had). Its content
///   (difficulties, proposals) comes from the latest receipt.
/// - Requests are listed when one of their occurrences is due within the period.
/// - Submissions received after `asOf` are ignored.
package struct ConsolidatedReportBuilder: Sendable {
    package let config: Config
    package let calendar: WorkingCalendar
    /// What this builder works out once and, when made with `keepsWork`, keeps as long
    /// as the builder lives.
    let memo: ReportBuilderMemo

    /// `keepsWork`: keep the config's facts, recent periods' due dates and recent task
    /// results between calls (see ``ReportBuilderMemo``); for a long-lived builder asked
    /// often, like the Office's pages.
    package init(config: Config, calendar: WorkingCalendar, keepsWork: Bool = false) {
        self.config = config
        self.calendar = calendar
        self.memo = ReportBuilderMemo(keeps: keepsWork)
    }

    /// The report for `period` as of `asOf` (truncated to whole seconds, so the JSON
    /// form, which carries seconds, decodes to the same value).
    package func build(period: ReportPeriod, asOf: Date, data: some ReportDataSource) throws -> ConsolidatedReport {
        let context = try lineContext(period: period, asOf: asOf, statuses: data.taskStatuses)
        let clock = context.clock
        let compiledAt = context.compiledAt
        let dates = periodDatesKept(period)
        let lines = context.lines(dates)

        let monthly = try config.reports.monthly.map { try monthlyTracking($0, context: context, data: data) }
        let requests = try requestTrackings(context: context, data: data)
        var difficulties: [ConsolidatedReport.UnitNote] = []
        var proposals: [ConsolidatedReport.UnitNote] = []
        for tracked in [monthly].compactMap({ $0 }) + requests {
            difficulties += tracked.difficulties
            proposals += tracked.proposals
        }

        let next = period.next
        var upcoming: [ConsolidatedReport.TaskLine] = []
        for (task, due) in dates.nextPeriod {
            let line = context.line(task: task, occurrence: due)
            if line.status != .done { upcoming.append(line) }
        }

        let periodStart = clock.startOfDay(period.start)
        let periodEnd = clock.startOfDay(period.dayAfterEnd)
        let tracked = difficultyLines(
            try data.difficultyRecords(), clock: clock, compiledAt: compiledAt,
            resolvedIn: periodStart..<min(periodEnd, compiledAt.addingTimeInterval(1)))
        var report = ConsolidatedReport(
            organization: .init(
                name: nfc(config.organization.name), parent: config.organization.parent.map(nfc),
                abbreviation: config.organization.abbreviation.map(nfc), place: config.organization.place.map(nfc)),
            period: .init(
                year: period.year, month: period.month, start: period.start, end: period.end, nextStart: next.start,
                nextEnd: next.end),
            compiledAt: compiledAt,
            compileDate: context.compileDay,
            timeZone: config.organization.timeZone.identifier,
            subject: subject(period),
            recipients: (config.reports.consolidated?.to ?? []).map(context.name),
            distribution: distribution(context: context),
            signer: signer(),
            tasks: taskResults(lines, period: period),
            unitReports: monthly?.tracking,
            requests: requests.map(\.tracking),
            difficulties: difficulties,
            nextPeriodTasks: upcoming,
            proposals: proposals,
            deliveries: try data.deliveryCounts(from: periodStart, to: periodEnd),
            appendix: appendix(lines))
        report.openDifficulties = tracked.open
        report.resolvedDifficulties = tracked.resolved
        return report
    }

    /// The context every line of the report for `period` is judged in; `statuses` is asked
    /// for the task statuses as of the compile moment.
    func lineContext(
        period: ReportPeriod, asOf: Date, statuses: (Date) throws -> [String: RecordedTaskStatus]
    ) throws -> ReportLineContext {
        let clock = WallClock(timeZone: config.organization.timeZone)
        let compiledAt = Self.compileMoment(asOf)
        return ReportLineContext(
            facts: memo.facts { ReportPlanFacts(config: config) }, clock: clock, period: period,
            compiledAt: compiledAt, compileDay: clock.localDate(of: compiledAt), statuses: try statuses(compiledAt))
    }

    /// `asOf` truncated to whole seconds, as the report carries it.
    static func compileMoment(_ asOf: Date) -> Date {
        Date(timeIntervalSince1970: asOf.timeIntervalSince1970.rounded(.down))
    }

    /// The tasks' due dates for `period`, worked out once per builder that keeps its work.
    func periodDatesKept(_ period: ReportPeriod) -> ReportPeriodDates {
        memo.dates(of: period) { periodDates(period) }
    }

    // MARK: - Tasks

    func taskResults(
        _ lines: [ConsolidatedReport.TaskLine], period: ReportPeriod
    ) -> ConsolidatedReport.TaskResults {
        var totals = ConsolidatedReport.TaskCounts()
        var areas: [ConsolidatedReport.AreaResult] = []
        let byArea = Dictionary(grouping: lines, by: \.area)
        for area in Area.allCases {
            guard let tasks = byArea[area], !tasks.isEmpty else { continue }
            var counts = ConsolidatedReport.TaskCounts()
            for task in tasks { counts.add(task.status) }
            totals.add(counts)
            areas.append(.init(area: area, name: area.vietnameseName, tasks: tasks, counts: counts))
        }
        let completed = lines.filter { line in
            guard line.status == .done, let day = line.completedOn else { return false }
            return (period.start...period.end).contains(day)
        }
        return .init(areas: areas, totals: totals, completedInPeriod: completed)
    }

    private func appendix(_ lines: [ConsolidatedReport.TaskLine]) -> [ConsolidatedReport.AppendixRow] {
        let byArea = Dictionary(grouping: lines, by: \.area)
        var rows: [ConsolidatedReport.AppendixRow] = []
        for area in Area.allCases {
            for line in byArea[area] ?? [] {
                rows.append(
                    .init(
                        number: rows.count + 1, taskID: line.id, area: area, title: line.title, lead: line.lead.name,
                        support: line.support.map(\.name), dueDate: line.dueDate, dueText: line.dueText,
                        status: line.status, note: Self.note(for: line)))
            }
        }
        return rows
    }

    /// The appendix's *Ghi chú*: progress, the unit's note, then what the status implies.
    static func note(for line: ConsolidatedReport.TaskLine) -> String {
        var parts: [String] = []
        if let progress = line.progress, line.status != .done { parts.append("Tiến độ \(progress)%") }
        if let note = line.note, !note.isEmpty { parts.append(note) }
        if line.status == .done, let day = line.completedOn {
            parts.append("Hoàn thành ngày \(day.vietnameseNumeric)")
        }
        if line.status == .overdue, let days = line.daysOverdue {
            parts.append("Quá hạn \(days) ngày")
        }
        return parts.joined(separator: "; ")
    }

    // MARK: - Reports from units

    /// A report duty's tracking plus the notes its latest submissions carry.
    struct Tracked {
        var tracking: ConsolidatedReport.ReportTracking
        var difficulties: [ConsolidatedReport.UnitNote]
        var proposals: [ConsolidatedReport.UnitNote]
    }

    func monthlyTracking(
        _ monthly: MonthlyReportDuty, context: ReportLineContext, data: some ReportDataSource
    ) throws -> Tracked {
        let period = context.period
        let nominal = calendar.reportDueDate(monthly.due, dayAfterEnd: period.dayAfterEnd)
        let due = calendar.shift(nominal, config.calendar.deadlineOnDayOff)
        let submissions = try data.receivedSubmissions(report: "monthly", occurrence: period.description)
        return track(
            id: "monthly", title: "\(nfc(monthly.title)) \(period.vietnameseName)", due: due, units: monthly.from,
            submissions: submissions, context: context)
    }

    private func requestTrackings(context: ReportLineContext, data: some ReportDataSource) throws -> [Tracked] {
        guard !config.reports.requests.isEmpty else { return [] }
        var requestsOnly = config
        requestsOnly.tasks = []
        requestsOnly.reports = ReportsConfig(monthly: nil, requests: config.reports.requests, consolidated: nil)
        let window = context.period.start...context.period.end
        let occurrences = OccurrenceExpander(config: requestsOnly, calendar: calendar).occurrences(dueIn: window)
        var result: [Tracked] = []
        for request in config.reports.requests {
            var seen = Set<String>()
            for occurrence in occurrences where occurrence.duty.requestID == request.id {
                guard seen.insert(occurrence.occurrence).inserted else { continue }
                let units = occurrences.filter {
                    $0.duty.requestID == request.id && $0.occurrence == occurrence.occurrence
                }.map(\.responsibleUnit)
                let submissions = try data.receivedSubmissions(report: request.id, occurrence: occurrence.occurrence)
                result.append(
                    track(
                        id: request.id, title: nfc(request.title), due: occurrence.due, units: units,
                        submissions: submissions, context: context))
            }
        }
        return result
    }

    private func track(
        id: String, title: String, due: LocalDate, units: [String], submissions: [Submission],
        context: ReportLineContext
    ) -> Tracked {
        let known = submissions.filter { $0.receivedAt <= context.compiledAt && $0.report == id }
        let byUnit = Dictionary(grouping: known, by: \.unit)
        var lines: [ConsolidatedReport.UnitReport] = []
        var difficulties: [ConsolidatedReport.UnitNote] = []
        var proposals: [ConsolidatedReport.UnitNote] = []
        for unit in units {
            let ref = context.ref(unit)
            guard let received = byUnit[unit], let first = received.min(by: { $0.receivedAt < $1.receivedAt }),
                let latest = received.max(by: { $0.receivedAt < $1.receivedAt })
            else {
                lines.append(.init(unit: ref, state: .missing))
                continue
            }
            let day = context.clock.localDate(of: first.receivedAt)
            let late = due.days(until: day)
            lines.append(
                .init(
                    unit: ref, state: late > 0 ? .late : .onTime, receivedAt: first.receivedAt, receivedOn: day,
                    daysLate: late > 0 ? late : nil))
            difficulties += notes(latest.difficulties, unit: ref, report: id)
            proposals += notes(latest.proposals, unit: ref, report: id)
        }
        return Tracked(
            tracking: .init(id: id, title: title, dueDate: due, units: lines), difficulties: difficulties,
            proposals: proposals)
    }

    private func notes(_ texts: [String], unit: ConsolidatedReport.UnitRef, report: String)
        -> [ConsolidatedReport.UnitNote]
    {
        texts.map { nfc($0.trimmingCharacters(in: .whitespacesAndNewlines)) }.filter { !$0.isEmpty }
            .map { .init(unit: unit, report: report, text: $0) }
    }

    // MARK: - Document parts

    /// "Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024": the monthly
    /// title without its leading "Báo cáo" (the document type says it already).
    private func subject(_ period: ReportPeriod) -> String {
        let title = ReportText.subjectTitle(
            nfc(config.reports.monthly?.title ?? "Kết quả thực hiện công tác cải cách hành chính"))
        return "\(title) tháng \(period.month) năm \(period.year)"
    }

    private func distribution(context: ReportLineContext) -> [String] {
        let settings = config.reports.consolidated
        var list: [String] = []
        if !(settings?.to ?? []).isEmpty { list.append("Như trên") }
        list += (settings?.cc ?? []).map(context.name)
        let office = config.office.map { nfc($0.name) } ?? config.organization.office
        list.append("Lưu: VT, \(office)")
        return list
    }

    private func signer() -> ConsolidatedReport.Signer {
        let signer = config.reports.consolidated?.signer
        let upper = { (text: String) in nfc(text).uppercased(with: Locale(identifier: "vi_VN")) }
        return .init(
            authority: signer?.authority.map(upper), title: signer?.title.map(upper), name: signer?.name.map(nfc))
    }
}

extension Duty {
    /// The request id of a `.request` duty, else nil.
    fileprivate var requestID: String? {
        if case .request(let id, _) = self { id } else { nil }
    }
}
