import Foundation

/// What report lines show of the config, in Unicode NFC (the form documents carry; a config
/// may be NFD): unit and group names, and each task's fixed parts. A report reads every
/// task, so these are worked out once per config (see ``ReportBuilderMemo``), not per line.
struct ReportPlanFacts: Sendable {
    /// A plan task as every report line shows it, whatever the state says.
    struct Task: Sendable {
        let id: String
        let area: Area
        let title: String
        let lead: ConsolidatedReport.UnitRef
        let support: [ConsolidatedReport.UnitRef]
        let dueText: String
        let deadline: Deadline
    }

    /// What judging a task's status needs of its deadline.
    enum Deadline: Sendable {
        case ongoing
        case onDemand
        case date
        /// A recurrence whose cycle lasts that many months.
        case recurring(months: Int)
    }

    /// Names by unit or group id.
    let names: [String: String]
    /// In the config's order.
    let tasks: [Task]

    init(config: Config) {
        var names: [String: String] = [:]
        for group in config.groups { names[group.id] = nfc(group.name) }
        for unit in config.units { names[unit.id] = nfc(unit.name) }
        self.names = names
        let ref = { (id: String) in ConsolidatedReport.UnitRef(id: id, name: names[id] ?? id) }
        tasks = config.tasks.map { task in
            let deadline: Deadline =
                switch task.due.kind {
                case .ongoing: .ongoing
                case .onDemand: .onDemand
                case .date: .date
                case .recurring(let recurrence): .recurring(months: recurrence.interval.months)
                }
            return Task(
                id: task.id, area: task.area, title: nfc(task.title), lead: ref(task.lead),
                support: task.support.map(ref), dueText: nfc(task.due.text), deadline: deadline)
        }
    }

    func name(_ id: String) -> String { names[id] ?? id }
    func ref(_ id: String) -> ConsolidatedReport.UnitRef { .init(id: id, name: name(id)) }
}

/// Text in Unicode NFC, the form documents must carry (a config or submission may be NFD).
func nfc(_ text: String) -> String {
    text.precomposedStringWithCanonicalMapping
}
