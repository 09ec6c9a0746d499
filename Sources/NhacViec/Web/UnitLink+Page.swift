import Foundation

/// What a unit's page shows and takes for the report its link names.
extension UnitLink {
    /// "tháng 3/2024", or the request's title.
    func reportName(_ config: Config) -> String {
        switch report {
        case .period(let period): period.vietnameseName
        case .request(let id): config.reports.requests.first { $0.id == id }?.title ?? id
        }
    }

    /// The page's heading: "Báo cáo tháng 3/2024" or the request's title.
    func heading(_ config: Config) -> String {
        period == nil ? reportName(config) : "Báo cáo \(reportName(config))"
    }

    /// The tasks the page asks about: the unit's tasks for a monthly report; none for a
    /// request, whose form has the sections but no task table (DESIGN §13).
    func tasks(_ config: Config) -> [PlanTask] {
        guard period != nil else { return [] }
        return config.tasks.filter { $0.lead == unit || $0.support.contains(unit) }
    }

    /// The front matter lines that name the report (values as YAML double-quoted scalars).
    var frontMatterReport: String {
        switch report {
        case .period(let period): "report: monthly\nperiod: \(JSONValue.string(period.description).rendered)"
        case .request(let id): "report: \(JSONValue.string(id).rendered)"
        }
    }

    /// Whether `submission` is this unit's answer to this report (an upload may be anything).
    func isAnswered(by submission: Submission) -> Bool {
        guard submission.unit == unit else { return false }
        switch report {
        case .period(let period): return submission.report == "monthly" && submission.period == period.description
        case .request(let id): return submission.report == id && submission.period == nil
        }
    }

    /// The store's duty and occurrence for the unit's answer, and the due date (requests only):
    /// nil for a request with no occurrence near `now`.
    func occurrence(config: Config, calendar: WorkingCalendar, now: Date) -> (Duty, String, LocalDate?)? {
        switch report {
        case .period(let period):
            return (.monthlyReport(unit: unit), period.description, nil)
        case .request(let id):
            guard
                let due = WebLinks.requestDue(unit: unit, request: id, config: config, calendar: calendar, now: now)
            else { return nil }
            return (.request(id: id, unit: unit), due.description, due)
        }
    }
}
