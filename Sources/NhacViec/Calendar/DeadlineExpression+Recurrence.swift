/// A deadline that comes back every month, quarter, half-year or year ("Hằng tháng", "Hằng quý", …).
///
/// Periods are aligned to the calendar year: quarters end in March, June, September and
/// December; half-years in June and December; years in December.
package struct Recurrence: Hashable, Sendable {
    package enum Interval: String, Sendable {
        case month
        case quarter
        case halfYear = "half_year"
        case year

        /// The length of one period, in months.
        package var months: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .halfYear: 6
            case .year: 12
            }
        }
    }

    package let interval: Interval
    /// Which day of the period is due; `.day(N)` counts in the period's last month.
    package let day: DayOfPeriod
    /// The only year the recurrence runs in ("Hằng tháng năm 2024"); nil for every year.
    package let year: Int?

    package init(interval: Interval, day: DayOfPeriod = .last, year: Int? = nil) {
        self.interval = interval
        self.day = day
        self.year = year
    }

    /// The nominal due dates of this recurrence that fall within `range` (inclusive), ascending.
    ///
    /// Day N clamps to the month's last day (day 31 is 29 February in 2024) and a day
    /// below 1 counts as 1. When `year` is set, dates outside that year are left out.
    /// Dates are not moved off days off; the working-day calendar does that.
    package func occurrences(in range: ClosedRange<LocalDate>) -> [LocalDate] {
        var lower = range.lowerBound
        var upper = range.upperBound
        if let year {
            guard let first = LocalDate(year: year, month: 1, day: 1),
                let last = LocalDate(year: year, month: 12, day: 31)
            else { return [] }
            lower = max(lower, first)
            upper = min(upper, last)
            guard lower <= upper else { return [] }
        }
        let step = interval.months
        // The first period that ends in or after the month of `lower`.
        var lastMonth = lower.firstOfMonth.adding(months: (step - lower.month % step) % step)
        var dates: [LocalDate] = []
        while true {
            let due = dueDate(inMonthStarting: lastMonth)
            // Due dates rise strictly from one period to the next, so the first one past
            // `upper` ends the search.
            if due > upper { break }
            if due >= lower { dates.append(due) }
            lastMonth = lastMonth.adding(months: step)
        }
        return dates
    }

    private func dueDate(inMonthStarting monthStart: LocalDate) -> LocalDate {
        switch day {
        case .last:
            return monthStart.lastOfMonth
        case .day(let n):
            let length = LocalDate.daysIn(month: monthStart.month, year: monthStart.year)
            return monthStart.adding(days: min(max(n, 1), length) - 1)
        case .date(let day, let month):
            // Yearly only: the period is the calendar year ending in this December.
            let length = LocalDate.daysIn(month: month, year: monthStart.year)
            let first = LocalDate(year: monthStart.year, month: month, day: 1) ?? monthStart
            return first.adding(days: min(max(day, 1), length) - 1)
        }
    }
}

/// The day of a recurring period on which it is due.
package enum DayOfPeriod: Hashable, Sendable {
    /// The period's last day.
    case last
    /// Day N of the period's last month ("ngày 20 hằng tháng"; "trước ngày 20" is day 19).
    case day(Int)
    /// A day of a given month, for yearly recurrences ("Hằng năm, ngày 15/12"); a day
    /// the month lacks in some year (29/2) is its last day.
    case date(day: Int, month: Int)
}
