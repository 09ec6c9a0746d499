import Testing

@testable import NhacViec

@Suite struct AnnouncedScheduleTests {
    private func issues(_ yaml: String) -> [AnnouncedScheduleError.Issue] {
        do {
            _ = try AnnouncedSchedule.parse(yaml: yaml)
            return []
        } catch {
            return error.issues
        }
    }

    @Test func aValidScheduleParsesIntoAnnouncedDays() throws {
        let schedule = try AnnouncedSchedule.parse(
            yaml: """
                # Nguồn: ...
                year: 2025
                days_off:
                  - { date: 2025-01-27, name: "Nghỉ Tết Nguyên đán (28 tháng Chạp)" }
                work_days:
                  - date: 2025-02-03
                    name: Làm việc bình thường
                """)
        #expect(schedule.year == 2025)
        #expect(
            schedule.daysOff == [AnnouncedDay(date: try day("2025-01-27"), name: "Nghỉ Tết Nguyên đán (28 tháng Chạp)")]
        )
        #expect(schedule.workDays == [AnnouncedDay(date: try day("2025-02-03"), name: "Làm việc bình thường")])
    }

    @Test func emptyListsAreAllowed() throws {
        let schedule = try AnnouncedSchedule.parse(yaml: "year: 2027\ndays_off:\nwork_days: []\n")
        #expect(schedule.daysOff.isEmpty && schedule.workDays.isEmpty)
    }

    @Test func everyProblemIsReportedAtTheOffendingNode() {
        let found = issues(
            """
            year: 2025
            holidays: vietnam
            days_off:
              - { date: 2024-12-31, name: "Năm trước" }
              - { date: 2025-02-30, name: "Không có ngày này" }
              - { date: 2025-01-27 }
              - { date: 2025-05-02, name: "Hoán đổi", note: "x" }
              - { date: 2025-05-02, name: "Lặp lại" }
            work_days:
              - { date: 2025-05-02, name: "Vừa nghỉ vừa làm" }
              - { date: 2025-04-26, name: "" }
            """)
        #expect(
            found == [
                .init(message: "unknown key 'holidays' (known: year, days_off, work_days)", line: 2, column: 1),
                .init(message: "days_off[0].date: 2024-12-31 is not in 2025", line: 4, column: 13),
                .init(message: "days_off[1].date: '2025-02-30' is not a date (YYYY-MM-DD)", line: 5, column: 13),
                .init(message: "days_off[2].name: missing", line: 6, column: 5),
                .init(message: "days_off[3]: unknown key 'note' (known: date, name)", line: 7, column: 43),
                .init(message: "days_off[4].date: 2025-05-02 is listed twice in days_off", line: 8, column: 13),
                .init(message: "work_days: 2025-05-02 is also in days_off", line: 10, column: 13),
                .init(message: "work_days[1].name: must be a non-empty text", line: 11, column: 31),
            ])
    }

    @Test func theErrorExposesItsFirstIssue() {
        do {
            _ = try AnnouncedSchedule.parse(yaml: "year: 2025\ndays_off: yes\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "days_off: must be a list of { date, name }")
            #expect(error.line == 2 && error.column == 11)
        }
    }

    @Test(arguments: [
        ("days_off: []\n", "year: missing", 1, 1),
        ("year: hai nghìn\n", "year: 'hai nghìn' is not a year", 1, 7),
        ("- 2025\n", "the schedule must be a mapping with year, days_off and work_days", 1, 1),
        ("", "the schedule is empty", 1, 1),
        ("year: 2025\nyear: 2026\n", "duplicate key: year", 1, 1),
        ("year: [2025\n", "invalid YAML: did not find expected ',' or ']'", 2, 1),
    ])
    func malformedFilesAreRejectedWithAPosition(yaml: String, message: String, line: Int, column: Int) {
        #expect(issues(yaml) == [.init(message: message, line: line, column: column)])
    }
}
