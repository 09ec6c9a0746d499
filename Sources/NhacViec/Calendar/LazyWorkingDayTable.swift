import Synchronization

/// A `WorkingDayTable` that covers only the years asked about, grown on demand
/// and shared by every copy of the `WorkingCalendar` that made it.
///
/// Tabulating 1900–2100 up front cost about 290 KiB per calendar, held all day by
/// the daemon (issue 15), while a plan and the clock need two or three years. The
/// first question tabulates its year and the years on each side; a question just
/// outside the span grows it to include that year (filling any years between), so
/// a plan's span is built once. A year further away than `farGap` gets a table of
/// its own, built for that question and dropped, as every date outside the old
/// fixed span was: a query about 1800 does not make the calendar hold 1800–2024.
///
/// Each year is tabulated with its neighbours' holidays in view, so a table built
/// piece by piece gives the same answers as one built for all its years at once.
final class LazyWorkingDayTable: Sendable {
    /// Years beyond the span that are added to it rather than tabulated apart.
    static let farGap = 10

    private let weekend: Set<Weekday>
    private let statutoryHolidays: Bool
    private let announcedOff: Set<Int>
    private let announcedWork: Set<Int>
    private let table = Mutex<WorkingDayTable?>(nil)

    init(weekend: Set<Weekday>, statutoryHolidays: Bool, announcedOff: Set<Int>, announcedWork: Set<Int>) {
        self.weekend = weekend
        self.statutoryHolidays = statutoryHolidays
        self.announcedOff = announcedOff
        self.announcedWork = announcedWork
    }

    /// The years tabulated so far, or nil before the first question.
    var years: ClosedRange<Int>? {
        table.withLock { table in table.map { $0.years } }
    }

    /// A table whose span contains `day`: the shared one, grown if need be, or for
    /// a day far outside it, one of its own year.
    func table(containing day: Int) -> WorkingDayTable {
        table.withLock { table in
            if let table, table.contains(day) {
                return table
            }
            let year = LocalDate(dayNumber: day).year
            guard let current = table else {
                let first = tabulate(year - 1...year + 1)
                table = first
                return first
            }
            let years = current.years
            if year < years.lowerBound - Self.farGap || year > years.upperBound + Self.farGap {
                return tabulate(year...year)
            }
            let grown =
                year < years.lowerBound
                ? tabulate(year...years.lowerBound - 1).followed(by: current)
                : current.followed(by: tabulate(years.upperBound + 1...year))
            table = grown
            return grown
        }
    }

    private func tabulate(_ years: ClosedRange<Int>) -> WorkingDayTable {
        WorkingDayTable(
            years: years, weekend: weekend, statutoryHolidays: statutoryHolidays, announcedOff: announcedOff,
            announcedWork: announcedWork)
    }
}
