import Foundation
import Testing

@testable import NhacViec

/// Section III from the difficulty records (DESIGN §8, §14), compiled for March 2024 on 18/04/2024 09:00.
@Suite struct DifficultyReportTests {
    static func at(_ text: String) -> Date { ReportFixture.at(text) }

    static func record(
        _ id: String, _ unit: String, _ text: String, task: String? = nil,
        _ events: [(String, DifficultyStatus, String?)]
    )
        -> Difficulty
    {
        Difficulty(
            id: id, unit: unit, text: text, task: task,
            history: events.map { Difficulty.Event(at: at($0.0), status: $0.1, note: $0.2) })
    }

    /// The fixture's store answers plus difficulty records.
    struct Data: ReportDataSource {
        var base = ReportFixture.data()
        var records: [Difficulty]

        func taskStatuses(asOf: Date) -> [String: RecordedTaskStatus] { base.taskStatuses(asOf: asOf) }
        func receivedSubmissions(report: String, occurrence: String) -> [Submission] {
            base.receivedSubmissions(report: report, occurrence: occurrence)
        }
        func deliveryCounts(from: Date, to: Date) -> DeliveryCounts { base.deliveryCounts(from: from, to: to) }
        func difficultyRecords() -> [Difficulty] { records }
    }

    static let records = [
        // The same text as phong-qldt's report note: shown once, as the record.
        record(
            "VM-2024-1", "phong-qldt", "Chưa có hướng dẫn của Sở Nội vụ về vị trí việc làm", task: "II.2",
            [("2024-04-10T10:00:00+07:00", .open, nil)]),
        record(
            "VM-2024-2", "trung-tam", "Hệ thống một cửa điện tử thường xuyên gián đoạn",
            [
                ("2024-03-05T10:00:00+07:00", .open, nil), ("2024-03-10T10:00:00+07:00", .forwarded, "Trình BCĐ"),
                ("2024-03-25T10:00:00+07:00", .resolved, "Ý kiến chỉ đạo: giao Trung tâm phối hợp VNPT khắc phục"),
            ]),
        // A unit removed from the config since: still listed, marked.
        record(
            "VM-2024-3", "phong-cu", "Thiếu máy scan",
            [("2024-02-01T10:00:00+07:00", .open, nil), ("2024-02-05T10:00:00+07:00", .forwarded, nil)]),
        // Resolved after the compile moment: open in this report.
        record(
            "VM-2024-4", "phong-tc", "Thiếu biên chế",
            [("2024-03-01T10:00:00+07:00", .open, nil), ("2024-04-19T10:00:00+07:00", .resolved, "Sau")]),
        // Raised after the compile moment; resolved after the period: in neither list.
        record("VM-2024-5", "phong-tc", "Sau thời điểm lập", [("2024-04-20T10:00:00+07:00", .open, nil)]),
        record(
            "VM-2024-6", "phong-tc", "Giải quyết sau kỳ",
            [("2024-03-20T10:00:00+07:00", .open, nil), ("2024-04-02T10:00:00+07:00", .resolved, "Kỳ sau")]),
    ]

    static func report() throws -> ConsolidatedReport {
        let config = try ReportFixture.config()
        let builder = ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        return try builder.build(
            period: ReportFixture.period, asOf: ReportFixture.asOf, data: Data(records: records))
    }

    @Test func openRecordsAreThoseOpenAtTheCompileMomentWithTheirAgeAndResolvedOnesCarryTheDirection() throws {
        let report = try Self.report()
        #expect(report.openDifficulties.map(\.id) == ["VM-2024-3", "VM-2024-4", "VM-2024-1"])
        #expect(report.openDifficulties.map(\.ageDays) == [77, 48, 8])
        #expect(report.openDifficulties.map(\.status) == ["forwarded", "open", "open"])
        #expect(report.openDifficulties[0].unitInConfig == false)
        #expect(report.openDifficulties[2].taskTitle == "Tham mưu Quy chế phối hợp quản lý khu công nghiệp")
        let resolved = try #require(report.resolvedDifficulties.first)
        #expect(report.resolvedDifficulties.count == 1)
        #expect(resolved.id == "VM-2024-2")
        #expect(resolved.direction == "Ý kiến chỉ đạo: giao Trung tâm phối hợp VNPT khắc phục")
        #expect(resolved.resolvedOn == LocalDate(iso: "2024-03-25"))
        #expect(resolved.ageDays == 20)
    }

    @Test func everyFormatShowsTheRecordsOnceWithTheDirection() throws {
        let report = try Self.report()
        let md = String(decoding: try ReportRenderer.render(report, as: .md), as: UTF8.self)
        let section =
            try #require(md.components(separatedBy: "III. Tồn tại, hạn chế, vướng mắc").last)
            .components(separatedBy: "IV. Nhiệm vụ trọng tâm").first ?? ""
        #expect(section.contains("Tính đến ngày 18/04/2024, còn 3 vướng mắc"))
        #expect(section.contains("Thiếu máy scan"))
        #expect(section.contains("phong-cu (đơn vị không còn trong cấu hình)"))
        #expect(section.contains("Ý kiến chỉ đạo (ngày 25/03/2024)"))
        #expect(section.contains("giao Trung tâm phối hợp VNPT khắc phục"))
        #expect(section.components(separatedBy: "Chưa có hướng dẫn của Sở Nội vụ về vị trí việc làm").count == 2)
        #expect(!section.contains("Sau thời điểm lập") && !section.contains("Giải quyết sau kỳ"))

        let html = String(decoding: try ReportRenderer.render(report, as: .html), as: UTF8.self)
        #expect(html.contains("VM-2024-3") && html.contains("giao Trung tâm phối hợp VNPT khắc phục"))

        let docx = try ReportCheckers.docx(try ReportRenderer.render(report, as: .docx))
        let cells = docx.tables.flatMap(\.rows).flatMap { $0 }
        #expect(cells.contains("VM-2024-1"))
        #expect(docx.paragraphs.map(\.text).contains { $0.contains("giao Trung tâm phối hợp VNPT khắc phục") })

        let json = try ReportRenderer.render(report, as: .json)
        #expect(try ReportRenderer.decodeJSON(json) == report)
        #expect(String(decoding: json, as: UTF8.self).contains(#""direction" : "Ý kiến chỉ đạo: giao Trung tâm"#))
    }
}
