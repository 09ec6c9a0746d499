/// Answers working-day questions under a set of `CalendarRules`.
///
/// Statutory holidays, compensatory days and announced days are tabulated as a
/// prefix sum, so a question is O(1) or O(log n). The table covers only the years
/// asked about (``LazyWorkingDayTable``): a few KiB for a plan's years rather than
/// 1900–2100 in every calendar. Copies of a calendar share its table.
package struct WorkingCalendar: Sendable {
    package let rules: CalendarRules

    private let table: LazyWorkingDayTable

    /// - Precondition: `rules.weekend` leaves at least one day of the week
    ///   working (config validation rejects a seven-day weekend); otherwise
    ///   searching for the next working day could never end.
    package init(rules: CalendarRules = CalendarRules()) {
        precondition(rules.weekend.count < 7, "a weekend of seven days leaves no working day")
        self.rules = rules
        table = LazyWorkingDayTable(
            weekend: rules.weekend,
            statutoryHolidays: rules.statutoryHolidays,
            announcedOff: Set(rules.daysOff.map(\.date.dayNumber)),
            announcedWork: Set(rules.workDays.map(\.date.dayNumber))
        )
    }

    /// The years tabulated so far (nil before the first question): what the
    /// calendar holds in memory.
    var tabulatedYears: ClosedRange<Int>? { table.years }

    package func isWorkingDay(_ date: LocalDate) -> Bool {
        table(containing: date.dayNumber).isWorking(date.dayNumber)
    }

    /// `date` itself when it is a working day, else the first one after it.
    package func nextWorkingDay(onOrAfter date: LocalDate) -> LocalDate {
        nthWorkingDay(1, onOrAfter: date)
    }

    /// `date` itself when it is a working day, else the last one before it.
    package func previousWorkingDay(onOrBefore date: LocalDate) -> LocalDate {
        LocalDate(dayNumber: nthWorkingDay(1, onOrBeforeDay: date.dayNumber))
    }

    /// Counts `workingDays` working days from `date`, not counting `date`.
    ///
    /// n > 0: the nth working day after `date` (`1` from a Friday is the next
    /// working Monday). n < 0: the |n|th working day before `date`. n = 0:
    /// `date` itself, working day or not.
    package func adding(workingDays n: Int, to date: LocalDate) -> LocalDate {
        if n > 0 {
            return nthWorkingDay(n, onOrAfter: date.adding(days: 1))
        }
        if n < 0 {
            return LocalDate(dayNumber: nthWorkingDay(-n, onOrBeforeDay: date.dayNumber - 1))
        }
        return date
    }

    /// Working days in `from...through`, both ends included; 0 when `from`
    /// is after `through`.
    package func workingDays(from: LocalDate, through: LocalDate) -> Int {
        var total = 0
        var cursor = from.dayNumber
        while cursor <= through.dayNumber {
            let span = table(containing: cursor)
            let end = min(through.dayNumber, span.lastDay)
            total += span.count(from: cursor, through: end)
            cursor = end + 1
        }
        return total
    }

    /// The `n`th working day counting `date` as the first candidate: n = 1 is
    /// `nextWorkingDay(onOrAfter: date)`.
    ///
    /// - Precondition: n ≥ 1.
    package func nthWorkingDay(_ n: Int, onOrAfter date: LocalDate) -> LocalDate {
        precondition(n >= 1, "working days are counted from 1")
        var remaining = n
        var cursor = date.dayNumber
        while true {
            let span = table(containing: cursor)
            if let found = span.nthWorking(remaining, onOrAfter: cursor) {
                return LocalDate(dayNumber: found)
            }
            remaining -= span.count(from: cursor, through: span.lastDay)
            cursor = span.lastDay + 1
        }
    }

    /// The last working day of the month containing `date`; should a whole
    /// month be off, the last working day before it.
    package func lastWorkingDay(ofMonthContaining date: LocalDate) -> LocalDate {
        previousWorkingDay(onOrBefore: date.lastOfMonth)
    }

    /// The year's days off and announced work days, sorted by date, one per
    /// date: what `nhacviec holidays --year` prints. Ordinary weekends are
    /// left out.
    ///
    /// A statutory holiday on a weekend day is still a `holiday`. An announced
    /// work day replaces whatever was computed for its date. An announced day
    /// off on a computed day off is listed once, as the computed kind.
    package func entries(year: Int) -> [CalendarEntry] {
        var byDay: [Int: CalendarEntry] = [:]
        if rules.statutoryHolidays {
            let computed = DefaultDaysOff(weekend: rules.weekend, years: year...year).days
            for (day, off) in computed {
                let date = LocalDate(dayNumber: day)
                guard date.year == year else { continue }
                let kind: CalendarEntryKind = off.kind == .holiday ? .holiday : .compensatory
                byDay[day] = CalendarEntry(date: date, kind: kind, name: off.name)
            }
        }
        for announced in rules.daysOff where announced.date.year == year && byDay[announced.date.dayNumber] == nil {
            byDay[announced.date.dayNumber] = CalendarEntry(date: announced.date, kind: .dayOff, name: announced.name)
        }
        for announced in rules.workDays where announced.date.year == year {
            byDay[announced.date.dayNumber] = CalendarEntry(date: announced.date, kind: .workDay, name: announced.name)
        }
        return byDay.values.sorted { $0.date < $1.date }
    }

    // MARK: - Private

    private func nthWorkingDay(_ n: Int, onOrBeforeDay day: Int) -> Int {
        var remaining = n
        var cursor = day
        while true {
            let span = table(containing: cursor)
            if let found = span.nthWorking(remaining, onOrBefore: cursor) {
                return found
            }
            remaining -= span.count(from: span.firstDay, through: cursor)
            cursor = span.firstDay - 1
        }
    }

    /// A table whose span contains `day`.
    private func table(containing day: Int) -> WorkingDayTable {
        table.table(containing: day)
    }
}
