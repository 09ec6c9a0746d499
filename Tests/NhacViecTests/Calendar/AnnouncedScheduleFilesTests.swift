import Foundation
import Testing

@testable import NhacViec

/// The shipped config/holidays/YYYY.yaml files, checked against the
/// announced periods written out independently below.
@Suite struct AnnouncedScheduleFilesTests {
    /// One year's announcement for civil servants: every day of each period
    /// is off, except the make-up days worked; outside them, weekdays work and
    /// weekends rest.
    struct Announcement: Sendable, CustomTestStringConvertible {
        let year: Int
        let periodsOff: [(String, String)]
        let weekendDaysWorked: [String]
        var testDescription: String { "\(year)" }
    }

    static let announcements: [Announcement] = [
        Announcement(
            year: 2024,
            periodsOff: [
                ("2024-01-01", "2024-01-01"), ("2024-02-08", "2024-02-14"), ("2024-04-18", "2024-04-18"),
                ("2024-04-27", "2024-05-01"), ("2024-08-31", "2024-09-03"),
            ],
            weekendDaysWorked: ["2024-05-04"]
        ),
        Announcement(
            year: 2025,
            periodsOff: [
                ("2025-01-01", "2025-01-01"), ("2025-01-25", "2025-02-02"), ("2025-04-05", "2025-04-07"),
                ("2025-04-30", "2025-05-04"), ("2025-08-30", "2025-09-02"),
            ],
            weekendDaysWorked: ["2025-04-26"]
        ),
        Announcement(
            year: 2026,
            periodsOff: [
                ("2026-01-01", "2026-01-04"), ("2026-02-14", "2026-02-22"), ("2026-04-25", "2026-04-27"),
                ("2026-04-30", "2026-05-03"), ("2026-08-29", "2026-09-02"),
            ],
            weekendDaysWorked: ["2026-01-10", "2026-08-22"]
        ),
    ]

    static func schedule(year: Int) throws -> AnnouncedSchedule {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("config/holidays/\(year).yaml")
        return try AnnouncedSchedule.parse(yaml: String(contentsOf: url, encoding: .utf8))
    }

    @Test(arguments: announcements)
    func theFileTurnsTheComputedDefaultIntoTheAnnouncedSchedule(announcement: Announcement) throws {
        let schedule = try Self.schedule(year: announcement.year)
        #expect(schedule.year == announcement.year)
        let calendar = WorkingCalendar(rules: CalendarRules().including(schedule))
        var off: Set<LocalDate> = []
        for (from, through) in announcement.periodsOff {
            let first = try day(from)
            let last = try day(through)
            off.formUnion((first.dayNumber...last.dayNumber).map(LocalDate.init(dayNumber:)))
        }
        let worked = Set(try announcement.weekendDaysWorked.map { try day($0) })
        let first = try day("\(announcement.year)-01-01")
        let last = try day("\(announcement.year)-12-31")
        var wrong: [String] = []
        for number in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: number)
            let weekend = date.weekday == .saturday || date.weekday == .sunday
            let expected = worked.contains(date) || (!weekend && !off.contains(date))
            if calendar.isWorkingDay(date) != expected {
                wrong.append("\(date) \(date.weekday.englishName): expected \(expected ? "working" : "off")")
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func entriesFor2025ListWhatAnAdminExpects() throws {
        let calendar = WorkingCalendar(rules: CalendarRules().including(try Self.schedule(year: 2025)))
        let lines = calendar.entries(year: 2025).map { "\($0.date)  \($0.kind.rawValue)  \($0.name)" }
        #expect(
            lines == [
                "2025-01-01  holiday  Tết Dương lịch",
                "2025-01-27  day_off  Nghỉ Tết Nguyên đán (28 tháng Chạp)",
                "2025-01-28  holiday  Tết Nguyên đán (29 tháng Chạp)",
                "2025-01-29  holiday  Tết Nguyên đán (mùng 1)",
                "2025-01-30  holiday  Tết Nguyên đán (mùng 2)",
                "2025-01-31  holiday  Tết Nguyên đán (mùng 3)",
                "2025-02-01  holiday  Tết Nguyên đán (mùng 4)",
                "2025-02-03  work_day  Làm việc bình thường (nghỉ bù đã bố trí trước Tết)",
                "2025-04-07  holiday  Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                "2025-04-26  work_day  Làm bù cho ngày nghỉ thứ Sáu 02/05/2025",
                "2025-04-30  holiday  Ngày Chiến thắng (30/4)",
                "2025-05-01  holiday  Ngày Quốc tế Lao động (1/5)",
                "2025-05-02  day_off  Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)",
                "2025-09-01  holiday  Quốc khánh (1/9)",
                "2025-09-02  holiday  Quốc khánh (2/9)",
            ])
    }

    @Test(arguments: [2024, 2025, 2026])
    func everyEntryInTheFileChangesTheComputedDefault(year: Int) throws {
        // An entry that agrees with the default would be noise for the admin.
        let schedule = try Self.schedule(year: year)
        let computed = WorkingCalendar()
        for day in schedule.daysOff {
            #expect(computed.isWorkingDay(day.date), "\(day.date) is already off")
        }
        for day in schedule.workDays {
            #expect(!computed.isWorkingDay(day.date), "\(day.date) is already a working day")
        }
    }
}
