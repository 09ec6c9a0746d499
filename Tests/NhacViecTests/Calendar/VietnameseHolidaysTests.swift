import Testing

@testable import NhacViec

@Suite struct VietnameseHolidaysTests {
    @Test func year2024HasTheElevenStatutoryDaysWithVietnameseNames() throws {
        let expected: [(String, String)] = [
            ("2024-01-01", "Tết Dương lịch"),
            ("2024-02-09", "Tết Nguyên đán (30 tháng Chạp)"),
            ("2024-02-10", "Tết Nguyên đán (mùng 1)"),
            ("2024-02-11", "Tết Nguyên đán (mùng 2)"),
            ("2024-02-12", "Tết Nguyên đán (mùng 3)"),
            ("2024-02-13", "Tết Nguyên đán (mùng 4)"),
            ("2024-04-18", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
            ("2024-04-30", "Ngày Chiến thắng (30/4)"),
            ("2024-05-01", "Ngày Quốc tế Lao động (1/5)"),
            ("2024-09-01", "Quốc khánh (1/9)"),
            ("2024-09-02", "Quốc khánh (2/9)"),
        ]
        let days = VietnameseHolidays.days(inYear: 2024)
        #expect(days.map(\.date.description) == expected.map(\.0))
        #expect(days.map(\.name) == expected.map(\.1))
    }

    @Test func tetStartsOnThe29thWhenTheLastLunarMonthIsShort() throws {
        // Giáp Thìn's last month had 29 days, so Tết 2025 starts on 29 tháng Chạp.
        let tet = VietnameseHolidays.days(inYear: 2025).filter { $0.name.hasPrefix("Tết Nguyên đán") }
        #expect(tet.map(\.date.description) == ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01"])
        #expect(tet.first?.name == "Tết Nguyên đán (29 tháng Chạp)")
    }

    @Test func everyYearHasElevenDaysInTheYearWithTetStartingOnTheLastLunarDay() {
        for year in 1900...2100 {
            let days = VietnameseHolidays.days(inYear: year)
            #expect(days.count == 11, "\(year)")
            #expect(days.allSatisfy { $0.date.year == year }, "\(year)")
            #expect(days == days.sorted { $0.date < $1.date }, "\(year)")
            let tet = LunarCalendar.newYear(ofLunarYear: year)
            let lastLunarDay = LunarCalendar.lunarDate(of: tet.adding(days: -1))
            #expect(lastLunarDay.month == 12 && (lastLunarDay.day == 29 || lastLunarDay.day == 30), "\(year)")
            #expect(
                days.contains {
                    $0.date == tet.adding(days: -1) && $0.name == "Tết Nguyên đán (\(lastLunarDay.day) tháng Chạp)"
                })
        }
    }
}
