import Foundation

/// The Vietnamese lunar calendar, computed astronomically at UTC+7.
///
/// Hồ Ngọc Đức's method: a month starts on the local day of a new moon (Meeus'
/// series); month 11 is the one that contains the winter solstice; a solar
/// year between two month-11 starts with 13 new moons has a leap month, the
/// first month after month 11 in which the sun enters no major solar term
/// (trung khí). Computing at UTC+7 rather than UTC+8 is why Vietnam's Tết
/// differs from the Chinese New Year in some years (1985, 2007).
///
/// Checked for 1900–2100. Outside that range it still answers (the series
/// degrade slowly), but the answers are not checked against anything.
package enum LunarCalendar {
    /// Vietnam's legal time (QĐ 121-CP: the 105°E meridian), in hours.
    static let timeZone = 7.0

    /// Julian Day Number of 1970-01-01, LocalDate's day 0.
    private static let julianDayOfEpoch = 2_440_588
    /// Julian Day of the new moon the series counts from (1900-01-01 13:52 UTC).
    private static let firstNewMoon = 2_415_021.076998695
    /// Mean length of a synodic month in days.
    private static let synodicMonth = 29.530588853

    /// The lunar date of a solar day.
    package static func lunarDate(of date: LocalDate) -> LunarDate {
        let day = julianDay(date)
        // The month starts on the last new-moon day on or before `day`. The
        // mean-moon estimate of its index can be one off near a new moon (the
        // published code then yields day 0, e.g. on 2054-05-07), so step until
        // the new moon brackets the day.
        var k = floorInt((Double(day) - firstNewMoon) / synodicMonth)
        var monthStart = newMoonDay(k)
        while monthStart > day {
            k -= 1
            monthStart = newMoonDay(k)
        }
        while newMoonDay(k + 1) <= day {
            k += 1
            monthStart = newMoonDay(k)
        }
        let solarYear = date.year
        var a11 = month11Start(solarYear)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = solarYear
            a11 = month11Start(solarYear - 1)
        } else {
            lunarYear = solarYear + 1
            b11 = month11Start(solarYear + 1)
        }
        let lunarDay = day - monthStart + 1
        // Months are 29 or 30 days, so this counts whole months since month 11.
        let diff = floorDiv(monthStart - a11, 29)
        var lunarMonth = diff + 11
        var isLeap = false
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11)
            if diff >= leapOffset {
                lunarMonth = diff + 10
                isLeap = diff == leapOffset
            }
        }
        if lunarMonth > 12 {
            lunarMonth -= 12
        }
        if lunarMonth >= 11 && diff < 4 {
            lunarYear -= 1
        }
        return LunarDate(year: lunarYear, month: lunarMonth, day: lunarDay, isLeapMonth: isLeap)
    }

    /// The solar day of a lunar date, or nil when that date does not exist.
    ///
    /// Nil for a month outside 1...12, a leap month the year does not have, or a
    /// day beyond the month's length (a month has 29 or 30 days, so 30/12 is
    /// nil in a year whose last month is short).
    package static func solarDate(of lunar: LunarDate) -> LocalDate? {
        guard (1...12).contains(lunar.month), lunar.day >= 1 else { return nil }
        let start: Int
        if lunar.isLeapMonth {
            guard let leapStart = leapMonthStart(year: lunar.year, month: lunar.month) else { return nil }
            start = leapStart
        } else {
            start = regularMonthStart(year: lunar.year, month: lunar.month)
        }
        guard lunar.day <= monthLength(startingAt: start) else { return nil }
        return localDate(julianDay: start + lunar.day - 1)
    }

    /// The first day of lunar year `year` (mùng 1 Tết).
    package static func newYear(ofLunarYear year: Int) -> LocalDate {
        firstDay(ofMonth: 1, lunarYear: year)
    }

    /// The first day of the ordinary (not leap) month `month` (1...12) of a lunar year.
    static func firstDay(ofMonth month: Int, lunarYear year: Int) -> LocalDate {
        localDate(julianDay: regularMonthStart(year: year, month: month))
    }

    /// The number of the leap month of lunar year `year`, or nil in a 12-month year.
    ///
    /// A leap 11th or 12th month belongs to the lunar year in which that month
    /// falls: 2033's leap month 11 runs from December 2033 into January 2034.
    package static func leapMonth(ofLunarYear year: Int) -> Int? {
        // Months 1–10 of lunar year Y lie between month 11 of Y−1 and month 11 of Y.
        let a11 = month11Start(year - 1)
        let b11 = month11Start(year)
        if b11 - a11 > 365 {
            let offset = leapMonthOffset(a11)
            if offset >= 3 {
                return offset - 2
            }
        }
        // Months 11–12 of lunar year Y lie after month 11 of Y.
        let c11 = month11Start(year + 1)
        if c11 - b11 > 365 {
            let offset = leapMonthOffset(b11)
            if offset <= 2 {
                return offset + 10
            }
        }
        return nil
    }

    // MARK: - Month arithmetic

    /// The month-11 starts around the months of lunar year `year` numbered
    /// `month`: months 1–10 lie after month 11 of the previous year, months
    /// 11–12 after month 11 of the same year.
    private static func month11Bounds(year: Int, month: Int) -> (a11: Int, b11: Int) {
        month < 11
            ? (month11Start(year - 1), month11Start(year))
            : (month11Start(year), month11Start(year + 1))
    }

    /// Index of the new moon that starts month 11 at Julian day `a11`.
    private static func newMoonIndex(startingAt a11: Int) -> Int {
        floorInt(0.5 + (Double(a11) - firstNewMoon) / synodicMonth)
    }

    /// Julian day on which the ordinary month `month` of lunar year `year` begins.
    private static func regularMonthStart(year: Int, month: Int) -> Int {
        let (a11, b11) = month11Bounds(year: year, month: month)
        var offset = (month - 11 + 12) % 12
        if b11 - a11 > 365 && offset >= leapMonthOffset(a11) {
            offset += 1
        }
        return newMoonDay(newMoonIndex(startingAt: a11) + offset)
    }

    /// Julian day on which leap month `month` of lunar year `year` begins, or
    /// nil when that year has no such leap month.
    private static func leapMonthStart(year: Int, month: Int) -> Int? {
        let (a11, b11) = month11Bounds(year: year, month: month)
        guard b11 - a11 > 365 else { return nil }
        let leapOffset = leapMonthOffset(a11)
        // The leap month repeats the number of the month before it.
        guard (leapOffset + 10 - 1) % 12 + 1 == month else { return nil }
        return newMoonDay(newMoonIndex(startingAt: a11) + leapOffset)
    }

    /// 29 or 30: days from this month's start to the next new moon.
    private static func monthLength(startingAt start: Int) -> Int {
        newMoonDay(newMoonIndex(startingAt: start) + 1) - start
    }

    /// Julian day on which the lunar month containing the winter solstice of
    /// `year` begins.
    private static func month11Start(_ year: Int) -> Int {
        let offset = Double(julianDay(lastDayOf: year)) - 2_415_021
        let k = floorInt(offset / synodicMonth)
        let newMoon = newMoonDay(k)
        // Sector 9 starts at 270°, the solstice: a new moon after it is month 12's.
        if sunLongitudeSector(newMoon) >= 9 {
            return newMoonDay(k - 1)
        }
        return newMoon
    }

    /// How many months after month 11 (starting at `a11`) the leap month is:
    /// the first month whose start has the same major-term sector as the next.
    private static func leapMonthOffset(_ a11: Int) -> Int {
        let k = floorInt((Double(a11) - firstNewMoon) / synodicMonth + 0.5)
        var i = 1
        var sector = sunLongitudeSector(newMoonDay(k + i))
        var last: Int
        repeat {
            last = sector
            i += 1
            sector = sunLongitudeSector(newMoonDay(k + i))
        } while sector != last && i < 14
        return i - 1
    }

    // MARK: - Astronomy (Meeus, "Astronomical Algorithms", 1998)

    /// Local (UTC+7) Julian day number of the k-th new moon after 1900-01-01.
    private static func newMoonDay(_ k: Int) -> Int {
        let kd = Double(k)
        let t = kd / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2_415_020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT: Double
        if t < -11 {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2
        }
        let jdNew = jd1 + c1 - deltaT
        return floorInt(jdNew + 0.5 + timeZone / 24)
    }

    /// Which 30° sector (0–11) the sun's longitude is in at local midnight
    /// starting day `julianDay`; sector 0 starts at the vernal equinox.
    private static func sunLongitudeSector(_ julianDay: Int) -> Int {
        let t = (Double(julianDay) - 2_451_545.5 - timeZone / 24) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl = dl + (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * (l / (Double.pi * 2)).rounded(.down)
        return floorInt(l / Double.pi * 6)
    }

    // MARK: - Julian days

    private static func julianDay(_ date: LocalDate) -> Int {
        date.dayNumber + julianDayOfEpoch
    }

    /// Julian day of 31 December of `year`.
    private static func julianDay(lastDayOf year: Int) -> Int {
        let december = LocalDate(dayNumber: 0).adding(months: (year - 1970) * 12 + 11)
        return julianDay(december.lastOfMonth)
    }

    private static func localDate(julianDay: Int) -> LocalDate {
        LocalDate(dayNumber: julianDay - julianDayOfEpoch)
    }

    /// Floor, not truncation: the series must round days before 1900 down too.
    private static func floorInt(_ value: Double) -> Int {
        Int(value.rounded(.down))
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
