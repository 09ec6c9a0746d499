import Testing

@testable import NhacViec

@Suite struct LocalDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday),
        ("2024-02-10", 19763, .saturday),
        ("2024-03-31", 19813, .sunday),
        ("2000-02-29", 11016, .tuesday),
        ("1900-01-01", -25567, .monday),
        ("2100-12-31", 47846, .friday),
    ])
    func isoTextRoundTripsThroughDayNumber(text: String, dayNumber: Int, weekday: Weekday) throws {
        let date = try #require(LocalDate(iso: text))
        #expect(date.dayNumber == dayNumber)
        #expect(date.weekday == weekday)
        #expect(date.description == text)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "24-01-01", "2024-1-01", "abcd-ef-gh"])
    func invalidTextIsRejected(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func dayNumbersAgreeWithFieldsForEveryDayOfTwoCenturies() throws {
        var expected = try #require(LocalDate(year: 1900, month: 1, day: 1)).dayNumber
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...LocalDate.daysIn(month: month, year: year) {
                    let date = try #require(LocalDate(year: year, month: month, day: day))
                    #expect(date.dayNumber == expected)
                    #expect(date.year == year && date.month == month && date.day == day)
                    expected += 1
                }
            }
        }
    }

    @Test func addingMonthsClampsToTheLastDayOfShortMonths() throws {
        let january31 = try #require(LocalDate(iso: "2024-01-31"))
        #expect(january31.adding(months: 1).description == "2024-02-29")
        #expect(january31.adding(months: 13).description == "2025-02-28")
        #expect(january31.adding(months: -2).description == "2023-11-30")
    }
}
