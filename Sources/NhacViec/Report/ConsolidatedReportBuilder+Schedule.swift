import Foundation

extension ConsolidatedReportBuilder {
    /// How the config cuts periods: `reports.monthly.period`, or Decree 09 without a monthly report.
    package var periodKind: ReportPeriodKind {
        config.reports.monthly?.period ?? .decree09
    }

    /// The day the report for `period` is compiled and sent: `reports.consolidated.compile`
    /// counted from the day after the period ends, moved off a day off like every due date.
    /// Nil without `reports.consolidated`.
    package func compileDay(for period: ReportPeriod) -> LocalDate? {
        guard let settings = config.reports.consolidated else { return nil }
        let nominal = calendar.reportDueDate(settings.compile, dayAfterEnd: period.dayAfterEnd)
        return calendar.shift(nominal, config.calendar.deadlineOnDayOff)
    }

    /// The compile moment: the compile day at `delivery.send_time`, local time.
    package func compileMoment(for period: ReportPeriod) -> Date? {
        compileDay(for: period).map {
            WallClock(timeZone: config.organization.timeZone).instant(on: $0, at: config.delivery.sendTime)
        }
    }
}
