import Foundation
import Testing

@testable import NhacViec

@Suite("Report form writer")
struct ReportFormWriterTests {
    @Test func monthlyFormCarriesTheUnitsTasksIdentityAndSections() throws {
        let form = try FormTestSupport.form()
        #expect(form.fileName == "phong-qldt-2024-03.docx")
        let view = try FormClerk.dump(form.data)
        #expect(
            view.custom == ["nhacviec.unit": "phong-qldt", "nhacviec.report": "monthly", "nhacviec.period": "2024-03"])
        #expect(view.paragraphs.contains("Mã báo cáo: phong-qldt / monthly / 2024-03"))
        #expect(view.paragraphs.contains("BÁO CÁO"))
        #expect(
            view.paragraphs.contains(
                "Kết quả thực hiện công tác cải cách hành chính tháng 3/2024 (từ ngày 15/02/2024 đến ngày 14/03/2024)"))
        #expect(view.paragraphs.contains("Kính gửi: Văn phòng Ban Quản lý."))
        for heading in ["1. Kết quả nổi bật", "2. Khó khăn, vướng mắc", "3. Đề xuất, kiến nghị"] {
            #expect(view.paragraphs.contains(heading))
        }
        #expect(
            view.paragraphs.contains {
                $0.contains("Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Vướng mắc")
            })
        // Header: the organisation above the unit, the unit's symbol.
        let header = try #require(view.tables.first)
        #expect(header[0][0].contains("BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG"))
        #expect(header[0][0].contains("PHÒNG QUẢN LÝ ĐẦU TƯ"))
        #expect(header[1][0].contains("/BC-QLĐT"))
        let tasks = view.tables[1]
        #expect(tasks[0] == ReportFormText.columns)
        #expect(tasks.count == 3)
        #expect(
            tasks[1] == [
                "1", "II.3", "Rà soát văn bản quy phạm pháp luật", "chủ trì", "Tháng 3/2024", "Đang thực hiện", "40",
                "Đang rà soát 12 văn bản",
            ])
        #expect(
            tasks[2] == [
                "2", "VI.2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "chủ trì", "Quý II/2024",
                "Chưa thực hiện", "", "",
            ])
        #expect(view.tags.contains("nhacviec:task:II.3:status"))
        #expect(view.tags.contains("nhacviec:difficulties"))
        // The signer block names the unit's head.
        let signer = try #require(view.tables.last)
        #expect(signer[0][1].contains("TRƯỞNG PHÒNG"))
        #expect(signer[0][1].contains("Trần Văn B"))
    }

    @Test func formUsesTheConsolidatedReportsPageSetupAndFonts() throws {
        let form = try FormTestSupport.form()
        let view = try ReportCheckers.docx(form.data)
        let section = try #require(view.sections.first)
        #expect([section.page_width, section.page_height] == [Int]([11906, 16838]))
        #expect([section.top, section.bottom, section.left, section.right] == [Int]([1134, 1134, 1701, 850]))
        #expect(view.normal_font == "Times New Roman")
        #expect(view.normal_size_pt == 14)
        #expect(view.malformed.isEmpty)
    }

    @Test func tasksDoneBeforeThePeriodAreLeftOut() throws {
        var data = try FormTestSupport.data()
        data.history["VI.2"] = [
            RecordedTaskStatus(status: .done, at: try IntakeTestSupport.at("2024-02-01T10:00:00+07:00"))
        ]
        let form = try ReportFormWriter(config: FormTestSupport.config()).write(
            unit: "phong-qldt", kind: .monthly(period: "2024-03"), data: data,
            now: IntakeTestSupport.at("2024-03-20T08:00:00+07:00"))
        let rows = try FormClerk.dump(form.data).tables[1]
        #expect(rows.map { $0[1] } == ["Mã", "II.3"])
    }

    @Test func requestFormHasTheSectionsButNoTaskTable() throws {
        let form = try FormTestSupport.form(unit: "van-phong", .request(id: "bc-ddci"))
        #expect(form.fileName == "van-phong-bc-ddci.docx")
        let view = try FormClerk.dump(form.data)
        #expect(view.custom == ["nhacviec.unit": "van-phong", "nhacviec.report": "bc-ddci"])
        #expect(view.paragraphs.contains("Mã báo cáo: van-phong / bc-ddci"))
        #expect(view.paragraphs.contains("Đánh giá Chỉ số DDCI"))
        #expect(view.paragraphs.contains("3. Đề xuất, kiến nghị"))
        // Header and signer block only; no "Kính gửi" to itself (the office), symbol without a unit part.
        #expect(view.tables.count == 2)
        #expect(!view.paragraphs.contains { $0.hasPrefix("Kính gửi") })
        #expect(view.tables[0][1][0].hasSuffix("/BC"))
    }

    @Test(arguments: [
        ("phong-xyz", ReportForm.Kind.monthly(period: "2024-03"), "unknown unit 'phong-xyz'"),
        ("van-phong", .monthly(period: "2024-03"), "unit 'van-phong' is not asked for the monthly report"),
        ("phong-qldt", .monthly(period: "2024-3"), "'2024-3' is not a month"),
        ("phong-qldt", .request(id: "bc-khong-co"), "unknown request 'bc-khong-co'"),
        ("phong-tc", .request(id: "bc-ddci"), "unit 'phong-tc' is not asked for request 'bc-ddci'"),
    ])
    func formsNobodyOwesAreRefusedSayingWhy(unit: String, kind: ReportForm.Kind, message: String) throws {
        let error = #expect(throws: ReportFormError.self) { try FormTestSupport.form(unit: unit, kind) }
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
    }
}
