/// The days off the law gives before any announcement: the statutory
/// holidays and the compensatory days (nghỉ bù) for those on a weekend day.
///
/// Art. 111(3): a weekly day off that coincides with a holiday is made up on
/// the next working day. A run of consecutive days off (weekend days,
/// holidays, compensatory days already placed) that contains holidays on
/// weekend days owes one compensatory day per such holiday, placed on the
/// first days after the run that are neither weekend days nor holidays: Tết
/// spanning a weekend pushes two days after it; 2/9 on a Sunday gives Monday.
///
/// Announced days off and work days play no part here, so the computed
/// default stays fixed and an announced schedule can be written as its
/// difference from it. Two holidays on one date (possible for Giỗ Tổ and
/// 30/4) make one day off with both names; it owes one compensatory day at
/// most, since art. 111(3) only compensates weekend days.
struct DefaultDaysOff {
    enum Kind {
        case holiday
        case compensatory
    }

    struct Day {
        let kind: Kind
        let name: String
    }

    /// Keyed by `LocalDate.dayNumber`.
    let days: [Int: Day]

    /// Covers every day of `years`: holidays of the neighbouring years are
    /// included so that runs crossing a year boundary are placed correctly.
    init(weekend: Set<Weekday>, years: ClosedRange<Int>) {
        var byDay: [Int: String] = [:]
        for year in (years.lowerBound - 1)...(years.upperBound + 1) {
            for holiday in VietnameseHolidays.days(inYear: year) {
                let day = holiday.date.dayNumber
                byDay[day] = byDay[day].map { "\($0); \(holiday.name)" } ?? holiday.name
            }
        }
        var days = byDay.mapValues { Day(kind: .holiday, name: $0) }
        let isWeekend = WeekendMask(weekend)
        var next = Int.min
        for runStart in byDay.keys.sorted() where runStart >= next {
            var owed: [String] = []
            var day = runStart
            while true {
                if let off = days[day] {
                    if off.kind == .holiday && isWeekend(day) {
                        owed.append(off.name)
                    }
                } else if !isWeekend(day) {
                    break
                }
                day += 1
            }
            next = day
            for name in owed {
                while isWeekend(day) || days[day] != nil {
                    day += 1
                }
                days[day] = Day(kind: .compensatory, name: "Nghỉ bù \(name)")
                day += 1
            }
        }
        self.days = days
    }
}
