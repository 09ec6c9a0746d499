import Foundation

/// The working-day calendar of a year: holidays, compensatory days, announced swaps.
enum CalendarView {
    static func page(_ view: OfficeView, year: Int) -> [String: Any] {
        var context = view.base(title: "Lịch làm việc năm \(year)")
        let calendar = view.loaded.calendar
        context["previousYear"] = year - 1
        context["nextYear"] = year + 1
        context["previousHref"] = "/calendar/\(year - 1)"
        context["nextHref"] = "/calendar/\(year + 1)"
        context["entries"] = calendar.entries(year: year).map { entry -> [String: Any] in
            [
                "date": WebFormat.date(entry.date), "weekday": entry.date.weekday.vietnameseName,
                "kind": kindName(entry.kind), "name": entry.name, "css": entry.kind == .workDay ? "ok" : "missing",
            ]
        }
        var total = 0
        var months: [[String: Any]] = []
        for month in 1...12 {
            guard let first = LocalDate(year: year, month: month, day: 1) else { continue }
            let count = calendar.workingDays(from: first, through: first.lastOfMonth)
            total += count
            months.append(["month": month, "workingDays": count])
        }
        context["months"] = months
        context["totalWorkingDays"] = total
        return context
    }

    private static func kindName(_ kind: CalendarEntryKind) -> String {
        switch kind {
        case .holiday: "Ngày lễ, Tết"
        case .compensatory: "Nghỉ bù"
        case .dayOff: "Nghỉ theo thông báo (hoán đổi)"
        case .workDay: "Làm bù theo thông báo"
        }
    }
}
