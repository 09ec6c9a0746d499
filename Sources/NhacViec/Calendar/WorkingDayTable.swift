/// Working days over a span of whole years, as a prefix sum for O(1)
/// counting and O(log n) stepping.
///
/// `prefix[i]` is the number of working days among the first `i` days of the
/// span, so day `i` is working when `prefix[i + 1] > prefix[i]`.
struct WorkingDayTable: Sendable {
    /// Day number of the span's first day.
    let firstDay: Int
    /// The whole years the span covers.
    let years: ClosedRange<Int>
    private let prefix: [Int32]

    /// The span's last day number.
    var lastDay: Int { firstDay + prefix.count - 2 }

    init(
        years: ClosedRange<Int>,
        weekend: Set<Weekday>,
        statutoryHolidays: Bool,
        announcedOff: Set<Int>,
        announcedWork: Set<Int>
    ) {
        let first = LocalDate(dayNumber: 0).adding(months: (years.lowerBound - 1970) * 12)
        let afterLast = LocalDate(dayNumber: 0).adding(months: (years.upperBound + 1 - 1970) * 12)
        let computed = statutoryHolidays ? DefaultDaysOff(weekend: weekend, years: years).days : [:]
        let isWeekend = WeekendMask(weekend)
        var prefix: [Int32] = []
        prefix.reserveCapacity(afterLast.dayNumber - first.dayNumber + 1)
        var count: Int32 = 0
        prefix.append(count)
        for day in first.dayNumber..<afterLast.dayNumber {
            let isOff = isWeekend(day) || computed[day] != nil || announcedOff.contains(day)
            if !isOff || announcedWork.contains(day) {
                count += 1
            }
            prefix.append(count)
        }
        self.firstDay = first.dayNumber
        self.years = years
        self.prefix = prefix
    }

    private init(firstDay: Int, years: ClosedRange<Int>, prefix: [Int32]) {
        self.firstDay = firstDay
        self.years = years
        self.prefix = prefix
    }

    /// This span and `later`, which must start the day after this one ends.
    func followed(by later: WorkingDayTable) -> WorkingDayTable {
        precondition(later.firstDay == lastDay + 1, "only adjacent spans join")
        var joined: [Int32] = []
        joined.reserveCapacity(prefix.count + later.prefix.count - 1)
        joined += prefix
        let carried = prefix[prefix.count - 1]
        joined += later.prefix.dropFirst().lazy.map { $0 + carried }
        return WorkingDayTable(
            firstDay: firstDay, years: years.lowerBound...later.years.upperBound, prefix: joined)
    }

    func contains(_ day: Int) -> Bool {
        day >= firstDay && day <= lastDay
    }

    /// `day` must be in the span.
    func isWorking(_ day: Int) -> Bool {
        let i = day - firstDay
        return prefix[i + 1] != prefix[i]
    }

    /// Working days in `from...through`; both must be in the span, in order.
    func count(from: Int, through: Int) -> Int {
        Int(prefix[through - firstDay + 1] - prefix[from - firstDay])
    }

    /// The `n`th working day (n ≥ 1) counting from `day` onwards, or nil when
    /// the span has fewer than `n` working days from `day` on.
    func nthWorking(_ n: Int, onOrAfter day: Int) -> Int? {
        let i = day - firstDay
        let target = Int(prefix[i]) + n
        guard let total = prefix.last, Int(total) >= target else { return nil }
        return firstDay + lowerBound(target, in: (i + 1)..<prefix.count) - 1
    }

    /// The `n`th working day (n ≥ 1) counting from `day` backwards, or nil
    /// when the span has fewer than `n` working days up to `day`.
    func nthWorking(_ n: Int, onOrBefore day: Int) -> Int? {
        let i = day - firstDay
        let before = Int(prefix[i + 1]) - n
        guard before >= 0 else { return nil }
        return firstDay + lowerBound(before + 1, in: 1..<(i + 2)) - 1
    }

    /// The smallest index in `range` whose prefix is at least `target`.
    private func lowerBound(_ target: Int, in range: Range<Int>) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = low + (high - low) / 2
            if Int(prefix[mid]) < target {
                low = mid + 1
            } else {
                high = mid
            }
        }
        return low
    }
}
