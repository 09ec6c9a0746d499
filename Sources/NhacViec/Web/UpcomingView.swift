import Foundation

/// The deadlines of the next 10 working days (tasks, unit reports, requests), in date
/// order: the first few on the dashboard, every one on `/upcoming` a page at a time. A
/// row's state is looked up only for the rows shown.
enum UpcomingView {
    static let path = "/upcoming"
    static let workingDays = 10

    /// The dashboard's `upcoming`, `upcomingEnd`, `upcomingCount` and, when some are left out, `upcomingMore*`.
    static func dashboard(_ view: OfficeView, limit: Int) throws -> [String: Any] {
        let (end, occurrences) = due(view)
        var context: [String: Any] = [
            "upcomingEnd": WebFormat.date(end), "upcomingCount": occurrences.count,
            "upcoming": try rows(view, occurrences.prefix(limit)),
        ]
        if occurrences.count > limit {
            context["upcomingMore"] = "Xem tất cả \(occurrences.count) thời hạn trong \(workingDays) ngày làm việc tới"
            context["upcomingMoreHref"] = path
        }
        return context
    }

    static func page(_ view: OfficeView, requestedPage: String?) throws -> [String: Any] {
        let (end, occurrences) = due(view)
        var context = view.base(title: "Thời hạn trong \(workingDays) ngày làm việc tới (đến \(WebFormat.date(end)))")
        let paging = WebPaging(total: occurrences.count, requested: requestedPage)
        context["upcomingCount"] = occurrences.count
        context["upcoming"] = try rows(view, occurrences[paging.range])
        context.merge(paging.context(path: path)) { $1 }
        return context
    }

    /// The last day counted and the occurrences due from today through it that a unit owes.
    private static func due(_ view: OfficeView) -> (LocalDate, [DutyOccurrence]) {
        let end = view.loaded.calendar.adding(workingDays: workingDays, to: view.today)
        let occurrences = OccurrenceExpander(config: view.config, calendar: view.loaded.calendar)
            .occurrences(dueIn: view.today...end)
            .filter {
                switch $0.duty {
                case .task, .monthlyReport, .request: true
                case .consolidatedReport, .difficulty: false
                }
            }
            .sorted { ($0.due, $0.duty.description) < ($1.due, $1.duty.description) }
        return (end, occurrences)
    }

    private static func rows(_ view: OfficeView, _ occurrences: ArraySlice<DutyOccurrence>) throws -> [[String: Any]] {
        return try occurrences.map { occurrence in
            var row: [String: Any] = [
                "date": WebFormat.date(occurrence.due), "weekday": occurrence.due.weekday.vietnameseName,
                "dueText": occurrence.dueText, "unit": view.unitName(occurrence.responsibleUnit),
            ]
            if case .task(let id) = occurrence.duty {
                row["label"] = "\(id) · \(occurrence.title)"
                row["href"] = WebFormat.taskHref(id)
                // The few rows shown each read their own task's history: cheaper than every task's latest.
                let latest = try view.store?.taskHistory(taskID: id).last
                row["status"] = (latest?.status ?? .notStarted).vietnameseName
            } else {
                row["label"] = occurrence.title
                let received =
                    try view.store?.reportReceived(occurrence.duty, occurrence: occurrence.occurrence) ?? false
                row["status"] = received ? "Đã nhận" : "Chưa nhận"
            }
            return row
        }
    }
}
