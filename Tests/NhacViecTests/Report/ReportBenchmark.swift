import Foundation
import Testing

@testable import NhacViec

/// Benchmarks/report-bench: builds the report of a board with 300 units and 10,000 tasks
/// and renders every format, printing the time each step takes. Runs only with
/// `NHACVIEC_BENCH=1`. For figures worth comparing use a release build, which needs
/// testability for `@testable import`:
/// `NHACVIEC_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ReportBenchmark`.
/// Asserts nothing: timing belongs here, not in tests.
@Suite struct ReportBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["NHACVIEC_BENCH"] == "1"
    static let unitCount = 300
    static let taskCount = 10_000

    static let deadlines = [
        "Tháng 1/2024", "Quý I/2024", "Ngày 15/4/2024", "Chậm nhất ngày 31/3/2024", "Quý II năm 2024", "Hằng tháng",
        "Hằng tháng, ngày 20", "Hằng quý", "Thường xuyên", "Theo yêu cầu", "30/4/2024", "Trước ngày 15/12/2024",
        "6 tháng đầu năm 2024", "Năm 2024", "T9/2024",
    ]

    static func yaml() -> String {
        var lines = [
            "version: 1",
            "organization:",
            "  name: Ban Quản lý Khu kinh tế Hải Phòng",
            "  parent: Ủy ban nhân dân thành phố Hải Phòng",
            "  abbreviation: BQL",
            "  place: Hải Phòng",
            "  office: don-vi-0",
            "  plan_year: 2024",
            "groups:",
            "  - { id: ban-chi-dao, name: Ban Chỉ đạo cải cách hành chính, email: [bcd@example.gov.vn] }",
            "units:",
        ]
        for index in 0..<unitCount {
            lines.append(
                "  - { id: don-vi-\(index), name: Phòng chuyên môn số \(index), email: [dv\(index)@example.gov.vn] }")
        }
        lines.append("tasks:")
        let areas = Area.allCases
        for index in 0..<taskCount {
            let lead = index % unitCount
            let support = (index * 7 + 1) % unitCount
            lines.append(
                "  - { id: T.\(index), area: \(areas[index % areas.count].rawValue), "
                    + "title: \"Nhiệm vụ cải cách hành chính số \(index): rà soát, đánh giá và báo cáo kết quả\", "
                    + "lead: don-vi-\(lead), support: [don-vi-\(support == lead ? (support + 1) % unitCount : support)], "
                    + "due: \"\(deadlines[index % deadlines.count])\" }")
        }
        lines += [
            "reports:",
            "  monthly: { title: Báo cáo kết quả thực hiện công tác cải cách hành chính, from: all, "
                + "period: calendar_month, due: day 16 }",
            "  consolidated: { compile: day 18, to: [ban-chi-dao], formats: [docx, html, md, json], "
                + "signer: { authority: KT. TRƯỞNG BAN, title: PHÓ TRƯỞNG BAN, name: Bùi Ngọc Hải } }",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func data() -> FakeReportData {
        var data = FakeReportData()
        let statuses: [TaskStatus] = [.done, .inProgress, .notStarted, .blocked]
        for index in stride(from: 0, to: taskCount, by: 2) {
            data.history["T.\(index)"] = [
                RecordedTaskStatus(
                    status: statuses[index / 2 % statuses.count], progress: index % 100,
                    note: "Ghi chú của đơn vị về nhiệm vụ \(index)",
                    at: ReportFixture.at("2024-03-\(10 + index % 18)T10:00:00+07:00"))
            ]
        }
        for unit in 1..<unitCount where unit % 15 != 0 {
            let day = 10 + unit % 9
            data.add(
                Submission(
                    unit: "don-vi-\(unit)", report: "monthly", period: "2024-03", tasks: [],
                    difficulties: unit % 4 == 0 ? ["Vướng mắc của đơn vị \(unit) về thủ tục, kinh phí"] : [],
                    proposals: unit % 5 == 0 ? ["Đề xuất của đơn vị \(unit)"] : [], body: "",
                    receivedAt: ReportFixture.at("2024-04-\(day)T10:00:00+07:00"), sourceName: "\(unit).md"))
        }
        return data
    }

    @Test(.enabled(if: enabled)) func buildAndRenderA300UnitTenThousandTaskReport() throws {
        let clock = ContinuousClock()
        let text = Self.yaml()
        var config: Config?
        let parse = try clock.measure { config = try TestConfig.load(text) }
        guard let config else { return }
        var calendar: WorkingCalendar?
        let tabulate = clock.measure { calendar = WorkingCalendar(rules: config.calendar.rules) }
        guard let calendar else { return }
        let data = Self.data()
        var report: ConsolidatedReport?
        let build = try clock.measure {
            report = try ConsolidatedReportBuilder(config: config, calendar: calendar)
                .build(period: ReportFixture.period, asOf: ReportFixture.asOf, data: data)
        }
        guard let report else { return }
        print("report-bench: \(Self.unitCount) units, \(Self.taskCount) tasks, \(report.appendix.count) appendix rows")
        print("report-bench: parse config     \(Self.milliseconds(parse)) ms")
        print("report-bench: working calendar \(Self.milliseconds(tabulate)) ms")
        print("report-bench: build model      \(Self.milliseconds(build)) ms")
        for format in ReportFormat.allCases {
            var bytes = 0
            let elapsed = try clock.measure { bytes = try ReportRenderer.render(report, as: format).count }
            let padded = format.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
            print("report-bench: render \(padded)   \(Self.milliseconds(elapsed)) ms, \(bytes / 1024) KiB")
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%8.1f", ms)
    }
}
