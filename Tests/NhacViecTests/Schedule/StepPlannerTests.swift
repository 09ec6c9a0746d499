// swift-format-ignore-file: NeverForceUnwrap
import Foundation
import Testing

@testable import NhacViec

@Suite struct StepPlannerTests {
    static let designExample = TestConfig.yaml(
        tasks: """
            tasks:
              - id: II.3
                area: the_che
                title: Rà soát văn bản quy phạm pháp luật
                lead: phong-qldt
                support: [van-phong]
                due: Tháng 3/2024
            """)

    @Test func theDesignExampleGivesItsDocumentedJSONLine() throws {
        let config = try TestConfig.load(Self.designExample)
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let steps = PlanQuery(config: config, calendar: calendar)
            .steps(from: LocalDate(iso: "2024-03-25")!, to: LocalDate(iso: "2024-03-25")!, state: EmptySchedulerState())
        let line = try #require(steps.first.map(PlanFormatter(config: config).jsonLine))
        #expect(steps.count == 1)
        #expect(
            line
                == #"{"at":"2024-03-25T08:00:00+07:00","duty":"task:II.3","occurrence":"2024-04-01","step":"before-5wd","recipient":"phong-qldt","cc":["van-phong"],"due":"2024-04-01","due_text":"Tháng 3/2024","channels":["email","webhook:zalo-van-phong"]}"#
        )
    }

    /// The default policy around the 2024 Tết and 30/4–1/5 breaks, with the announced 2024 schedule.
    @Test(arguments: [
        // Due 09/02/2024 (Tết): moves to Thu 15/02 (first working day after the announced 08–14/02 break).
        (
            "Ngày 09/02/2024", "2024-02-15",
            [
                "before-5wd": "2024-02-01", "before-1wd": "2024-02-07", "due": "2024-02-15", "overdue-1": "2024-02-20",
                "escalation": "2024-02-22",
            ]
        ),
        // Due 30/04/2024: holiday; 27/04–01/05 off, Thu 02/05 is the next working day.
        // Counting back skips the break; counting on counts the make-up Saturday 04/05.
        (
            "30/4/2024", "2024-05-02",
            [
                "before-5wd": "2024-04-22", "before-1wd": "2024-04-26", "due": "2024-05-02", "overdue-1": "2024-05-06",
                "escalation": "2024-05-08",
            ]
        ),
        // Due Fri 03/05: Sat 04/05 is a make-up working day and counts.
        (
            "03/05/2024", "2024-05-03",
            [
                "before-5wd": "2024-04-23", "before-1wd": "2024-05-02", "due": "2024-05-03", "overdue-1": "2024-05-07",
                "overdue-2": "2024-05-10", "escalation": "2024-05-09",
            ]
        ),
        // Due Sun 31/03 (Quý I): moves to Mon 01/04.
        (
            "Quý I/2024", "2024-04-01",
            [
                "before-5wd": "2024-03-25", "before-1wd": "2024-03-29", "due": "2024-04-01", "overdue-1": "2024-04-04",
                "escalation": "2024-04-08",
            ]
        ),
    ])
    func stepDatesFollowWorkingDaysAroundHolidays(due: String, movedTo: String, expected: [String: String]) throws {
        let config = try TestConfig.load(
            TestConfig.yaml(
                calendar: "calendar:\n  include: [\(TestConfig.holidays(2024))]",
                tasks: """
                    tasks:
                      - id: T.1
                        area: tthc
                        title: Nhiệm vụ thử
                        lead: phong-qldt
                        due: \(due)
                    """))
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let occurrences = OccurrenceExpander(config: config, calendar: calendar)
            .occurrences(dueIn: LocalDate(iso: "2024-01-01")!...LocalDate(iso: "2024-12-31")!)
        let occurrence = try #require(occurrences.first)
        #expect(occurrence.due.description == movedTo)
        let steps = StepPlanner(config: config, calendar: calendar).steps(of: occurrence)
        var byKind: [String: String] = [:]
        for step in steps where step.recipient == .unit("phong-qldt") || step.kind == .escalation {
            byKind[step.kind.description] = step.date.description
        }
        for (kind, date) in expected {
            #expect(byKind[kind] == date, "\(kind)")
        }
    }

    @Test func escalationGoesToTheHeadAndToEscalateTo() throws {
        let config = try TestConfig.load(
            TestConfig.yaml(
                policies: """
                    policies:
                      - id: quan-trong
                        escalate_to: [head, office, ban-chi-dao]
                    """,
                tasks: """
                    tasks:
                      - id: T.1
                        area: tthc
                        title: Nhiệm vụ thử
                        lead: phong-qldt
                        support: [phong-tc]
                        due: 28/06/2024
                        policy: quan-trong
                    """))
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let occurrence = try #require(
            OccurrenceExpander(config: config, calendar: calendar).occurrences(
                dueIn: LocalDate(iso: "2024-06-01")!...LocalDate(iso: "2024-07-31")!
            ).first)
        let steps = StepPlanner(config: config, calendar: calendar).steps(of: occurrence)
        let escalations = steps.filter { $0.kind == .escalation }
        #expect(escalations.map(\.recipient) == [.head("phong-qldt"), .unit("van-phong"), .group("ban-chi-dao")])
        #expect(escalations.allSatisfy { $0.cc.isEmpty })
        let ordinary = steps.filter { $0.kind != .escalation }
        #expect(ordinary.allSatisfy { $0.recipient == .unit("phong-qldt") && $0.cc == [.unit("phong-tc")] })
        #expect(escalations.first?.channels == [.email])
    }

    @Test(arguments: [
        ("decree_09", "day 16", "2024-03", "2024-03-18"),  // 16/03/2024 is a Saturday
        ("decree_09", "day 16", "2024-04", "2024-04-16"),
        ("calendar_month", "day 16", "2024-03", "2024-04-16"),
        ("decree_09", "working day 2", "2024-02", "2024-02-16"),  // E = Thu 15/02, a working day after the Tết break
        ("decree_09", "last working day", "2024-08", "2024-08-30"),
        ("calendar_month", "day 31", "2024-01", "2024-02-29"),  // February has no 31st: its last day
    ])
    func monthlyReportDueDatesCountFromTheDayAfterThePeriod(
        period: String, due: String, month: String, expected: String
    ) throws {
        let config = try TestConfig.load(
            TestConfig.yaml(
                calendar: "calendar:\n  include: [\(TestConfig.holidays(2024))]",
                tasks: "tasks: []",
                reports: """
                    reports:
                      monthly:
                        period: \(period)
                        due: \(due)
                    """))
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let occurrences = OccurrenceExpander(config: config, calendar: calendar)
            .occurrences(dueIn: LocalDate(iso: "2024-01-01")!...LocalDate(iso: "2024-12-31")!)
        let matching = occurrences.filter { $0.occurrence == month }
        #expect(Set(matching.map(\.due.description)) == [expected])
        #expect(Set(matching.map(\.duty)) == [.monthlyReport(unit: "phong-qldt"), .monthlyReport(unit: "phong-tc")])
    }

    @Test func aRecurringTaskHasOneOccurrencePerMonthOfThePlanYear() throws {
        let config = try TestConfig.load(
            TestConfig.yaml(
                tasks: """
                    tasks:
                      - id: T.1
                        area: cong_vu
                        title: Cập nhật dữ liệu cán bộ
                        lead: phong-tc
                        due: Hằng tháng, trước ngày 20
                    """))
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let occurrences = OccurrenceExpander(config: config, calendar: calendar)
            .occurrences(dueIn: LocalDate(iso: "2023-06-01")!...LocalDate(iso: "2025-06-30")!)
        #expect(occurrences.count == 12)
        #expect(occurrences.allSatisfy { $0.isRecurring })
        #expect(occurrences.first?.nominalDue.description == "2024-01-19")
        // 19/10/2024 is a Saturday; "trước ngày 20" is a written limit, so Friday 18/10.
        #expect(occurrences.first { $0.nominalDue.month == 10 }?.due.description == "2024-10-18")
    }
}
