/// One month's reporting period (DESIGN §4 "Reporting periods").
package struct ReportPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let kind: ReportPeriodKind

    package init(year: Int, month: Int, kind: ReportPeriodKind) {
        self.year = year
        self.month = month
        self.kind = kind
    }

    /// Parses `YYYY-MM`.
    package init?(parsing text: String, kind: ReportPeriodKind) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month), (1900...2100).contains(year)
        else { return nil }
        self.init(year: year, month: month, kind: kind)
    }

    /// `YYYY-MM`: the period's name, and the occurrence id of its monthly reports.
    package var description: String {
        "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }

    private var firstOfMonth: LocalDate {
        LocalDate(year: year, month: month, day: 1) ?? LocalDate(dayNumber: 0)
    }

    /// First day of the period.
    package var start: LocalDate {
        switch kind {
        case .decree09: firstOfMonth.adding(months: -1).adding(days: 14)
        case .calendarMonth: firstOfMonth
        }
    }

    /// Last day of the period.
    package var end: LocalDate {
        switch kind {
        case .decree09: firstOfMonth.adding(days: 13)
        case .calendarMonth: firstOfMonth.lastOfMonth
        }
    }

    /// E in DESIGN §4: the day after the period ends, from which due days count.
    package var dayAfterEnd: LocalDate { end.adding(days: 1) }

    package var next: ReportPeriod {
        let first = firstOfMonth.adding(months: 1)
        return ReportPeriod(year: first.year, month: first.month, kind: kind)
    }

    package var previous: ReportPeriod {
        let first = firstOfMonth.adding(months: -1)
        return ReportPeriod(year: first.year, month: first.month, kind: kind)
    }

    /// The period that contains `date`.
    package static func containing(_ date: LocalDate, kind: ReportPeriodKind) -> ReportPeriod {
        switch kind {
        case .calendarMonth:
            return ReportPeriod(year: date.year, month: date.month, kind: kind)
        case .decree09:
            let month = date.day >= 15 ? date.firstOfMonth.adding(months: 1) : date.firstOfMonth
            return ReportPeriod(year: month.year, month: month.month, kind: kind)
        }
    }

    /// "tháng 3/2024".
    package var vietnameseName: String { "tháng \(month)/\(year)" }

    package static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
