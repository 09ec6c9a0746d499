import Foundation

@testable import NhacViec

/// A small board with known tasks, statuses and submissions, and the report it gives
/// for March 2024 (calendar months) compiled on 18/04/2024 at 09:00.
///
/// Expected by construction (compile day 18/04/2024):
/// - I.1 done 25/01; I.2 done 20/03 (in the period); I.3 due 31/3 → Mon 01/04, no record → overdue 17 days;
///   I.4 ongoing.
/// - II.1 in progress 60 %; II.2 due 15/04 blocked → overdue 3 days; II.3 on demand, no record → not started.
/// - III.1 monthly on the 20th, done 19/03 → done (covers the 20/03 occurrence), next occurrence Sat 20/04 →
///   Mon 22/04 not started; III.2 due 31/05 not started; III.3 due 25/04 in progress.
/// - V.1 due 30/4/2024 (holiday, and 1/5) → Thu 02/05, not started; V.2 due 10/04 done 09/04.
/// - VII.1 due 12/04, in progress (its "done" of 19/04 comes after the compile moment) → overdue 6 days;
///   VII.2 due Quý III blocked.
/// - Monthly reports due 16/04: phong-qldt on time (15/04, resubmitted 17/04), phong-tc late 2 calendar days
///   (18/04 08:30; one working day, as 18/04 is Giỗ Tổ), thanh-tra missing (its file came at 10:00, after the
///   compile moment), trung-tam on time on the due day at 23:30.
enum ReportFixture {
    static let yaml = """
        version: 1
        organization:
          name: Ban Quản lý Khu kinh tế Hải Phòng
          parent: Ủy ban nhân dân thành phố Hải Phòng
          abbreviation: BQL
          place: Hải Phòng
          office: van-phong
          plan_year: 2024
        units:
          - id: van-phong
            name: Văn phòng Ban Quản lý
            email: [vanphong@example.gov.vn]
          - id: phong-qldt
            name: Phòng Quản lý đầu tư
            email: [qldt@example.gov.vn]
          - id: phong-tc
            name: Phòng Tổ chức
            email: [tc@example.gov.vn]
          - id: thanh-tra
            name: Thanh tra Ban Quản lý
            email: [thanhtra@example.gov.vn]
          - id: trung-tam
            name: Trung tâm Xúc tiến đầu tư
            email: [tt@example.gov.vn]
        groups:
          - id: ban-chi-dao
            name: Ban Chỉ đạo cải cách hành chính thành phố
            email: [bcd@example.gov.vn]
          - id: lanh-dao-ban
            name: Lãnh đạo Ban
            email: [ldb@example.gov.vn]
        tasks:
          - { id: I.1, area: chi_dao_dieu_hanh, title: Ban hành Kế hoạch CCHC năm 2024, lead: van-phong, due: Tháng 01/2024 }
          - { id: I.2, area: chi_dao_dieu_hanh, title: Ban hành Kế hoạch tuyên truyền CCHC, lead: van-phong, support: [trung-tam], due: Quý I/2024 }
          - { id: I.3, area: chi_dao_dieu_hanh, title: Ban hành Kế hoạch kiểm tra CCHC, lead: van-phong, support: [thanh-tra], due: Chậm nhất ngày 31/3/2024 }
          - { id: I.4, area: chi_dao_dieu_hanh, title: Tuyên truyền CCHC trên Cổng thông tin, lead: trung-tam, due: Thường xuyên }
          - { id: II.1, area: the_che, title: Rà soát văn bản quy phạm pháp luật, lead: thanh-tra, due: Quý II/2024 }
          - { id: II.2, area: the_che, title: Tham mưu Quy chế phối hợp quản lý khu công nghiệp, lead: phong-qldt, support: [thanh-tra, phong-tc], due: Ngày 15/4/2024 }
          - { id: II.3, area: the_che, title: Báo cáo đột xuất về thể chế, lead: thanh-tra, due: Theo yêu cầu }
          - { id: III.1, area: tthc, title: Báo cáo tình hình giải quyết thủ tục hành chính, lead: van-phong, due: "Hằng tháng, ngày 20" }
          - { id: III.2, area: tthc, title: "Rà soát, đơn giản hóa thủ tục hành chính", lead: van-phong, support: [phong-qldt], due: Tháng 5/2024 }
          - { id: III.3, area: tthc, title: Số hóa hồ sơ thủ tục hành chính, lead: phong-qldt, due: Ngày 25/4/2024 }
          - { id: V.1, area: cong_vu, title: "Kế hoạch đào tạo, bồi dưỡng công chức", lead: phong-tc, due: 30/4/2024 }
          - { id: V.2, area: cong_vu, title: Đánh giá công chức quý I, lead: phong-tc, due: Ngày 10/4/2024 }
          - { id: VII.1, area: chinh_quyen_so, title: Kế hoạch chuyển đổi số năm 2024, lead: van-phong, support: [trung-tam], due: Ngày 12/4/2024 }
          - { id: VII.2, area: chinh_quyen_so, title: Bảo đảm an toàn thông tin, lead: trung-tam, due: Quý III/2024 }
        reports:
          monthly:
            title: Báo cáo kết quả thực hiện công tác cải cách hành chính
            from: all
            period: calendar_month
            due: day 16
          requests:
            - { id: bc-ddci, title: Báo cáo đánh giá Chỉ số DDCI, from: [phong-qldt, phong-tc], due: 29/03/2024 }
            - { id: bc-sau, title: Báo cáo tháng 5, from: [phong-qldt], due: 10/05/2024 }
          consolidated:
            compile: day 18
            to: [ban-chi-dao]
            cc: [lanh-dao-ban]
            formats: [docx, html, md, json]
            signer: { authority: KT. Trưởng ban, title: Phó Trưởng ban, name: Bùi Ngọc Hải }
        """

    static let injected = "<script>alert('x')</script>Thiếu biên chế & kinh phí"

    static func config() throws -> Config { try TestConfig.load(yaml) }

    static func at(_ text: String) -> Date {
        guard let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh"), let date = WallClock(timeZone: zone).parse(text)
        else { preconditionFailure("not an instant: \(text)") }
        return date
    }

    static let asOf = at("2024-04-18T09:00:00+07:00")
    static let period = ReportPeriod(year: 2024, month: 3, kind: .calendarMonth)

    static func data() -> FakeReportData {
        var data = FakeReportData()
        data.history = [
            "I.1": [RecordedTaskStatus(status: .done, at: at("2024-01-25T10:00:00+07:00"))],
            "I.2": [
                RecordedTaskStatus(status: .inProgress, progress: 50, at: at("2024-03-01T10:00:00+07:00")),
                RecordedTaskStatus(
                    status: .done, note: "Đã ban hành KH số 12/KH-BQL", at: at("2024-03-20T15:00:00+07:00")),
            ],
            "I.4": [
                RecordedTaskStatus(status: .inProgress, note: "Đăng 12 tin, bài", at: at("2024-04-10T10:00:00+07:00"))
            ],
            "II.1": [
                RecordedTaskStatus(
                    status: .inProgress, progress: 60, note: "Đang dự thảo", at: at("2024-04-15T10:00:00+07:00"))
            ],
            "II.2": [
                RecordedTaskStatus(status: .blocked, note: "Chờ ý kiến Sở Tư pháp", at: at("2024-04-10T10:00:00+07:00"))
            ],
            "III.1": [RecordedTaskStatus(status: .done, at: at("2024-03-19T10:00:00+07:00"))],
            "III.3": [RecordedTaskStatus(status: .inProgress, progress: 30, at: at("2024-04-15T10:00:00+07:00"))],
            "V.2": [RecordedTaskStatus(status: .done, at: at("2024-04-09T10:00:00+07:00"))],
            "VII.1": [
                RecordedTaskStatus(status: .inProgress, at: at("2024-04-01T10:00:00+07:00")),
                RecordedTaskStatus(status: .done, at: at("2024-04-19T10:00:00+07:00")),
            ],
            "VII.2": [
                RecordedTaskStatus(
                    status: .blocked, note: "Chưa được cấp kinh phí", at: at("2024-04-12T10:00:00+07:00"))
            ],
        ]
        data.add(
            monthly(
                "phong-qldt", "2024-04-15T10:00:00+07:00", difficulties: ["Bản đầu tiên"],
                proposals: ["Đề xuất cũ"]))
        data.add(
            monthly(
                "phong-qldt", "2024-04-17T09:00:00+07:00",
                // NFD on purpose: the report must carry NFC.
                difficulties: [
                    "Chưa có hướng dẫn của Sở Nội vụ về vị trí việc làm".decomposedStringWithCanonicalMapping, injected,
                ],
                proposals: ["Đề nghị Sở Nội vụ tổ chức tập huấn"]))
        data.add(
            monthly("phong-tc", "2024-04-18T08:30:00+07:00", proposals: ["Đề nghị Lãnh đạo Ban bố trí kinh phí"]))
        data.add(monthly("thanh-tra", "2024-04-18T10:00:00+07:00", difficulties: ["Không được tính"]))
        data.add(
            monthly(
                "trung-tam", "2024-04-16T23:30:00+07:00",
                difficulties: ["Hệ thống một cửa điện tử thường xuyên gián đoạn"]))
        data.add(
            Submission(
                unit: "phong-qldt", report: "bc-ddci", period: nil, tasks: [], difficulties: [],
                proposals: ["Đề nghị bổ sung kinh phí khảo sát DDCI"], body: "",
                receivedAt: at("2024-03-28T10:00:00+07:00"), sourceName: "ddci.md"),
            occurrence: "2024-03-29")
        data.deliveries = [
            .init(from: at("2024-03-01"), to: at("2024-04-01"), counts: DeliveryCounts(reminders: 37, escalations: 4))
        ]
        return data
    }

    static func monthly(
        _ unit: String, _ received: String, difficulties: [String] = [], proposals: [String] = []
    ) -> Submission {
        Submission(
            unit: unit, report: "monthly", period: "2024-03", tasks: [], difficulties: difficulties,
            proposals: proposals, body: "", receivedAt: at(received), sourceName: "\(unit).md")
    }

    static func report() throws -> ConsolidatedReport {
        let config = try config()
        let builder = ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        return try builder.build(period: period, asOf: asOf, data: data())
    }
}

/// The store's answers, kept in memory: a status history per task, submissions by
/// (report, occurrence), delivery counts by interval.
struct FakeReportData: ReportDataSource {
    struct Interval {
        var from: Date
        var to: Date
        var counts: DeliveryCounts
    }

    var history: [String: [RecordedTaskStatus]] = [:]
    var received: [String: [Submission]] = [:]
    var deliveries: [Interval] = []

    mutating func add(_ submission: Submission, occurrence: String? = nil) {
        received["\(submission.report)/\(occurrence ?? submission.period ?? "")", default: []].append(submission)
    }

    func taskStatuses(asOf: Date) -> [String: RecordedTaskStatus] {
        history.compactMapValues { records in records.filter { $0.at <= asOf }.max { $0.at < $1.at } }
    }

    func receivedSubmissions(report: String, occurrence: String) -> [Submission] {
        received["\(report)/\(occurrence)"] ?? []
    }

    /// Counts only for an interval asked exactly: a wrong interval shows up as zeros.
    func deliveryCounts(from: Date, to: Date) -> DeliveryCounts {
        deliveries.first { $0.from == from && $0.to == to }?.counts ?? DeliveryCounts(reminders: 0, escalations: 0)
    }
}
