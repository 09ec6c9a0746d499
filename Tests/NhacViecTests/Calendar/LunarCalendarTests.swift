import Testing

@testable import NhacViec

@Suite struct LunarCalendarTests {
    /// Tết (mùng 1 tháng Giêng) as published for Vietnam. 2007 and 2030 differ
    /// from the Chinese New Year (2007-02-18, 2030-02-03) because the new moon
    /// fell before midnight at UTC+7 and after it at UTC+8 (2030: 23:07 on
    /// 2 February, Vietnam time).
    @Test(arguments: [
        (2000, "2000-02-05"), (2001, "2001-01-24"), (2002, "2002-02-12"), (2003, "2003-02-01"),
        (2004, "2004-01-22"), (2005, "2005-02-09"), (2006, "2006-01-29"), (2007, "2007-02-17"),
        (2008, "2008-02-07"), (2009, "2009-01-26"), (2010, "2010-02-14"), (2011, "2011-02-03"),
        (2012, "2012-01-23"), (2013, "2013-02-10"), (2014, "2014-01-31"), (2015, "2015-02-19"),
        (2016, "2016-02-08"), (2017, "2017-01-28"), (2018, "2018-02-16"), (2019, "2019-02-05"),
        (2020, "2020-01-25"), (2021, "2021-02-12"), (2022, "2022-02-01"), (2023, "2023-01-22"),
        (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
        (2028, "2028-01-26"), (2029, "2029-02-13"), (2030, "2030-02-02"), (2031, "2031-01-23"),
        (2032, "2032-02-11"), (2033, "2033-01-31"), (2034, "2034-02-19"), (2035, "2035-02-08"),
    ])
    func newYearMatchesThePublishedTetDate(year: Int, tet: String) throws {
        let expected = try day(tet)
        #expect(LunarCalendar.newYear(ofLunarYear: year) == expected)
        #expect(LunarCalendar.lunarDate(of: expected) == LunarDate(year: year, month: 1, day: 1))
        #expect(LunarCalendar.lunarDate(of: expected.adding(days: -1)).year == year - 1)
    }

    @Test func tet1985FollowsUTCPlus7NotTheChineseCalendar() throws {
        // Vietnam celebrated Ất Sửu on 21/01/1985; China on 20/02/1985.
        #expect(LunarCalendar.newYear(ofLunarYear: 1985) == (try day("1985-01-21")))
    }

    @Test(arguments: [
        (2001, 4), (2004, 2), (2006, 7), (2009, 5), (2012, 4), (2014, 9), (2017, 6),
        (2020, 4), (2023, 2), (2025, 6), (2028, 5), (2031, 3), (2033, 11),
    ])
    func leapMonthMatchesThePublishedCalendar(year: Int, month: Int) {
        #expect(LunarCalendar.leapMonth(ofLunarYear: year) == month)
    }

    @Test(arguments: [
        2000, 2002, 2003, 2005, 2007, 2008, 2010, 2011, 2013, 2015, 2016, 2018, 2019, 2021, 2022, 2024, 2026, 2027,
        2029, 2030, 2032, 2034, 2035,
    ])
    func yearsWithoutLeapMonthHaveNone(year: Int) {
        #expect(LunarCalendar.leapMonth(ofLunarYear: year) == nil)
    }

    @Test func leapMonth11Of2033StartsInDecember2033() throws {
        let start = try #require(
            LunarCalendar.solarDate(of: LunarDate(year: 2033, month: 11, day: 1, isLeapMonth: true)))
        #expect(start.year == 2033 && start.month == 12)
        #expect(LunarCalendar.lunarDate(of: start) == LunarDate(year: 2033, month: 11, day: 1, isLeapMonth: true))
    }

    @Test(arguments: [(2023, "2023-04-29"), (2024, "2024-04-18"), (2025, "2025-04-07"), (2026, "2026-04-26")])
    func gioToHungVuongFallsOnThePublishedDate(year: Int, date: String) throws {
        let expected = try day(date)
        #expect(LunarCalendar.solarDate(of: LunarDate(year: year, month: 3, day: 10)) == expected)
        #expect(LunarCalendar.lunarDate(of: expected) == LunarDate(year: year, month: 3, day: 10))
    }

    @Test func lastMonthOfAYearCanHave29Days() throws {
        // Giáp Thìn ended on 29 tháng Chạp (2025-01-28): there was no 30 Tết.
        #expect(LunarCalendar.lunarDate(of: try day("2025-01-28")) == LunarDate(year: 2024, month: 12, day: 29))
        #expect(LunarCalendar.solarDate(of: LunarDate(year: 2024, month: 12, day: 30)) == nil)
        // Quý Mão ended on 30 tháng Chạp (2024-02-09).
        #expect(LunarCalendar.lunarDate(of: try day("2024-02-09")) == LunarDate(year: 2023, month: 12, day: 30))
    }

    @Test func nonexistentLunarDatesHaveNoSolarDate() {
        #expect(LunarCalendar.solarDate(of: LunarDate(year: 2024, month: 4, day: 1, isLeapMonth: true)) == nil)
        #expect(LunarCalendar.solarDate(of: LunarDate(year: 2023, month: 3, day: 1, isLeapMonth: true)) == nil)
        #expect(LunarCalendar.solarDate(of: LunarDate(year: 2024, month: 13, day: 1)) == nil)
        #expect(LunarCalendar.solarDate(of: LunarDate(year: 2024, month: 0, day: 1)) == nil)
        #expect(LunarCalendar.solarDate(of: LunarDate(year: 2024, month: 1, day: 0)) == nil)
        #expect(LunarCalendar.solarDate(of: LunarDate(year: 2024, month: 1, day: 31)) == nil)
    }

    @Test func leapMonth2OfQuyMaoFollowsOrdinaryMonth2() throws {
        let ordinary = try #require(LunarCalendar.solarDate(of: LunarDate(year: 2023, month: 2, day: 1)))
        let leap = try #require(LunarCalendar.solarDate(of: LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)))
        #expect(ordinary == (try day("2023-02-20")))
        #expect(leap == (try day("2023-03-22")))
    }

    /// Every day 1900–2100 converts to lunar and back, and consecutive days
    /// step through the lunar calendar one day at a time.
    @Test func everyDayRoundTripsAndLunarDaysAreConsecutive() throws {
        let first = try day("1900-01-01")
        let last = try day("2100-12-31")
        var previous = LunarCalendar.lunarDate(of: first.adding(days: -1))
        var mismatches: [String] = []
        for number in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: number)
            let lunar = LunarCalendar.lunarDate(of: date)
            if LunarCalendar.solarDate(of: lunar) != date {
                mismatches.append("\(date) → \(lunar) does not round-trip")
            }
            let continues =
                lunar.year == previous.year && lunar.month == previous.month
                && lunar.isLeapMonth == previous.isLeapMonth && lunar.day == previous.day + 1
            let startsMonth = lunar.day == 1 && (previous.day == 29 || previous.day == 30)
            if !continues && !startsMonth {
                mismatches.append("\(date) → \(lunar) after \(previous)")
            }
            previous = lunar
            if mismatches.count > 10 { break }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// A lunar year has 12 months (353–355 days) or 13 (383–385), and it has a
    /// leap month exactly when it has 13.
    @Test func yearLengthsAgreeWithLeapMonths() {
        for year in 1900...2100 {
            let length = LunarCalendar.newYear(ofLunarYear: year).days(
                until: LunarCalendar.newYear(ofLunarYear: year + 1))
            let leap = LunarCalendar.leapMonth(ofLunarYear: year)
            if let leap {
                #expect((383...385).contains(length), "\(year) has leap month \(leap) but \(length) days")
                #expect(
                    LunarCalendar.solarDate(of: LunarDate(year: year, month: leap, day: 1, isLeapMonth: true)) != nil)
            } else {
                #expect((353...355).contains(length), "\(year) has no leap month but \(length) days")
            }
        }
    }
}
