import Foundation
import Testing

@testable import NhacViec

/// A builder reuses task results while the statuses they were judged on and the compile day
/// stay the same, and never shows results older than the state: a status written through
/// the store (as `nhacviec task`, a submission or a POST write it), or one dated after the
/// moment asked about and reached as time goes on, is seen by the next call.
@Suite struct ReportKeptResultsTests {
    static func builder() throws -> ConsolidatedReportBuilder {
        let config = try ReportFixture.config()
        return ConsolidatedReportBuilder(
            config: config, calendar: WorkingCalendar(rules: config.calendar.rules), keepsWork: true)
    }

    static func status(_ results: ConsolidatedReport.TaskResults, _ id: String) -> ReportTaskStatus? {
        results.areas.flatMap(\.tasks).first { $0.id == id }?.status
    }

    static let period = ReportFixture.period
    static let asOf = ReportFixture.asOf

    @Test func aStatusWrittenThroughTheStoreShowsInTheNextResults() throws {
        try StoreFixture.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let builder = try Self.builder()
            let first = try builder.taskResults(period: Self.period, asOf: Self.asOf, data: store)
            #expect(Self.status(first, "I.3") == .overdue)
            // Asked again with nothing changed: the same results, one entry kept.
            #expect(
                try builder.taskResults(period: Self.period, asOf: Self.asOf.addingTimeInterval(5), data: store)
                    == first)
            #expect(builder.memo.results.count == 1)

            try store.setTaskStatus(
                taskID: "I.3", status: .done, at: Self.asOf.addingTimeInterval(-3600), source: "cli")
            let after = try builder.taskResults(period: Self.period, asOf: Self.asOf, data: store)
            #expect(Self.status(after, "I.3") == .done)
            #expect(after == (try Self.builder().taskResults(period: Self.period, asOf: Self.asOf, data: store)))
        }
    }

    @Test func aStatusDatedLaterShowsOnceTheMomentAskedAboutReachesIt() throws {
        try StoreFixture.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let builder = try Self.builder()
            try store.setTaskStatus(taskID: "I.3", status: .done, at: Self.asOf.addingTimeInterval(60), source: "cli")
            let before = try builder.taskResults(period: Self.period, asOf: Self.asOf, data: store)
            #expect(Self.status(before, "I.3") == .overdue)
            let later = try builder.taskResults(
                period: Self.period, asOf: Self.asOf.addingTimeInterval(61), data: store)
            #expect(Self.status(later, "I.3") == .done)
            // And back: the earlier moment still gets what was true then.
            #expect(try builder.taskResults(period: Self.period, asOf: Self.asOf, data: store) == before)
        }
    }

    @Test func aNewDayJudgesTheTasksAgainAndTheKeptResultsStayBounded() throws {
        try StoreFixture.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let builder = try Self.builder()
            var overdue: [Int] = []
            for day in 0..<5 {
                let asOf = ReportFixture.at("2024-03-29T09:00:00+07:00").addingTimeInterval(Double(day) * 86_400)
                let results = try builder.taskResults(period: Self.period, asOf: asOf, data: store)
                #expect(results == (try Self.builder().taskResults(period: Self.period, asOf: asOf, data: store)))
                overdue.append(results.totals.overdue)
            }
            // 31/3/2024 (a Sunday) moves to Monday 01/04: I.3 is overdue from 02/04.
            #expect(overdue.first! < overdue.last!)
            #expect(builder.memo.results.count == ReportBuilderMemo.resultLimit)
        }
    }

    @Test func aSourceWithoutAVersionIsJudgedAfreshEveryTime() throws {
        let builder = try Self.builder()
        var data = ReportFixture.data()
        _ = try builder.taskResults(period: Self.period, asOf: Self.asOf, data: data)
        data.history["I.3"] = [RecordedTaskStatus(status: .done, at: Self.asOf.addingTimeInterval(-60))]
        #expect(Self.status(try builder.taskResults(period: Self.period, asOf: Self.asOf, data: data), "I.3") == .done)
        #expect(builder.memo.results.count == 0)
    }

    /// The daemon's and the CLI's builders compile a period now and then: they keep
    /// nothing between calls, so an idle daemon holds no results of last month's report.
    @Test func aBuilderNotMadeToKeepItsWorkKeepsNothing() throws {
        try StoreFixture.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let config = try ReportFixture.config()
            let builder = ConsolidatedReportBuilder(
                config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
            let whole = try builder.build(period: Self.period, asOf: Self.asOf, data: store)
            let results = try builder.taskResults(period: Self.period, asOf: Self.asOf, data: store)
            #expect(results == whole.tasks)
            #expect(builder.memo.results.count == 0)
            #expect(builder.memo.periods.count == 0)
            #expect(try Self.builder().taskResults(period: Self.period, asOf: Self.asOf, data: store) == results)
        }
    }
}
