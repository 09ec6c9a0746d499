import Foundation
import Testing

@testable import NhacViec

@Suite struct SubmissionTargetTests {
    private func target(_ yaml: String, fileName: String = "bc.yaml", receivedAt: String) throws -> SubmissionTarget {
        let config = try IntakeTestSupport.config()
        let submission = try SubmissionParser.parse(
            text: yaml, fileName: fileName, config: config, receivedAt: IntakeTestSupport.at(receivedAt))
        return try SubmissionTarget.resolve(
            submission, config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
    }

    private func monthly(_ period: String, receivedAt: String = "2024-04-20T09:00:00+07:00") throws
        -> SubmissionTarget
    {
        try target("unit: phong-qldt\nreport: monthly\nperiod: \(period)\n", receivedAt: receivedAt)
    }

    private func request(_ id: String, receivedAt: String) throws -> SubmissionTarget {
        try target("unit: phong-qldt\nreport: \(id)\n", receivedAt: receivedAt)
    }

    @Test func aMonthlyReportAnswersItsPeriodDueOnTheSixteenth() throws {
        let target = try monthly("2024-04")
        #expect(target.duty == .monthlyReport(unit: "phong-qldt"))
        #expect(target.occurrence == "2024-04")
        #expect(target.due == LocalDate(iso: "2024-04-16"))
    }

    @Test func aMonthlyDueDateOnASaturdayMovesToMonday() throws {
        // Period 2024-03 (decree 09) ends 14/03; day 16 is Saturday 16/03, moved to Monday 18/03.
        let target = try monthly("2024-03")
        #expect(target.occurrence == "2024-03")
        #expect(target.due == LocalDate(iso: "2024-03-18"))
        #expect(target.dutyOccurrence.nominalDue == LocalDate(iso: "2024-03-16"))
    }

    @Test func aDatedRequestAnswersItsDueDate() throws {
        let target = try request("bc-ddci", receivedAt: "2024-05-02T10:00:00+07:00")
        #expect(target.duty == .request(id: "bc-ddci", unit: "phong-qldt"))
        #expect(target.occurrence == "2024-05-10")
        #expect(target.due == LocalDate(iso: "2024-05-10"))
    }

    @Test func aRequestDueOnASaturdayIsTheMondayOccurrence() throws {
        let target = try request("bc-cuoi-tuan", receivedAt: "2024-03-15T10:00:00+07:00")
        #expect(target.occurrence == "2024-03-18")
        #expect(target.due == LocalDate(iso: "2024-03-18"))
    }

    @Test(arguments: [
        // Q1 ends Sunday 31/03 → Monday 01/04; Q2 ends Sunday 30/06 → Monday 01/07.
        ("2024-04-03T09:00:00+07:00", "2024-04-01", true),
        ("2024-03-20T09:00:00+07:00", "2024-04-01", false),
        ("2024-06-20T09:00:00+07:00", "2024-07-01", false),
        ("2024-05-20T09:00:00+07:00", "2024-07-01", false),
        ("2024-05-10T09:00:00+07:00", "2024-04-01", true),
    ])
    func aRecurringRequestAnswersTheOccurrenceDueNearest(_ received: String, _ occurrence: String, _ late: Bool)
        throws
    {
        let target = try request("bc-quy", receivedAt: received)
        #expect(target.occurrence == occurrence)
        #expect(target.isLate(try IntakeTestSupport.at(received)) == late)
    }

    /// Due Tuesday 16/04/2024: the whole due day, local time, is on time.
    @Test(arguments: [
        ("2024-04-10T09:00:00+07:00", false, 0),
        ("2024-04-16T00:00:00+07:00", false, 0),
        ("2024-04-16T23:59:59+07:00", false, 0),
        ("2024-04-16T16:59:59Z", false, 0),
        ("2024-04-17T00:00:00+07:00", true, 1),
        ("2024-04-16T17:00:00Z", true, 1),
        ("2024-04-19T10:00:00+07:00", true, 3),
    ])
    func receivedAfterTheEndOfTheDueDayIsLate(_ received: String, _ late: Bool, _ days: Int) throws {
        let target = try monthly("2024-04")
        let instant = try IntakeTestSupport.at(received)
        #expect(target.isLate(instant) == late)
        #expect(target.daysLate(instant) == days)
    }

    /// Due nominally Saturday 16/03/2024, moved to Monday 18/03: late only from Tuesday.
    @Test(arguments: [
        ("2024-03-16T10:00:00+07:00", false, 0),
        ("2024-03-17T23:00:00+07:00", false, 0),
        ("2024-03-18T23:59:59+07:00", false, 0),
        ("2024-03-19T00:00:00+07:00", true, 1),
        ("2024-03-22T08:00:00+07:00", true, 4),
    ])
    func aMovedDueDateCountsFromTheMovedDay(_ received: String, _ late: Bool, _ days: Int) throws {
        let target = try monthly("2024-03", receivedAt: received)
        let instant = try IntakeTestSupport.at(received)
        #expect(target.isLate(instant) == late)
        #expect(target.daysLate(instant) == days)
    }

    /// The occurrence is the scheduler's own: marking it received stops exactly its reminders.
    @Test func receivingTheTargetStopsTheSchedulersReminders() throws {
        let config = try IntakeTestSupport.config()
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let query = PlanQuery(config: config, calendar: calendar)
        let from = try #require(LocalDate(iso: "2024-03-01"))
        let to = try #require(LocalDate(iso: "2024-05-31"))
        for target in [
            try monthly("2024-03"), try monthly("2024-04"),
            try request("bc-cuoi-tuan", receivedAt: "2024-03-15T10:00:00+07:00"),
            try request("bc-ddci", receivedAt: "2024-05-02T10:00:00+07:00"),
        ] {
            func steps(_ state: MemoryState) -> [ScheduledStep] {
                query.steps(from: from, to: to, state: state).filter {
                    $0.occurrence.duty == target.duty && $0.occurrence.occurrence == target.occurrence
                }
            }
            #expect(!steps(MemoryState()).isEmpty, "\(target.duty) \(target.occurrence) has no steps")
            var state = MemoryState()
            state.received.insert("\(target.duty)/\(target.occurrence)")
            #expect(steps(state).isEmpty, "\(target.duty) \(target.occurrence) still reminded")
        }
    }

    @Test func aSubmissionTheConfigGivesNoOccurrenceIsRefused() throws {
        let config = try IntakeTestSupport.config()
        // Not through the parser (which rejects it): the office does not send the monthly report.
        let submission = Submission(
            unit: "van-phong", report: "monthly", period: "2024-03", tasks: [], difficulties: [], proposals: [],
            body: "", receivedAt: try IntakeTestSupport.at("2024-04-01T09:00:00+07:00"), sourceName: "x.md")
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionTarget.resolve(
                submission, config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        }
        #expect(
            error.description
                == "x.md: error: report: theo cấu hình hiện hành, đơn vị 'van-phong' không phải gửi báo cáo 'monthly 2024-03'"
        )
        let english = try IntakeTestSupport.config(language: .english)
        let inEnglish = try #require(throws: SubmissionError.self) {
            try SubmissionTarget.resolve(
                submission, config: english, calendar: WorkingCalendar(rules: english.calendar.rules))
        }
        #expect(
            inEnglish.description
                == "x.md: error: report: unit 'van-phong' owes no report 'monthly 2024-03' under this config")
    }
}
