import Foundation

/// Parts of the report on their own, for the Office's pages and `/metrics`, which show where
/// the plan stands as of now and need neither the appendix, the requests, the difficulties
/// nor the deliveries. Each part is what ``ConsolidatedReportBuilder/build(period:asOf:data:)``
/// puts in the whole report for the same arguments.
extension ConsolidatedReportBuilder {
    /// Section I's task results (`tasks`) for `period` as of `asOf`.
    package func taskResults(
        period: ReportPeriod, asOf: Date, data: some ReportDataSource
    ) throws -> ConsolidatedReport.TaskResults {
        let context = try lineContext(period: period, asOf: asOf, statuses: data.taskStatuses)
        return taskResults(context.lines(periodDatesKept(period)), period: period)
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
