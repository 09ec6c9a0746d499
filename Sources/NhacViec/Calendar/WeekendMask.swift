/// Weekend membership by day number, without building a `LocalDate`.
struct WeekendMask: Sendable {
    private let mask: [Bool]

    init(_ weekend: Set<Weekday>) {
        // allCases runs Monday…Sunday, ISO indices 0…6.
        mask = Weekday.allCases.map { weekend.contains($0) }
    }

    func callAsFunction(_ dayNumber: Int) -> Bool {
        // 1970-01-01 (day 0) was a Thursday, ISO index 3.
        mask[((dayNumber + 3) % 7 + 7) % 7]
    }
}
