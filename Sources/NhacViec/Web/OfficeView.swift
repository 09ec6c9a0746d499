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
    var builder: ConsolidatedReportBuilder { ConsolidatedReportBuilder(config: config, calendar: loaded.calendar) }

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

    /// The period whose reports are being collected: the last one that has ended.
    var reportingPeriod: ReportPeriod {
        ReportPeriod.containing(today, kind: builder.periodKind).previous
    }

    /// Each unit's report for one period, as the dashboard and the period page show it.
    func reportRows(_ tracking: ConsolidatedReport.ReportTracking) -> [String: Any] {
        let rows: [[String: Any]] = tracking.units.map { line in
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
        return [
            "due": WebFormat.date(tracking.dueDate), "onTime": tracking.onTimeCount, "late": tracking.lateCount,
            "missing": tracking.missingCount, "units": rows,
        ]
    }
}
