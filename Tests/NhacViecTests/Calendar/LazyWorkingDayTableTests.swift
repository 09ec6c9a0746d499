import Testing

@testable import NhacViec

/// The calendar tabulates only the years it is asked about and grows on demand;
/// its answers are those of the table of 1900–2100 every calendar built up front
/// before (issue 15: that table was 290 KiB of the idle daemon's memory).
@Suite struct LazyWorkingDayTableTests {
    /// What every calendar tabulated up front before: 1900–2100 in one table.
    private static func fullTable(_ rules: CalendarRules) -> WorkingDayTable {
        WorkingDayTable(
            years: 1900...2100, weekend: rules.weekend, statutoryHolidays: rules.statutoryHolidays,
            announcedOff: Set(rules.daysOff.map(\.date.dayNumber)),
            announcedWork: Set(rules.workDays.map(\.date.dayNumber)))
    }

    @Test func aCalendarTabulatesTheYearAskedAboutAndItsNeighboursOnly() throws {
        let calendar = WorkingCalendar()
        #expect(calendar.tabulatedYears == nil)
        #expect(calendar.isWorkingDay(try day("2024-04-03")))
        #expect(calendar.tabulatedYears == 2023...2025)
        // A copy shares the table: what one copy grew, the other holds.
        let copy = calendar
        #expect(!copy.isWorkingDay(LunarCalendar.newYear(ofLunarYear: 2027)))
        #expect(calendar.tabulatedYears == 2023...2027)
        // Counting back across the span's start grows it year by year.
        let start = try day("2023-01-03")
        let full = Self.fullTable(CalendarRules())
        let expected = try #require(full.nthWorking(300, onOrBefore: start.dayNumber - 1))
        #expect(calendar.adding(workingDays: -300, to: start).dayNumber == expected)
        #expect(calendar.tabulatedYears == LocalDate(dayNumber: expected).year...2027)
    }

    @Test func aYearFarFromTheSpanIsAnsweredWithoutGrowingIt() throws {
        let calendar = WorkingCalendar()
        #expect(calendar.isWorkingDay(try day("2024-04-03")))
        #expect(!calendar.isWorkingDay(try day("1905-01-01")))
        #expect(!calendar.isWorkingDay(try day("2099-09-02")))
        #expect(calendar.tabulatedYears == 2023...2025)
    }

    /// Every day of 1900–2100 and random counts and steps, asked in an order that
    /// grows the table in both directions and from far away, agree with the full
    /// table under each of the oracle tests' rule sets.
    @Test(arguments: 0..<WorkingCalendarOracleTests.ruleSets.count)
    func answersAfterGrowingMatchTheFullTable(index: Int) throws {
        let (label, rules) = WorkingCalendarOracleTests.ruleSets[index]
        let full = Self.fullTable(rules)
        let calendar = WorkingCalendar(rules: rules)
        #expect(calendar.isWorkingDay(try day("2024-06-15")) == full.isWorking(try day("2024-06-15").dayNumber))
        var generator = SeededGenerator(seed: UInt64(2000 + index))
        var failures: [String] = []
        for _ in 0..<2_000 {
            // Mostly near the first year (growing step by step), sometimes anywhere.
            let near = Int.random(in: 0..<4, using: &generator) != 0
            let year =
                near ? Int.random(in: 2000...2050, using: &generator) : Int.random(in: 1901...2099, using: &generator)
            let date = LocalDate(
                dayNumber: (LocalDate(year: year, month: 1, day: 1)?.dayNumber ?? 0)
                    + Int.random(in: 0..<365, using: &generator))
            let span = Int.random(in: 0...800, using: &generator)
            let end = LocalDate(dayNumber: min(date.dayNumber + span, full.lastDay))
            if calendar.workingDays(from: date, through: end)
                != full.count(from: date.dayNumber, through: end.dayNumber)
            {
                failures.append("workingDays(from: \(date), through: \(end))")
            }
            let n = Int.random(in: 1...400, using: &generator)
            if let expected = full.nthWorking(n, onOrAfter: date.dayNumber),
                calendar.nthWorkingDay(n, onOrAfter: date).dayNumber != expected
            {
                failures.append("nthWorkingDay(\(n), onOrAfter: \(date))")
            }
            if let expected = full.nthWorking(n, onOrBefore: date.dayNumber),
                calendar.adding(workingDays: -n, to: date.adding(days: 1)).dayNumber != expected
            {
                failures.append("adding(workingDays: -\(n), to: \(date.adding(days: 1)))")
            }
            if failures.count > 10 { break }
        }
        for number in full.firstDay...full.lastDay
        where calendar.isWorkingDay(LocalDate(dayNumber: number)) != full.isWorking(number) {
            failures.append("isWorkingDay(\(LocalDate(dayNumber: number)))")
            if failures.count > 20 { break }
        }
        #expect(failures.isEmpty, "\(label): \(failures)")
    }

    @Test func joinedSpansCountAcrossTheirSeam() throws {
        let rules = CalendarRules()
        let full = Self.fullTable(rules)
        let joined = WorkingDayTable(
            years: 2023...2024, weekend: rules.weekend, statutoryHolidays: true, announcedOff: [], announcedWork: []
        ).followed(
            by: WorkingDayTable(
                years: 2025...2025, weekend: rules.weekend, statutoryHolidays: true, announcedOff: [],
                announcedWork: []))
        let first = try day("2023-01-01").dayNumber
        let last = try day("2025-12-31").dayNumber
        #expect(joined.years == 2023...2025)
        #expect(joined.firstDay == first && joined.lastDay == last)
        #expect(joined.count(from: first, through: last) == full.count(from: first, through: last))
        let seam = try day("2024-12-31").dayNumber
        #expect(joined.count(from: seam - 10, through: seam + 10) == full.count(from: seam - 10, through: seam + 10))
        #expect(joined.nthWorking(3, onOrAfter: seam) == full.nthWorking(3, onOrAfter: seam))
        #expect(joined.nthWorking(3, onOrBefore: seam + 3) == full.nthWorking(3, onOrBefore: seam + 3))
    }
}
