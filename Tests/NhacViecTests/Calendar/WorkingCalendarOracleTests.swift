import Testing

@testable import NhacViec

/// A day-by-day model of the rules, sharing nothing with the tables of
/// `WorkingCalendar` but the statutory dates.
///
/// Compensatory days are placed by walking the days in order and keeping a
/// count of holidays owed: a statutory holiday on a weekend day adds one, and
/// each later day that is neither a weekend day nor a holiday pays one back.
private struct Oracle {
    let years: ClosedRange<Int>
    private var off: Set<Int> = []

    init(rules: CalendarRules, years: ClosedRange<Int>) {
        self.years = years
        var holidays: Set<Int> = []
        if rules.statutoryHolidays {
            for year in years {
                holidays.formUnion(VietnameseHolidays.days(inYear: year).map(\.date.dayNumber))
            }
        }
        let start = LocalDate(year: years.lowerBound, month: 1, day: 1)?.dayNumber ?? 0
        let end = LocalDate(year: years.upperBound, month: 12, day: 31)?.dayNumber ?? 0
        var owed = 0
        var off: Set<Int> = []
        for number in start...end {
            let weekend = rules.weekend.contains(LocalDate(dayNumber: number).weekday)
            if holidays.contains(number) {
                off.insert(number)
                if weekend { owed += 1 }
            } else if weekend {
                off.insert(number)
            } else if owed > 0 {
                off.insert(number)
                owed -= 1
            }
        }
        off.formUnion(rules.daysOff.map(\.date.dayNumber))
        off.subtract(rules.workDays.map(\.date.dayNumber))
        self.off = off
    }

    func isWorking(_ date: LocalDate) -> Bool {
        !off.contains(date.dayNumber)
    }

    func next(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isWorking(day) { day = day.adding(days: 1) }
        return day
    }

    func previous(onOrBefore date: LocalDate) -> LocalDate {
        var day = date
        while !isWorking(day) { day = day.adding(days: -1) }
        return day
    }

    func adding(_ n: Int, to date: LocalDate) -> LocalDate {
        var day = date
        var remaining = abs(n)
        let step = n > 0 ? 1 : -1
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorking(day) { remaining -= 1 }
        }
        return day
    }

    func count(from: LocalDate, through: LocalDate) -> Int {
        guard from <= through else { return 0 }
        return (from.dayNumber...through.dayNumber).filter { isWorking(LocalDate(dayNumber: $0)) }.count
    }
}

@Suite struct WorkingCalendarOracleTests {
    /// Random announced days around the edges of the tabulated range too.
    private static func randomAnnounced(_ count: Int, _ generator: inout SeededGenerator, name: String)
        -> [AnnouncedDay]
    {
        (0..<count).map { _ in
            AnnouncedDay(date: LocalDate(dayNumber: Int.random(in: -25_900...47_900, using: &generator)), name: name)
        }
    }

    static let ruleSets: [(String, CalendarRules)] = {
        var generator = SeededGenerator(seed: 42)
        return [
            ("Saturday and Sunday, statutory holidays", CalendarRules()),
            ("Sunday only, statutory holidays", CalendarRules(weekend: [.sunday])),
            ("Saturday and Sunday, no holidays", CalendarRules(statutoryHolidays: false)),
            (
                "Saturday and Sunday, statutory holidays, announced days",
                CalendarRules(
                    daysOff: randomAnnounced(3_000, &generator, name: "nghỉ"),
                    workDays: randomAnnounced(3_000, &generator, name: "làm")
                )
            ),
            (
                "Friday and Saturday, statutory holidays, announced days",
                CalendarRules(
                    weekend: [.friday, .saturday],
                    daysOff: randomAnnounced(2_000, &generator, name: "nghỉ"),
                    workDays: randomAnnounced(500, &generator, name: "làm")
                )
            ),
        ]
    }()

    @Test(arguments: 0..<ruleSets.count)
    func fastPathAgreesWithTheDayByDayOracle(index: Int) {
        let (label, rules) = Self.ruleSets[index]
        let calendar = WorkingCalendar(rules: rules)
        let oracle = Oracle(rules: rules, years: 1890...2112)
        var generator = SeededGenerator(seed: UInt64(1000 + index))
        // 1898–2102: crosses both ends of the tabulated 1900–2100.
        let low = LocalDate(year: 1898, month: 1, day: 1)?.dayNumber ?? 0
        let high = LocalDate(year: 2102, month: 12, day: 31)?.dayNumber ?? 0
        var edges = [-25_567, -25_568, 47_846, 47_847].map(LocalDate.init(dayNumber:))
        edges += (0..<3_000).map { _ in LocalDate(dayNumber: Int.random(in: low...high, using: &generator)) }
        var failures: [String] = []
        for date in edges {
            let offset =
                Int.random(in: -60...60, using: &generator) * (Int.random(in: 0..<20, using: &generator) == 0 ? 8 : 1)
            let span = Int.random(in: -5...500, using: &generator)
            let end = date.adding(days: span)
            if calendar.isWorkingDay(date) != oracle.isWorking(date) {
                failures.append("isWorkingDay(\(date))")
            }
            if calendar.nextWorkingDay(onOrAfter: date) != oracle.next(onOrAfter: date) {
                failures.append("nextWorkingDay(onOrAfter: \(date))")
            }
            if calendar.previousWorkingDay(onOrBefore: date) != oracle.previous(onOrBefore: date) {
                failures.append("previousWorkingDay(onOrBefore: \(date))")
            }
            if calendar.adding(workingDays: offset, to: date) != oracle.adding(offset, to: date) {
                failures.append("adding(workingDays: \(offset), to: \(date))")
            }
            if calendar.workingDays(from: date, through: end) != oracle.count(from: date, through: end) {
                failures.append("workingDays(from: \(date), through: \(end))")
            }
            let n = Int.random(in: 1...30, using: &generator)
            if calendar.nthWorkingDay(n, onOrAfter: date) != oracle.adding(n - 1, to: oracle.next(onOrAfter: date)) {
                failures.append("nthWorkingDay(\(n), onOrAfter: \(date))")
            }
            if failures.count > 10 { break }
        }
        #expect(failures.isEmpty, "\(label): \(failures)")
    }

    @Test func everyDayOf1900To2100MatchesTheOracleUnderTheDefaultRules() {
        let calendar = WorkingCalendar()
        let oracle = Oracle(rules: CalendarRules(), years: 1899...2101)
        var mismatches: [LocalDate] = []
        for number in -25_567...47_846
        where calendar.isWorkingDay(LocalDate(dayNumber: number)) != oracle.isWorking(LocalDate(dayNumber: number)) {
            mismatches.append(LocalDate(dayNumber: number))
            if mismatches.count > 10 { break }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
