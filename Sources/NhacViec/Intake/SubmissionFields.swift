import Foundation
import Yams

/// Walks a report's composed YAML, checking each field against the config and
/// reporting every problem at its node.
struct SubmissionFields {
    let reader: YAMLNodeReader
    let config: Config
    /// The local day the report arrived: a monthly report cannot be about a period that has not begun.
    let receivedOn: LocalDate
    /// The words of each problem, in the organization's language.
    let messages: SubmissionMessages

    struct Values {
        var unit: String
        var report: String
        var period: String?
        var tasks: [TaskUpdate]
        var difficulties: [DifficultyEntry]
        var proposals: [String]
    }

    /// Which report the file answers, once its `report:` value is known to be valid.
    private enum Report {
        case monthly(MonthlyReportDuty)
        case request(ReportRequest)
        /// `report: difficulty`: any unit, any time, no period (DESIGN §14).
        case difficulty([String])

        var from: [String] {
            switch self {
            case .monthly(let duty): duty.from
            case .request(let request): request.from
            case .difficulty(let units): units
            }
        }
    }

    /// The values, or nil when a required one is missing or unusable (issues say why).
    func read(_ root: Node) -> Values? {
        guard let top = reader.mapping(root, .root) else { return nil }
        top.finish(known: SubmissionParser.topLevelKeys)
        let report = readReport(top)
        let unit = readUnit(top, report: report?.kind)
        let period = readPeriod(top, report: report?.kind)
        let tasks = readTasks(top, unit: unit)
        let difficulties = readDifficulties(top)
        let proposals = readTexts(top, "proposals")
        if case .difficulty = report?.kind {
            checkDifficultyReport(top, difficulties: difficulties)
        }
        guard let unit, let report else { return nil }
        if case .monthly = report.kind, period == nil { return nil }
        return Values(
            unit: unit, report: report.id, period: period?.description, tasks: tasks, difficulties: difficulties,
            proposals: proposals)
    }

    private func readReport(_ top: YAMLMapping) -> (id: String, kind: Report)? {
        let path = ConfigPath.root.key("report")
        guard let node = top.value("report", required: true), let id = reader.string(node, path) else { return nil }
        if id == "monthly" {
            guard let monthly = config.reports.monthly else {
                reader.report(messages.noMonthlyReport, at: node, path)
                return nil
            }
            return (id, .monthly(monthly))
        }
        if id == Submission.difficultyReport {
            return (id, .difficulty(config.units.map(\.id)))
        }
        guard let request = config.reports.requests.first(where: { $0.id == id }) else {
            let choices = ["monthly", Submission.difficultyReport] + config.reports.requests.map(\.id)
            reader.report(messages.unknownReport(id, choices: choices), at: node, path)
            return nil
        }
        switch request.due.kind {
        case .date, .recurring:
            return (id, .request(request))
        case .ongoing, .onDemand:
            reader.report(messages.requestWithoutDueDate(id, due: request.due.text), at: node, path)
            return nil
        }
    }

    private func readUnit(_ top: YAMLMapping, report: Report?) -> String? {
        let path = ConfigPath.root.key("unit")
        guard let node = top.value("unit", required: true), let id = reader.string(node, path) else { return nil }
        let known = config.units.map(\.id)
        guard known.contains(id) else {
            reader.report(messages.unknownUnit(id, known: known), at: node, path)
            return nil
        }
        guard let report else { return id }
        guard report.from.contains(id) else {
            let asked: SubmissionMessages.Asked =
                switch report {
                case .monthly: .monthly
                case .request(let request): .request(request.id)
                case .difficulty: .difficulties
                }
            reader.report(messages.unitNotAsked(id, for: asked, from: report.from), at: node, path)
            return nil
        }
        return id
    }

    private func readPeriod(_ top: YAMLMapping, report: Report?) -> ReportPeriod? {
        let path = ConfigPath.root.key("period")
        switch report {
        case nil:
            // Without a known report, only the form can be checked.
            if let node = top.value("period"), let text = reader.scalar(node, path, expected: .month),
                ReportPeriod(parsing: text, kind: .calendarMonth) == nil
            {
                reader.report(messages.notAMonth(text), at: node, path)
            }
            return nil
        case .difficulty:
            if let keyNode = top.keyNode("period") {
                reader.report(messages.periodOnDifficultyReport, at: keyNode, path)
            }
            return nil
        case .request(let request):
            if let keyNode = top.keyNode("period") {
                reader.report(messages.periodOnRequest(request.id, due: request.due.text), at: keyNode, path)
            }
            return nil
        case .monthly(let monthly):
            guard let node = top.value("period") else {
                reader.report(messages.periodMissing, at: top.node, path)
                return nil
            }
            guard let text = reader.scalar(node, path, expected: .month) else { return nil }
            guard let period = ReportPeriod(parsing: text.trimmingCharacters(in: .whitespaces), kind: monthly.period)
            else {
                reader.report(messages.notAMonth(text), at: node, path)
                return nil
            }
            if let planYear = config.organization.planYear, period.year != planYear {
                reader.report(
                    messages.periodOutsidePlanYear(period.description, planYear: planYear), at: node, path)
                return nil
            }
            if period.start > receivedOn {
                reader.report(messages.periodNotBegun(period, receivedOn: receivedOn), at: node, path)
                return nil
            }
            return period
        }
    }

    /// The task lines; each must name a task `unit` leads or supports (DESIGN §7): the
    /// Office sets any other task's status with `nhacviec task`.
    private func readTasks(_ top: YAMLMapping, unit: String?) -> [TaskUpdate] {
        guard let items = top.list("tasks") else { return [] }
        var updates: [TaskUpdate] = []
        var seen: [String: Int] = [:]
        for (node, path) in items {
            guard let item = reader.mapping(node, path) else { continue }
            item.finish(known: SubmissionParser.taskKeys)
            let id = item.value("id", required: true).flatMap {
                taskID($0, path.key("id"), unit: unit, seen: &seen)
            }
            let status = item.value("status", required: true).flatMap {
                reader.choice($0, path.key("status"), SubmissionParser.statuses)
            }
            let progress = item.integer("progress", range: 0...100)
            let note = item.value("note").flatMap { reader.text($0, path.key("note")) }
            guard let id, let status else { continue }
            updates.append(TaskUpdate(id: id, status: status, progress: progress, note: note))
        }
        return updates
    }

    private func taskID(_ node: Node, _ path: ConfigPath, unit: String?, seen: inout [String: Int]) -> String? {
        guard let id = reader.string(node, path) else { return nil }
        guard let task = config.task(id) else {
            let known = config.tasks.map(\.id)
            reader.report(messages.unknownTask(id, known: known), at: node, path)
            return nil
        }
        if let unit, task.lead != unit, !task.support.contains(unit) {
            let ownTasks = config.tasks.filter { $0.lead == unit || $0.support.contains(unit) }.map(\.id)
            reader.report(
                messages.taskOfAnotherUnit(id, unit: unit, lead: task.lead, unitTasks: ownTasks), at: node, path)
            return nil
        }
        if let firstLine = seen[id] {
            reader.report(messages.taskListedTwice(id, firstLine: firstLine), at: node, path)
            return nil
        }
        seen[id] = node.mark?.line ?? 0
        return id
    }

    /// `difficulties`: each a text, or `{text, task}` with a task id of the plan.
    private func readDifficulties(_ top: YAMLMapping) -> [DifficultyEntry] {
        guard let items = top.list("difficulties", allowSingle: true) else { return [] }
        var seen: [String: Int] = [:]
        return items.compactMap { node, path -> DifficultyEntry? in
            guard case .mapping = node else {
                return reader.text(node, path).map { DifficultyEntry(text: $0) }
            }
            guard let item = reader.mapping(node, path) else { return nil }
            item.finish(known: SubmissionParser.difficultyKeys)
            let text = item.value("text", required: true).flatMap { reader.text($0, path.key("text")) }
            let task = item.value("task").flatMap { taskID($0, path.key("task"), unit: nil, seen: &seen) }
            // The same task may carry several difficulties, and a unit may raise one about any
            // task of the plan: only unknown ids are errors here.
            seen = [:]
            guard let text else { return nil }
            return DifficultyEntry(text: text, task: task)
        }
    }

    /// A `report: difficulty` raises difficulties and nothing else.
    private func checkDifficultyReport(_ top: YAMLMapping, difficulties: [DifficultyEntry]) {
        for key in ["tasks", "proposals"] {
            if let keyNode = top.keyNode(key) {
                reader.report(messages.difficultyReportExtraKey(key), at: keyNode, ConfigPath.root.key(key))
            }
        }
        if top.value("difficulties") == nil {
            reader.report(messages.difficultiesMissing, at: top.node, ConfigPath.root.key("difficulties"))
        }
    }

    /// A list of texts; a single text counts as a one-item list.
    private func readTexts(_ top: YAMLMapping, _ key: String) -> [String] {
        guard let items = top.list(key, allowSingle: true) else { return [] }
        return items.compactMap { reader.text($0, $1) }
    }
}
