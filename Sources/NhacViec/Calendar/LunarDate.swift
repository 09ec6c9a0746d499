/// A day of the Vietnamese lunar calendar (âm lịch).
///
/// `year` is the Gregorian year in which the lunar year begins: lunar year
/// 2024 (Giáp Thìn) runs from Tết on 2024-02-10 to the day before Tết 2025.
/// `isLeapMonth` marks the repeated month (tháng nhuận), which carries the
/// number of the month before it.
package struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int
    package let isLeapMonth: Bool

    package init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `day/month[+]/year`, e.g. `10/3/2024` or `15/4+/2020` for a leap month.
    package var description: String {
        "\(day)/\(month)\(isLeapMonth ? "+" : "")/\(year)"
    }
}
