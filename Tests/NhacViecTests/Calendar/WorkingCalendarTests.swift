import Testing

@testable import NhacViec

@Suite struct WorkingCalendarTests {
    private func offDays(_ calendar: WorkingCalendar, from: String, through: String) throws -> [String] {
        let first = try day(from)
        let last = try day(through)
        return (first.dayNumber...last.dayNumber).map(LocalDate.init(dayNumber:))
            .filter { !calendar.isWorkingDay($0) }.map(\.description)
    }

    @Test func tetSpanningAWeekendPushesTwoCompensatoryDaysAfterTheRun() throws {
        // Tết 2024: Fri 09/02 (30 Chạp) to Tue 13/02, Sat and Sun among them.
        let calendar = WorkingCalendar()
        #expect(
            try offDays(calendar, from: "2024-02-05", through: "2024-02-18") == [
                "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13",
                "2024-02-14", "2024-02-15", "2024-02-17", "2024-02-18",
            ])
        let compensatory = calendar.entries(year: 2024).filter { $0.kind == .compensatory && $0.date.month == 2 }
        #expect(
            compensatory == [
                CalendarEntry(
                    date: try day("2024-02-14"), kind: .compensatory, name: "Nghỉ bù Tết Nguyên đán (mùng 1)"),
                CalendarEntry(
                    date: try day("2024-02-15"), kind: .compensatory, name: "Nghỉ bù Tết Nguyên đán (mùng 2)"),
            ])
    }

    @Test func nationalDayOnAWeekendIsMadeUpOnTheFollowingWeekdays() throws {
        // 2029: 1/9 is a Saturday and 2/9 a Sunday.
        let calendar = WorkingCalendar()
        #expect(
            try offDays(calendar, from: "2029-08-27", through: "2029-09-07") == [
                "2029-09-01", "2029-09-02", "2029-09-03", "2029-09-04",
            ])
        // With only Sunday off, Saturday 1/9 is an ordinary holiday and only 2/9 is made up.
        let sundays = WorkingCalendar(rules: CalendarRules(weekend: [.sunday]))
        #expect(
            try offDays(sundays, from: "2029-08-27", through: "2029-09-07") == [
                "2029-09-01", "2029-09-02", "2029-09-03",
            ])
    }

    @Test func holidaysRunningIntoEachOtherShareOneRun() throws {
        // 2023: Giỗ Tổ on Sat 29/04, 30/4 on Sunday, 1/5 on Monday: two days
        // made up on Tue 02/05 and Wed 03/05, as the government announced.
        let calendar = WorkingCalendar()
        #expect(
            try offDays(calendar, from: "2023-04-24", through: "2023-05-05") == [
                "2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03",
            ])
    }

    @Test func withoutStatutoryHolidaysOnlyTheWeekendIsOff() throws {
        let calendar = WorkingCalendar(rules: CalendarRules(statutoryHolidays: false))
        #expect(calendar.isWorkingDay(try day("2024-04-30")))
        #expect(!calendar.isWorkingDay(try day("2024-05-04")))
        #expect(calendar.entries(year: 2024).isEmpty)
    }

    @Test func anAnnouncedWorkDayOverridesAComputedDayOffAndNothingMovesInItsPlace() throws {
        let rules = CalendarRules(
            daysOff: [AnnouncedDay(date: try day("2024-04-29"), name: "Nghỉ hoán đổi")],
            workDays: [
                AnnouncedDay(date: try day("2024-05-04"), name: "Làm bù"),
                AnnouncedDay(date: try day("2024-02-15"), name: "Làm việc"),
            ]
        )
        let calendar = WorkingCalendar(rules: rules)
        #expect(!calendar.isWorkingDay(try day("2024-04-29")))
        #expect(calendar.isWorkingDay(try day("2024-05-04")))
        #expect(calendar.isWorkingDay(try day("2024-02-15")))
        #expect(calendar.isWorkingDay(try day("2024-02-16")))
    }

    @Test func addingZeroWorkingDaysGivesTheDateItself() throws {
        let calendar = WorkingCalendar()
        let sunday = try day("2024-03-31")
        #expect(calendar.adding(workingDays: 0, to: sunday) == sunday)
        #expect(calendar.adding(workingDays: 1, to: sunday) == (try day("2024-04-01")))
        #expect(calendar.adding(workingDays: -1, to: sunday) == (try day("2024-03-29")))
    }

    @Test func designExampleFiveWorkingDaysBeforeTheMovedDeadline() throws {
        // DESIGN §9: Tháng 3/2024 is due Sunday 31/3, moved to Monday 1/4;
        // five working days before it is Monday 25/3.
        let calendar = WorkingCalendar()
        let due = calendar.nextWorkingDay(onOrAfter: try day("2024-03-31"))
        #expect(due == (try day("2024-04-01")))
        #expect(calendar.adding(workingDays: -5, to: due) == (try day("2024-03-25")))
    }

    @Test func nthWorkingDayCountsTheStartWhenItIsAWorkingDay() throws {
        let calendar = WorkingCalendar()
        // 15/02/2024 is the second compensatory day; the first working day after Tết is Fri 16/02.
        #expect(calendar.nthWorkingDay(1, onOrAfter: try day("2024-02-09")) == (try day("2024-02-16")))
        #expect(calendar.nthWorkingDay(2, onOrAfter: try day("2024-02-09")) == (try day("2024-02-19")))
        #expect(calendar.nthWorkingDay(1, onOrAfter: try day("2024-03-15")) == (try day("2024-03-15")))
    }

    @Test func workingDaysCountsBothEndsAndIsZeroForAnEmptyRange() throws {
        let calendar = WorkingCalendar()
        #expect(calendar.workingDays(from: try day("2024-03-25"), through: try day("2024-03-31")) == 5)
        #expect(calendar.workingDays(from: try day("2024-03-25"), through: try day("2024-03-25")) == 1)
        #expect(calendar.workingDays(from: try day("2024-03-26"), through: try day("2024-03-25")) == 0)
        // 2024 has 262 weekdays; 11 statutory days less the three on weekends, plus two compensatory days.
        #expect(calendar.workingDays(from: try day("2024-01-01"), through: try day("2024-12-31")) == 262 - 8 - 3)
    }

    @Test func lastWorkingDayOfTheMonthSkipsTheWeekendAndHolidays() throws {
        let calendar = WorkingCalendar()
        #expect(calendar.lastWorkingDay(ofMonthContaining: try day("2024-03-05")) == (try day("2024-03-29")))
        #expect(calendar.lastWorkingDay(ofMonthContaining: try day("2024-04-01")) == (try day("2024-04-29")))
    }

    @Test func datesFarOutsideTheTableStillAnswer() throws {
        let calendar = WorkingCalendar()
        let tet2500 = LunarCalendar.newYear(ofLunarYear: 2500)
        #expect(!calendar.isWorkingDay(tet2500))
        let monday = try day("1800-01-06")
        #expect(calendar.isWorkingDay(monday))
        #expect(calendar.adding(workingDays: 5, to: monday) == (try day("1800-01-13")))
        // Across the end of the table: Mon 27/12/2100 to Fri 31/12, then
        // 1/1/2101 is a Saturday made up on Monday 3/1, leaving Tue 4 to Fri 7.
        let lastTabulated = try day("2100-12-31")
        #expect(calendar.workingDays(from: lastTabulated.adding(days: -6), through: lastTabulated.adding(days: 7)) == 9)
        #expect(!calendar.isWorkingDay(try day("2101-01-03")))
    }

    @Test func entriesListHolidaysCompensatoryAndAnnouncedDaysOncePerDate() throws {
        let rules = CalendarRules(
            daysOff: [
                AnnouncedDay(date: try day("2024-04-29"), name: "Nghỉ hoán đổi"),
                AnnouncedDay(date: try day("2024-04-30"), name: "Trùng ngày lễ"),
            ],
            workDays: [AnnouncedDay(date: try day("2024-02-15"), name: "Làm việc")]
        )
        let entries = WorkingCalendar(rules: rules).entries(year: 2024)
        #expect(
            entries.map { "\($0.date) \($0.kind.rawValue)" } == [
                "2024-01-01 holiday",
                "2024-02-09 holiday", "2024-02-10 holiday", "2024-02-11 holiday", "2024-02-12 holiday",
                "2024-02-13 holiday",
                "2024-02-14 compensatory", "2024-02-15 work_day",
                "2024-04-18 holiday", "2024-04-29 day_off", "2024-04-30 holiday", "2024-05-01 holiday",
                "2024-09-01 holiday", "2024-09-02 holiday", "2024-09-03 compensatory",
            ])
        #expect(entries.first { $0.date == (try? day("2024-04-30")) }?.name == "Ngày Chiến thắng (30/4)")
    }

    @Test func twoHolidaysOnOneDateAreOneDayOffWithBothNames() throws {
        // 1947 is the only year of 1900–2100 with Giỗ Tổ on 30/4 (a Wednesday).
        let entries = WorkingCalendar().entries(year: 1947).filter { $0.date.month == 4 || $0.date.month == 5 }
        #expect(
            entries.map { "\($0.date) \($0.kind.rawValue) \($0.name)" } == [
                "1947-04-30 holiday Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)",
                "1947-05-01 holiday Ngày Quốc tế Lao động (1/5)",
            ])
    }
}
