/// The statutory public holidays of the Labour Code 2019, art. 112(1).
///
/// Eleven days a year: 1/1; Tết, the last day of the lunar year and lunar 1–4
/// (the law fixes five days and leaves their placement to the Prime Minister;
/// this is the usual default); Giỗ Tổ Hùng Vương on lunar 10/3; 30/4; 1/5; and
/// 2/9 with one adjacent day, fixed here to 1/9. The Prime Minister's yearly
/// choices that differ from these defaults belong in the announced schedules
/// (config/holidays/), not here. Compensatory days (art. 111(3)) depend on
/// the configured weekend and are placed by `WorkingCalendar`.
package enum VietnameseHolidays {
    /// One statutory holiday on its solar date.
    package struct Holiday: Hashable, Sendable {
        package let date: LocalDate
        package let name: String
    }

    /// The statutory holidays that fall in solar year `year`, sorted by date.
    ///
    /// Tết always falls between 21 January and 20 February, so the five Tết
    /// days of a solar year are those of the lunar year that begins in it.
    /// Two holidays could in principle share a date (Giỗ Tổ on 30/4); both are
    /// returned, and callers decide how to merge them.
    package static func days(inYear year: Int) -> [Holiday] {
        var days: [Holiday] = []
        if let newYearsDay = LocalDate(year: year, month: 1, day: 1) {
            days.append(Holiday(date: newYearsDay, name: "Tết Dương lịch"))
        }
        let tet = LunarCalendar.newYear(ofLunarYear: year)
        let lastDayOfLunarYear = tet.adding(days: -1)
        // The last month of a lunar year has 29 or 30 days.
        let lastDayNumber = LunarCalendar.lunarDate(of: lastDayOfLunarYear).day
        days.append(Holiday(date: lastDayOfLunarYear, name: "Tết Nguyên đán (\(lastDayNumber) tháng Chạp)"))
        for day in 1...4 {
            days.append(Holiday(date: tet.adding(days: day - 1), name: "Tết Nguyên đán (mùng \(day))"))
        }
        let hungKings = LunarCalendar.firstDay(ofMonth: 3, lunarYear: year).adding(days: 9)
        days.append(Holiday(date: hungKings, name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)"))
        let fixed: [(month: Int, day: Int, name: String)] = [
            (4, 30, "Ngày Chiến thắng (30/4)"),
            (5, 1, "Ngày Quốc tế Lao động (1/5)"),
            (9, 1, "Quốc khánh (1/9)"),
            (9, 2, "Quốc khánh (2/9)"),
        ]
        for holiday in fixed {
            if let date = LocalDate(year: year, month: holiday.month, day: holiday.day) {
                days.append(Holiday(date: date, name: holiday.name))
            }
        }
        return days.sorted { $0.date < $1.date }
    }
}
