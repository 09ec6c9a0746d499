import Foundation

/// Overdue tasks by area, most overdue first: the dashboard shows the first few of each
/// area, `/overdue/<area>` every one of an area a page at a time.
enum OverdueView {
    /// Each area with overdue tasks, its lines most overdue first (then in plan order).
    static func byArea(_ tasks: ConsolidatedReport.TaskResults) -> [(
        area: Area, name: String, lines: [ConsolidatedReport.TaskLine]
    )] {
        tasks.areas.compactMap { area in
            let lines = area.tasks.enumerated().filter { $0.element.status == .overdue }
                .sorted { ($0.element.daysOverdue ?? 0, -$0.offset) > ($1.element.daysOverdue ?? 0, -$1.offset) }
                .map(\.element)
            return lines.isEmpty ? nil : (area.area, area.name, lines)
        }
    }

    static func href(_ area: Area) -> String { "/overdue/\(area.rawValue)" }

    /// The dashboard's `overdueAreas` (at most `limit` tasks each, with a link to the rest) and `overdueCount`.
    static func dashboard(_ tasks: ConsolidatedReport.TaskResults, limit: Int) -> [String: Any] {
        var count = 0
        let areas = byArea(tasks).map { area -> [String: Any] in
            count += area.lines.count
            var context: [String: Any] = ["name": area.name, "tasks": area.lines.prefix(limit).map(row)]
            if area.lines.count > limit {
                context["more"] = "Xem tất cả \(area.lines.count) nhiệm vụ quá hạn của lĩnh vực \(area.name)"
                context["moreHref"] = href(area.area)
            }
            return context
        }
        return ["overdueAreas": areas, "overdueCount": count]
    }

    /// `/overdue/<area>`: nil for a name that is no area.
    static func page(_ view: OfficeView, area name: String, requestedPage: String?) throws -> [String: Any]? {
        guard let area = Area(rawValue: name) else { return nil }
        let lines = byArea(try view.currentTasks()).first { $0.area == area }?.lines ?? []
        var context = view.base(title: "Nhiệm vụ quá hạn: \(area.vietnameseName)")
        let paging = WebPaging(total: lines.count, requested: requestedPage)
        context["overdueCount"] = lines.count
        context["tasks"] = lines[paging.range].map(row)
        context.merge(paging.context(path: href(area))) { $1 }
        return context
    }

    static func row(_ line: ConsolidatedReport.TaskLine) -> [String: Any] {
        [
            "href": WebFormat.taskHref(line.id), "id": line.id, "title": line.title, "lead": line.lead.name,
            "due": line.dueDate.map(WebFormat.date) ?? "", "dueText": line.dueText, "days": line.daysOverdue ?? 0,
        ]
    }
}
