import Foundation
import Testing

@testable import NhacViec

/// The report's parts on their own (what the Office's pages and `/metrics` show) and the
/// builder that keeps what it works out of the config: both must say exactly what a
/// whole report from a fresh builder says.
@Suite struct ReportBuilderPartsTests {
    static func freshBuilder() throws -> ConsolidatedReportBuilder {
        let config = try ReportFixture.config()
        return ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
    }

    /// A builder like the Office's pages keep: it keeps what it works out between calls.
    static func keepingBuilder() throws -> ConsolidatedReportBuilder {
        let config = try ReportFixture.config()
        return ConsolidatedReportBuilder(
            config: config, calendar: WorkingCalendar(rules: config.calendar.rules), keepsWork: true)
    }

    /// March 2024 from its first days to after its report was compiled, through the
    /// days its tasks fall due and its reports arrive.
    static let moments = [
        "2024-03-05T09:00:00+07:00", "2024-03-29T09:00:00+07:00", "2024-04-01T09:00:00+07:00",
        "2024-04-16T23:59:59+07:00", "2024-04-18T09:00:00+07:00", "2024-05-02T09:00:00+07:00",
    ].map(ReportFixture.at)

    @Test(arguments: moments) func taskResultsAndUnitReportsAreThoseOfTheWholeReport(asOf: Date) throws {
        let builder = try Self.keepingBuilder()
        let data = ReportFixture.data()
        let whole = try Self.freshBuilder().build(period: ReportFixture.period, asOf: asOf, data: data)
        #expect(try builder.taskResults(period: ReportFixture.period, asOf: asOf, data: data) == whole.tasks)
        #expect(try builder.unitReports(period: ReportFixture.period, asOf: asOf, data: data) == whole.unitReports)
        #expect(whole.unitReports != nil)
    }

    @Test func aBuilderAskedAboutMorePeriodsThanItKeepsSaysWhatFreshOnesSay() throws {
        let builder = try Self.keepingBuilder()
        let data = ReportFixture.data()
        var period = ReportPeriod(year: 2024, month: 1, kind: .calendarMonth)
        var periods: [ReportPeriod] = []
        for _ in 0..<(ReportBuilderMemo.periodLimit + 2) {
            periods.append(period)
            period = period.next
        }
        // Forward, then back to the first ones, which the builder has let go by then.
        for period in periods + periods.prefix(2) {
            let asOf = WallClock(timeZone: builder.config.organization.timeZone)
                .startOfDay(period.dayAfterEnd.adding(days: 17))
            let kept = try builder.build(period: period, asOf: asOf, data: data)
            let fresh = try Self.freshBuilder().build(period: period, asOf: asOf, data: data)
            #expect(kept == fresh, "\(period)")
        }
    }

    @Test func aStatusRecordedAfterAReportWasBuiltShowsInTheNextOne() throws {
        let builder = try Self.keepingBuilder()
        var data = ReportFixture.data()
        let before = try builder.taskResults(period: ReportFixture.period, asOf: ReportFixture.asOf, data: data)
        let line = { (results: ConsolidatedReport.TaskResults) in
            results.areas.flatMap(\.tasks).first { $0.id == "I.3" }
        }
        #expect(line(before)?.status == .overdue)

        data.history["I.3"] = [
            RecordedTaskStatus(status: .done, at: ReportFixture.asOf.addingTimeInterval(-60))
        ]
        let after = try builder.taskResults(period: ReportFixture.period, asOf: ReportFixture.asOf, data: data)
        #expect(line(after)?.status == .done)
        #expect(after.totals.overdue == before.totals.overdue - 1)
        #expect(
            after
                == (try Self.freshBuilder().build(period: ReportFixture.period, asOf: ReportFixture.asOf, data: data)
                    .tasks))
    }
}
