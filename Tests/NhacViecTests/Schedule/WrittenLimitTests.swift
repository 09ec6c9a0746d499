// swift-format-ignore-file: NeverForceUnwrap

import Foundation
import Testing

@testable import NhacViec

/// *Before* forms are written limits (DESIGN §4): off a day off they move back to the
/// last working day before the limit, whatever `deadline_on_day_off` says.
@Suite struct WrittenLimitTests {
    static func occurrence(due: String, rule: String, in window: String) throws -> DutyOccurrence {
        let config = try TestConfig.load(
            TestConfig.yaml(
                calendar: "calendar:\n  deadline_on_day_off: \(rule)",
                tasks: """
                    tasks:
                      - id: I.1
                        area: the_che
                        title: Rà soát văn bản
                        lead: phong-qldt
                        due: \(due)
                    """))
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let month = LocalDate(iso: window + "-01")!
        let occurrences = OccurrenceExpander(config: config, calendar: calendar)
            .occurrences(dueIn: month...month.lastOfMonth)
        return try #require(occurrences.first, "no occurrence of '\(due)' in \(window)")
    }

    @Test(arguments: [
        // 14/12/2024 is a Saturday: Friday 13/12, never Monday 16/12.
        ("Trước ngày 15/12/2024", "2024-12", "2024-12-14", "2024-12-13"),
        ("Trước 15/12/2024", "2024-12", "2024-12-14", "2024-12-13"),
        // 19/10/2024 is a Saturday.
        ("Hằng tháng, trước ngày 20", "2024-10", "2024-10-19", "2024-10-18"),
        // 30/6/2024 is a Sunday.
        ("Trước quý III/2024", "2024-06", "2024-06-30", "2024-06-28"),
        ("Trước tháng 7/2024", "2024-06", "2024-06-30", "2024-06-28"),
        ("Hằng năm, trước ngày 15/12", "2024-12", "2024-12-14", "2024-12-13"),
        // 31/5/2024 is a Friday: nothing to move.
        ("Trước tháng 6/2024", "2024-05", "2024-05-31", "2024-05-31"),
    ])
    func aBeforeFormMovesBackWhateverTheRuleSays(due: String, month: String, nominal: String, moved: String) throws {
        for rule in ["next_working_day", "keep", "previous_working_day"] {
            let occurrence = try Self.occurrence(due: due, rule: rule, in: month)
            #expect(occurrence.nominalDue.description == nominal, "\(rule)")
            #expect(occurrence.due.description == moved, "\(rule)")
        }
    }

    @Test func aPlainDateStillFollowsTheRule() throws {
        // 15/12/2024 is a Sunday.
        #expect(
            try Self.occurrence(due: "15/12/2024", rule: "next_working_day", in: "2024-12").due.description
                == "2024-12-16")
        #expect(try Self.occurrence(due: "15/12/2024", rule: "keep", in: "2024-12").due.description == "2024-12-15")
    }

    @Test func theReminderShowsTheMoveAndTheWrittenText() throws {
        let occurrence = try Self.occurrence(due: "Trước ngày 15/12/2024", rule: "next_working_day", in: "2024-12")
        let config = try TestConfig.load(TestConfig.yaml(tasks: "tasks: []"))
        let shown = MessageComposer(config: config).deadline(occurrence)
        #expect(shown.contains("13/12/2024"), "\(shown)")
        #expect(shown.contains("(Trước ngày 15/12/2024)"), "\(shown)")
        #expect(shown.contains("chuyển lên sớm từ"), "\(shown)")
        #expect(shown.contains("14/12/2024"), "\(shown)")
    }
}
