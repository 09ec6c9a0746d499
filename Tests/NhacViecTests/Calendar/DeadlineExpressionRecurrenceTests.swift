import Testing

@testable import NhacViec

@Suite struct DeadlineExpressionRecurrenceTests {
    @Test(arguments: [
        // Day 31 clamps to the month's last day, including February of a leap year ...
        (
            Recurrence(interval: .month, day: .day(31)), "2024-01-01", "2024-04-30",
            ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]
        ),
        // ... and of a common year.
        (
            Recurrence(interval: .month, day: .day(31)), "2023-01-01", "2023-03-31",
            ["2023-01-31", "2023-02-28", "2023-03-31"]
        ),
        (Recurrence(interval: .month, day: .day(30)), "2100-02-01", "2100-02-28", ["2100-02-28"]),
        (
            Recurrence(interval: .quarter), "2024-01-01", "2024-12-31",
            ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]
        ),
        (Recurrence(interval: .quarter, day: .day(14)), "2024-03-15", "2024-09-14", ["2024-06-14", "2024-09-14"]),
        (Recurrence(interval: .quarter), "2024-02-10", "2024-03-31", ["2024-03-31"]),
        (
            Recurrence(interval: .halfYear), "2024-01-01", "2025-12-31",
            ["2024-06-30", "2024-12-31", "2025-06-30", "2025-12-31"]
        ),
        (Recurrence(interval: .halfYear), "2024-07-01", "2024-12-30", []),
        (Recurrence(interval: .year), "2023-06-01", "2025-06-01", ["2023-12-31", "2024-12-31"]),
        // A range that starts after the 19th leaves that month out and ends inclusively.
        (
            Recurrence(interval: .month, day: .day(19)), "2024-03-20", "2024-06-19",
            ["2024-04-19", "2024-05-19", "2024-06-19"]
        ),
        (Recurrence(interval: .month, day: .day(19)), "2024-03-19", "2024-03-19", ["2024-03-19"]),
        (Recurrence(interval: .month), "2024-03-15", "2024-05-10", ["2024-03-31", "2024-04-30"]),
        (Recurrence(interval: .month), "2024-12-15", "2025-01-31", ["2024-12-31", "2025-01-31"]),
        (Recurrence(interval: .month), "2024-03-01", "2024-03-30", []),
    ])
    func occurrencesAreTheDueDatesInsideTheRange(
        recurrence: Recurrence, from: String, through: String, expected: [String]
    ) throws {
        let range = try #require(LocalDate(iso: from))...#require(LocalDate(iso: through))
        #expect(recurrence.occurrences(in: range).map(\.description) == expected)
    }

    @Test func yearBoundRecurrenceStaysInsideItsYear() throws {
        let recurrence = Recurrence(interval: .month, day: .last, year: 2024)
        let range = try #require(LocalDate(iso: "2023-11-01"))...#require(LocalDate(iso: "2025-02-28"))
        let dates = recurrence.occurrences(in: range)
        #expect(dates.map(\.month) == Array(1...12))
        #expect(dates.allSatisfy { $0.year == 2024 })
    }

    @Test func yearBoundRecurrenceHasNothingOutsideItsYear() throws {
        let recurrence = Recurrence(interval: .quarter, year: 2024)
        let range = try #require(LocalDate(iso: "2025-01-01"))...#require(LocalDate(iso: "2025-12-31"))
        #expect(recurrence.occurrences(in: range).isEmpty)
    }

    @Test func monthlyOccurrencesOverTwoCenturiesAreOnePerMonthAndAscending() throws {
        let recurrence = Recurrence(interval: .month, day: .day(31))
        let range = try #require(LocalDate(iso: "1900-01-01"))...#require(LocalDate(iso: "2100-12-31"))
        let dates = recurrence.occurrences(in: range)
        #expect(dates.count == 201 * 12)
        #expect(dates.allSatisfy { $0 == $0.lastOfMonth })
        #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 })
    }
}
