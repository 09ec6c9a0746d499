import Foundation
import Testing

@testable import NhacViec

/// Forms made by the writer, filled by python-docx the way a clerk would (Tests/Support/
/// form_clerk.py), read back through the one intake path.
@Suite("Word form reader")
struct WordFormReaderTests {
    static let receivedAt = "2024-03-25T10:00:00+07:00"

    static func read(_ data: Data, name: String = "phong-qldt-2024-03.docx") throws -> Submission {
        try SubmissionParser.parse(
            data: data, fileName: name, config: FormTestSupport.config(),
            receivedAt: IntakeTestSupport.at(receivedAt))
    }

    static func readError(_ data: Data, name: String = "phong-qldt-2024-03.docx") throws -> SubmissionError {
        let config = try FormTestSupport.config()
        let at = try IntakeTestSupport.at(receivedAt)
        let error = #expect(throws: SubmissionError.self) {
            try SubmissionParser.parse(data: data, fileName: name, config: config, receivedAt: at)
        }
        return try #require(error)
    }

    /// Split runs, proofing marks, bookmarks, tracked changes, smart quotes, NBSP, a status
    /// without diacritics, progress with '%', a deleted row, blank rows, typed bullets.
    static let awkward = """
        {"rows": {
           "II.3": {"status": ["Đã ", {"proof": true}, "hoàn", {"bookmark": "_GoBack"}, " thà", "nh"],
                    "progress": "100\\u00a0%",
                    "note": ["Đã ban hành ", {"del": "QĐ số 40"}, {"ins": "QĐ số 45/QĐ-BQL"}, " “về rà soát”"]}},
         "delete_rows": ["VI.2"],
         "blank_rows": 2,
         "sections": {
           "highlights": ["Hoàn thành\\u00a0rà soát văn bản.", ["Tổ chức ", {"ins": "02 "}, "hội nghị"]],
           "difficulties": ["- Chưa có hướng dẫn của Sở Nội vụ", "", "• Thiếu nhân lực ‘chuyên trách’"],
           "proposals": [["Đề nghị ", {"del": "Sở Nội vụ"}, "Sở Tư pháp hỗ trợ"]]}}
        """

    @Test func aClerksAwkwardEditsReadAsTheSameSubmissionAMarkdownReportGives() throws {
        let form = try FormTestSupport.form().data
        let submission = try Self.read(FormClerk.fill(form, Self.awkward))
        #expect(submission.unit == "phong-qldt")
        #expect(submission.report == "monthly")
        #expect(submission.period == "2024-03")
        #expect(
            submission.tasks == [
                TaskUpdate(
                    id: "II.3", status: .done, progress: 100, note: "Đã ban hành QĐ số 45/QĐ-BQL \"về rà soát\"")
            ])
        #expect(submission.difficulties == ["Chưa có hướng dẫn của Sở Nội vụ", "Thiếu nhân lực 'chuyên trách'"])
        #expect(submission.proposals == ["Đề nghị Sở Tư pháp hỗ trợ"])
        #expect(submission.body == "Hoàn thành rà soát văn bản.\n\nTổ chức 02 hội nghị")
        #expect(submission.sourceName == "phong-qldt-2024-03.docx")

        // The Markdown report saying the same is the same submission.
        let markdown = """
            ---
            unit: phong-qldt
            report: monthly
            period: 2024-03
            tasks:
              - { id: II.3, status: done, progress: 100, note: "Đã ban hành QĐ số 45/QĐ-BQL \\"về rà soát\\"" }
            difficulties: ["Chưa có hướng dẫn của Sở Nội vụ", "Thiếu nhân lực 'chuyên trách'"]
            proposals: ["Đề nghị Sở Tư pháp hỗ trợ"]
            ---
            Hoàn thành rà soát văn bản.

            Tổ chức 02 hội nghị
            """
        let same = try SubmissionParser.parse(
            text: markdown, fileName: "x.md", config: FormTestSupport.config(),
            receivedAt: IntakeTestSupport.at(Self.receivedAt))
        #expect(same.contentKey == submission.contentKey)
    }

    @Test func prefilledStatusesAreReportedAndHintsAreNotTakenForText() throws {
        let submission = try Self.read(FormTestSupport.form().data)
        #expect(
            submission.tasks == [
                TaskUpdate(id: "II.3", status: .inProgress, progress: 40, note: "Đang rà soát 12 văn bản"),
                TaskUpdate(id: "VI.2", status: .notStarted),
            ])
        #expect(submission.difficulties.isEmpty)
        #expect(submission.proposals.isEmpty)
        #expect(submission.body.isEmpty)
    }

    @Test func formsWhoseContentControlsWereFlattenedReadTheSame() throws {
        let form = try FormTestSupport.form().data
        let spec = """
            {"plain": true,
             "rows": {"VI.2": {"status": "VƯỚNG MẮC", "progress": "15", "note": "Chờ kinh phí"}},
             "sections": {"difficulties": ["Chưa bố trí kinh phí số hóa"]}}
            """
        let submission = try Self.read(FormClerk.fill(form, spec))
        #expect(submission.tasks.last == TaskUpdate(id: "VI.2", status: .blocked, progress: 15, note: "Chờ kinh phí"))
        #expect(submission.difficulties == ["Chưa bố trí kinh phí số hóa"])
        #expect(try FormClerk.dump(FormClerk.fill(form, spec)).tags.allSatisfy { !$0.contains("VI.2") })
    }

    @Test func aBadStatusWordIsNamedByRowAndColumnWithTheAllowedWords() throws {
        let form = try FormTestSupport.form().data
        let filled = try FormClerk.fill(
            form, #"{"rows": {"VI.2": {"status": "xong rồi", "progress": "nhiều"}, "II.3": {"status": ""}}}"#)
        let error = try Self.readError(filled)
        #expect(error.exitStatus == .dataError)
        #expect(
            error.issues.map(\.description) == [
                "phong-qldt-2024-03.docx: error: bảng nhiệm vụ, dòng 1 (II.3), cột Tình trạng: trống "
                    + "(hợp lệ: Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Vướng mắc)",
                "phong-qldt-2024-03.docx: error: bảng nhiệm vụ, dòng 2 (VI.2), cột Tình trạng: 'xong rồi' không hợp lệ "
                    + "(hợp lệ: Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Vướng mắc)",
                "phong-qldt-2024-03.docx: error: bảng nhiệm vụ, dòng 2 (VI.2), cột Tiến độ (%): "
                    + "'nhiều' không phải số phần trăm từ 0 đến 100",
            ])
    }

    @Test func withLanguageEnTheSameCellsAreNamedInTheFormsWordsWithEnglishMessages() throws {
        let form = try FormTestSupport.form().data
        let filled = try FormClerk.fill(
            form, #"{"rows": {"VI.2": {"status": "xong rồi", "progress": "nhiều", "id": "VI.9"}}}"#)
        let config = try TestConfig.load(
            IntakeTestSupport.yaml.replacingOccurrences(
                of: "  office: van-phong\n", with: "  office: van-phong\n  language: en\n"))
        let at = try IntakeTestSupport.at(Self.receivedAt)
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                data: filled, fileName: "phong-qldt-2024-03.docx", config: config, receivedAt: at)
        }
        #expect(
            error.issues.map(\.description) == [
                "phong-qldt-2024-03.docx: error: bảng nhiệm vụ, dòng 2 (VI.9), cột Tình trạng: 'xong rồi' is not valid "
                    + "(valid: Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Vướng mắc)",
                "phong-qldt-2024-03.docx: error: bảng nhiệm vụ, dòng 2 (VI.9), cột Tiến độ (%): "
                    + "'nhiều' is not a percentage from 0 to 100",
            ])
        let unknown = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                data: try FormClerk.fill(form, #"{"rows": {"VI.2": {"id": "VI.9"}}}"#),
                fileName: "phong-qldt-2024-03.docx", config: config, receivedAt: at)
        }
        #expect(unknown.issues.map(\.path) == ["bảng nhiệm vụ, dòng 2 (VI.9), cột Mã"])
        #expect(unknown.issues.first?.message.hasPrefix("unknown task 'VI.9'") == true)
    }

    @Test func theParsersOwnChecksPointAtTheCellToo() throws {
        let form = try FormTestSupport.form().data
        // A task id the plan does not have: SubmissionParser's check, located in the table.
        let unknown = try Self.readError(FormClerk.fill(form, #"{"rows": {"VI.2": {"id": "VI.9"}}}"#))
        let issue = try #require(unknown.issues.first)
        #expect(issue.path == "bảng nhiệm vụ, dòng 2 (VI.9), cột Mã")
        #expect(issue.message.hasPrefix("không có nhiệm vụ 'VI.9'"))
        // A period outside the plan year, on the identification line.
        let outside = try Self.readError(FormClerk.fill(form, #"{"code_line": "phong-qldt / monthly / 2031-03"}"#))
        let line = try #require(outside.issues.first)
        #expect(line.path == "dòng 'Mã báo cáo:'")
        #expect(line.message.contains("2031-03"))
    }

    @Test func theVisibleLineIdentifiesTheFormAndThePropertiesStandInWhenItIsGone() throws {
        let form = try FormTestSupport.form().data
        // The clerk reused March's form for April: the line says April.
        let april = try FormClerk.fill(form, #"{"code_line": "phong-qldt / monthly / 2024-04", "rows": {}}"#)
        let config = try FormTestSupport.config()
        let late = try IntakeTestSupport.at("2024-04-20T10:00:00+07:00")
        #expect(
            try SubmissionParser.parse(data: april, fileName: "f.docx", config: config, receivedAt: late).period
                == "2024-04")
        // Line emptied: the custom properties say March.
        let noLine = try FormClerk.fill(form, #"{"code_line": ""}"#)
        #expect(try Self.read(noLine).period == "2024-03")
        // Neither: not our form.
        let neither = try FormClerk.fill(form, #"{"code_line": "", "drop_custom": true}"#)
        let error = try Self.readError(neither)
        #expect(error.description.contains("không phải mẫu báo cáo"))
    }

    @Test func aRequestFormReadsItsSections() throws {
        let form = try FormTestSupport.form(unit: "phong-qldt", .request(id: "bc-ddci")).data
        let filled = try FormClerk.fill(
            form, #"{"sections": {"highlights": ["DDCI tăng 3 bậc"], "proposals": ["Tập huấn cho doanh nghiệp"]}}"#)
        let submission = try Self.read(filled, name: "phong-qldt-bc-ddci.docx")
        #expect(submission.report == "bc-ddci")
        #expect(submission.period == nil)
        #expect(submission.tasks.isEmpty)
        #expect(submission.body == "DDCI tăng 3 bậc")
        #expect(submission.proposals == ["Tập huấn cho doanh nghiệp"])
    }

    @Test(arguments: [
        ("not-a-zip.docx", "tệp không phải văn bản Word (.docx)"),
        ("encrypted-ole.docx", "tệp được đặt mật khẩu (mã hóa) hoặc là định dạng Word cũ (.doc)"),
        ("truncated.docx", "tệp .docx bị hỏng"),
        ("foreign-document.docx", "không phải mẫu báo cáo của Văn phòng"),
        ("zip-bomb.docx", "khai báo 67108864 byte khi giải nén, quá giới hạn"),
        ("zip-bomb-lying-size.docx", "giải nén ra hơn 16777216 byte"),
        ("too-many-entries.docx", "có hơn 1000 thành phần"),
        ("entity-expansion.docx", "document type declarations are not allowed"),
        ("malformed-xml.docx", "element <w:p> is never closed"),
    ])
    func hostileAndForeignFilesAreRefusedWithAMessage(name: String, message: String) throws {
        let data = try Data(
            contentsOf: TestConfig.packageRoot.appendingPathComponent("Tests/Fixtures/forms/\(name)"))
        let error = try Self.readError(data, name: name)
        #expect(error.exitStatus == .dataError)
        #expect(error.description.hasPrefix("\(name): error: "))
        #expect(error.description.contains(message), "\(error)")
    }
}
