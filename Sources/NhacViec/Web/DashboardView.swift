import Foundation

/// The current period at a glance (DESIGN §15): each unit's report, overdue tasks by area,
/// the next 10 working days' deadlines, open difficulties, deliveries retrying or dead.
///
/// A glance page whatever the state's size: every list shows at most a few rows (those
/// that need attention first) with its full count and a link to the page that lists all.
enum DashboardView {
    /// Units' reports listed before the rest are left to the period's page.
    static let unitLimit = 30
    /// Overdue tasks listed per area.
    static let overduePerArea = 10
    static let upcomingLimit = 20
    static let difficultyLimit = 10
    static let deliveryLimit = 10

    static func context(_ view: OfficeView) throws -> [String: Any] {
        var context = view.base(title: "Tổng quan tình hình thực hiện")
        let period = view.reportingPeriod
        context["periodName"] = period.vietnameseName
        context["periodStart"] = WebFormat.date(period.start)
        context["periodEnd"] = WebFormat.date(period.end)
        context["today"] = "\(view.today.weekday.vietnameseName), \(WebFormat.date(view.today))"
        context["lastPass"] = try view.store?.lastRun().map { WebFormat.dateTime($0, view.clock) } ?? "chưa chạy"
        if let tracking = try view.unitReports(period) {
            context["reports"] = view.reportRows(
                tracking, limit: unitLimit, allHref: WebFormat.periodHref(period.description))
        }

        // Tasks are judged in the period that contains today, as of now.
        context.merge(OverdueView.dashboard(try view.currentTasks(), limit: overduePerArea)) { $1 }
        context.merge(try UpcomingView.dashboard(view, limit: upcomingLimit)) { $1 }

        let difficulties = try DifficultyView.openRows(view)
        context["difficulties"] = Array(difficulties.prefix(difficultyLimit))
        context["difficultyCount"] = difficulties.count
        if difficulties.count > difficultyLimit {
            context["difficultiesMore"] = "Xem tất cả \(difficulties.count) vướng mắc chưa giải quyết"
            context["difficultiesMoreHref"] = "/difficulties"
        }

        context.merge(try DeliveryView.dashboard(view, limit: deliveryLimit)) { $1 }
        return context
    }
}
