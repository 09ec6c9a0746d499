import Foundation

/// What a ``ConsolidatedReportBuilder`` works out once and keeps, for as long as the
/// builder lives, when it was made to keep its work (`serve` keeps one such builder per
/// config generation; a reload brings a new one). The daemon and the CLI compile a
/// period once in a while and keep nothing: a few megabytes of results held between
/// monthly compiles would be most of the idle daemon's private memory (issue 15).
/// What is kept:
/// - the config's facts, and the tasks' due dates of the few periods asked about lately:
///   they depend only on the config, the calendar and the period;
/// - the task results of the last moments asked about, keyed by the period, the compile
///   day and the ``TaskStatusesVersion`` of the statuses they were judged on: those are
///   all the results depend on, so a status recorded since, by any process, changes the
///   key and the results are judged again.
///
/// The Office's pages ask about the period being reported on and the current one.
final class ReportBuilderMemo: Sendable {
    static let periodLimit = 4
    static let resultLimit = 2

    /// The inputs ``ConsolidatedReportBuilder/taskResults(period:asOf:data:)`` depends on.
    struct ResultKey: Hashable, Sendable {
        let period: ReportPeriod
        let compileDay: LocalDate
        let statuses: TaskStatusesVersion
    }

    /// Whether anything is kept; when not, every value is worked out when asked for.
    let keeps: Bool
    private let facts = RecentValues<Bool, ReportPlanFacts>(limit: 1)
    let periods = RecentValues<ReportPeriod, ReportPeriodDates>(limit: periodLimit)
    let results = RecentValues<ResultKey, ConsolidatedReport.TaskResults>(limit: resultLimit)

    init(keeps: Bool) {
        self.keeps = keeps
    }

    /// The facts, worked out by `make` the first time.
    func facts(_ make: () -> ReportPlanFacts) -> ReportPlanFacts {
        keeps ? facts.value(for: true, make) : make()
    }

    /// The due dates of `period`, worked out by `make` when not kept.
    func dates(of period: ReportPeriod, _ make: () -> ReportPeriodDates) -> ReportPeriodDates {
        keeps ? periods.value(for: period, make) : make()
    }

    /// The task results judged under `key`, worked out by `make` when not kept.
    func results(
        for key: ResultKey, _ make: () throws -> ConsolidatedReport.TaskResults
    ) rethrows -> ConsolidatedReport.TaskResults {
        keeps ? try results.value(for: key, make) : try make()
    }
}
