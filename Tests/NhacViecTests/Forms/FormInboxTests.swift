import Foundation
import Testing

@testable import NhacViec

/// Filled forms dropped into the inbox: taken in like a Markdown report, or rejected
/// with a `.error` that points at the cell, the file kept.
@Suite("Word forms in the inbox")
struct FormInboxTests {
    @Test func aGoodFormIsArchivedAndABadOneRejectedWithItsCellAndKept() throws {
        let box = try InboxProcessorTests.Inbox()
        let form = try FormTestSupport.form().data
        let good = try FormClerk.fill(
            form, #"{"rows": {"VI.2": {"status": "Dang thuc hien", "progress": "30%"}}}"#)
        let bad = try FormClerk.fill(form, #"{"rows": {"II.3": {"status": "xong rồi"}}}"#)
        let bomb = try Data(
            contentsOf: TestConfig.packageRoot.appendingPathComponent("Tests/Fixtures/forms/zip-bomb-lying-size.docx"))
        try box.drop("phong-qldt-2024-03.docx", good)
        try box.drop("sai.docx", bad)
        try box.drop("bom.docx", bomb)

        let summary = try box.scan("2024-04-10T09:00:00+07:00")

        #expect(summary.accepted.map(\.fileName) == ["phong-qldt-2024-03.docx"])
        #expect(summary.rejected.map(\.fileName) == ["bom.docx", "sai.docx"])
        #expect(summary.failed.isEmpty)
        let recorded = box.sink.recorded(.monthlyReport(unit: "phong-qldt"), "2024-03")
        #expect(recorded.first?.tasks.last == TaskUpdate(id: "VI.2", status: .inProgress, progress: 30))
        let files = try box.files()
        #expect(files["rejected/sai.docx"] == bad)
        #expect(files["rejected/bom.docx"] == bomb)
        let notice = String(decoding: try #require(files["rejected/sai.docx.error"]), as: UTF8.self)
        #expect(
            notice.contains(
                "sai.docx: error: bảng nhiệm vụ, dòng 1 (II.3), cột Tình trạng: 'xong rồi' không hợp lệ "
                    + "(hợp lệ: Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Vướng mắc)"))
        let bombNotice = String(decoding: try #require(files["rejected/bom.docx.error"]), as: UTF8.self)
        #expect(bombNotice.contains("không đọc được mẫu báo cáo Word"))
        #expect(bombNotice.contains("bom nén"))
    }
}
