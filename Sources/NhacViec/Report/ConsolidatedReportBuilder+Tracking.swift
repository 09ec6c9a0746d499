import Foundation

/// Parts of the report on their own, for the Office's pages and `/metrics`, which show where
/// the plan stands as of now and need neither the appendix, the requests, the difficulties
/// nor the deliveries. Each part is what ``ConsolidatedReportBuilder/build(period:asOf:data:)``
/// puts in the whole report for the same arguments.
extension ConsolidatedReportBuilder {
    /// Section I's task results (`tasks`) for `period` as of `asOf`. Reused while the
    /// compile day and the statuses' version stay those of a recent call (see
    /// ``ReportBuilderMemo``); judged afresh when `data` gives no version.
    package func taskResults(
        period: ReportPeriod, asOf: Date, data: some ReportDataSource
    ) throws -> ConsolidatedReport.TaskResults {
        let judge = {
            let context = try lineContext(period: period, asOf: asOf, statuses: data.taskStatuses)
            return taskResults(context.lines(periodDatesKept(period)), period: period)
        }
        let compiledAt = Self.compileMoment(asOf)
        // The version is read before the statuses: results kept under it are then never
        // older than it (a change recorded in between only makes them newer).
        guard let version = try data.taskStatusesVersion(asOf: compiledAt) else { return try judge() }
        let compileDay = WallClock(timeZone: config.organization.timeZone).localDate(of: compiledAt)
        return try memo.results(
            for: .init(period: period, compileDay: compileDay, statuses: version), judge)
    }

    /// The units' monthly reports for `period` as of `asOf` (`unitReports`); nil without
    /// `reports.monthly`.
    package func unitReports(
        period: ReportPeriod, asOf: Date, data: some ReportDataSource
    ) throws -> ConsolidatedReport.ReportTracking? {
        guard let monthly = config.reports.monthly else { return nil }
        // Whether a report arrived, and when, does not depend on task statuses.
        let context = try lineContext(period: period, asOf: asOf) { _ in [:] }
        return try monthlyTracking(monthly, context: context, data: data).tracking
    }
}
