import Foundation

/// What every Office page is built from: one generation of the config, the store (nil
/// before the daemon's first run), the moment of the request and who asked.
struct OfficeView {
    let loaded: WebSite.Loaded
    let store: StateStore?
    let now: Date
    let user: String

    var config: Config { loaded.config }
    var clock: WallClock { WallClock(timeZone: config.organization.timeZone) }
    var today: LocalDate { clock.localDate(of: now) }
    var builder: ConsolidatedReportBuilder { loaded.builder }

    /// The header and footer's values.
    func base(title: String) -> [String: Any] {
        [
            "title": title, "organization": config.organization.name, "user": user,
            "generatedAt": WebFormat.dateTime(now, clock), "version": NhacViecVersion.current,
        ]
    }

    func unitName(_ id: String) -> String { config.unit(id)?.name ?? config.group(id)?.name ?? id }

    /// The consolidated report's view of `period` as of now (what a compile now would say).
    func report(_ period: ReportPeriod) throws -> ConsolidatedReport {
        if let store {
            return try builder.build(period: period, asOf: now, data: store)
        }
        return try builder.build(period: period, asOf: now, data: EmptyReportData())
    }

    /// The report's task results for `period` as of now, without the rest of the report.
    func taskResults(_ period: ReportPeriod) throws -> ConsolidatedReport.TaskResults {
        if let store {
            return try builder.taskResults(period: period, asOf: now, data: store)
        }
        return try builder.taskResults(period: period, asOf: now, data: EmptyReportData())
    }

    /// The tasks as judged in the period that contains today, as of now: what the Office's
    /// pages show of them.
    func currentTasks() throws -> ConsolidatedReport.TaskResults {
        try taskResults(ReportPeriod.containing(today, kind: builder.periodKind))
    }

    /// The units' monthly reports for `period` as of now; nil without `reports.monthly`.
    func unitReports(_ period: ReportPeriod) throws -> ConsolidatedReport.ReportTracking? {
        if let store {
            return try builder.unitReports(period: period, asOf: now, data: store)
        }
        return try builder.unitReports(period: period, asOf: now, data: EmptyReportData())
    }

    /// The period whose reports are being collected: the last one that has ended.
    var reportingPeriod: ReportPeriod {
        ReportPeriod.containing(today, kind: builder.periodKind).previous
    }

    /// Each unit's report for one period, as the dashboard and the period page show it.
    /// With a `limit` below the number of units, the units whose report is missing or late
    /// come first and only `limit` rows are listed, with a link (`allHref`) to them all.
    func reportRows(_ tracking: ConsolidatedReport.ReportTracking, limit: Int = .max, allHref: String = "")
        -> [String: Any]
    {
        var lines = tracking.units
        if lines.count > limit {
            let attention: (ConsolidatedReport.UnitReport) -> Int = {
                $0.state == .missing ? 0 : $0.state == .late ? 1 : 2
            }
            lines = Array(
                lines.enumerated().sorted { (attention($0.element), $0.offset) < (attention($1.element), $1.offset) }
                    .prefix(limit).map(\.element))
        }
        let rows: [[String: Any]] = lines.map { line in
            var status = line.vietnameseStatus
            var css = line.state == .onTime ? "ok" : line.state == .late ? "late" : "missing"
            if line.state == .missing, today <= tracking.dueDate {
                status = "Chưa đến hạn"
                css = ""
            }
            return [
                "href": WebFormat.unitHref(line.unit.id), "name": line.unit.name, "status": status, "css": css,
                "received": line.receivedAt.map { WebFormat.dateTime($0, clock) } ?? "",
            ]
        }
        var context: [String: Any] = [
            "due": WebFormat.date(tracking.dueDate), "onTime": tracking.onTimeCount, "late": tracking.lateCount,
            "missing": tracking.missingCount, "units": rows,
        ]
        if tracking.units.count > limit {
            context["more"] = "Xem tình hình nộp báo cáo của tất cả \(tracking.units.count) đơn vị"
            context["moreHref"] = allHref
        }
        return context
    }
}
