/// Something a unit owes: a plan task, its monthly report, or its answer to a request.
package enum Duty: Hashable, Sendable, CustomStringConvertible {
    case task(id: String)
    case monthlyReport(unit: String)
    case request(id: String, unit: String)
    /// The Office's consolidated report (DESIGN §8): compiled and sent on the `compile` day.
    case consolidatedReport
    /// A difficulty a unit raised (DESIGN §14), tracked until it is resolved.
    case difficulty(id: String)

    /// `task:<id>`, `report:monthly:<unit>`, `report:<request-id>:<unit>` (DESIGN §9).
    package var description: String {
        switch self {
        case .task(let id): "task:\(id)"
        case .monthlyReport(let unit): "report:monthly:\(unit)"
        case .request(let id, let unit): "report:\(id):\(unit)"
        case .consolidatedReport: "report:consolidated"
        case .difficulty(let id): "difficulty:\(id)"
        }
    }

    /// The unit responsible: the lead unit of a task, the reporting unit of a report.
    package func responsibleUnit(in config: Config) -> String {
        switch self {
        case .task(let id): config.tasks.first { $0.id == id }?.lead ?? ""
        case .monthlyReport(let unit), .request(_, let unit): unit
        case .consolidatedReport: config.organization.office
        // The Office answers for following it up; the raising unit is on the occurrence.
        case .difficulty: config.organization.office
        }
    }
}
