import Foundation

/// A unit's page and the list of units.
enum UnitView {
    static func list(_ view: OfficeView) throws -> [String: Any] {
        var context = view.base(title: "Các đơn vị")
        let current = try view.currentTasks()
        let lines = current.areas.flatMap(\.tasks)
        context["units"] = view.config.units.map { unit -> [String: Any] in
            [
                "href": WebFormat.unitHref(unit.id), "id": unit.id, "name": unit.name,
                "lead": view.config.tasks.count(where: { $0.lead == unit.id }),
                "support": view.config.tasks.count(where: { $0.support.contains(unit.id) }),
                "overdue": lines.count(where: { $0.lead.id == unit.id && $0.status == .overdue }),
            ]
        }
        return context
    }

    /// Nil for an id the config does not know.
    static func page(_ view: OfficeView, id: String, calendarURL: String?) throws -> [String: Any]? {
        guard let unit = view.config.unit(id) else { return nil }
        var context = view.base(title: unit.name)
        context["id"] = unit.id
        if let head = unit.head {
            context["head"] = [head.title, head.name].compactMap { $0 }.joined(separator: " ")
        }
        context["emails"] = unit.email.map(\.address).joined(separator: ", ")
        context["calendarURL"] = calendarURL
        let current = try view.currentTasks()
        let lines = current.areas.flatMap(\.tasks).filter {
            $0.lead.id == unit.id || $0.support.contains { $0.id == unit.id }
        }
        context["taskCount"] = lines.count
        context["tasks"] = lines.map { line -> [String: Any] in
            [
                "href": WebFormat.taskHref(line.id), "id": line.id, "title": line.title,
                "role": line.lead.id == unit.id ? "Chủ trì" : "Phối hợp", "dueText": line.dueText,
                "status": WebFormat.statusName(line.status), "css": WebFormat.statusClass(line.status),
            ]
        }
        context["reports"] = try reports(view, unit: unit.id)
        return context
    }

    /// The unit's monthly reports, newest period first, from the plan year's start (or a year back) to now.
    private static func reports(_ view: OfficeView, unit: String) throws -> [[String: Any]] {
        guard let monthly = view.config.reports.monthly, monthly.from.contains(unit) else { return [] }
        var rows: [[String: Any]] = []
        var period = view.reportingPeriod
        for _ in 0..<12 {
            if let year = view.config.organization.planYear, period.year != year {
                if period.year < year { break }
                period = period.previous
                continue
            }
            let due = view.loaded.calendar.shift(
                view.loaded.calendar.reportDueDate(monthly.due, dayAfterEnd: period.dayAfterEnd),
                view.config.calendar.deadlineOnDayOff)
            let history =
                try view.store?.submissionHistory(duty: .monthlyReport(unit: unit), occurrence: period.description)
                ?? []
            let first = history.map(\.submission.receivedAt).min()
            var status = "Chưa gửi"
            var css = "missing"
            if let first {
                let day = view.clock.localDate(of: first)
                status = day <= due ? "Đúng hạn" : "Chậm \(due.days(until: day)) ngày"
                css = day <= due ? "ok" : "late"
            } else if view.today <= due {
                status = "Chưa đến hạn"
                css = ""
            }
            rows.append([
                "href": WebFormat.periodHref(period.description), "period": period.vietnameseName,
                "due": WebFormat.date(due), "status": status, "css": css,
                "received": first.map { WebFormat.dateTime($0, view.clock) } ?? "", "versions": history.count,
            ])
            period = period.previous
        }
        return rows
    }
}
