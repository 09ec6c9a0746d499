import Foundation
import Testing

@testable import NhacViec

/// Forms re-saved by LibreOffice (headless `soffice --convert-to docx`, its own profile in
/// a temporary folder) still read as the same report.
@Suite("Word forms through LibreOffice")
struct LibreOfficeRoundTripTests {
    /// `data` opened and saved again as .docx by LibreOffice.
    static func resave(_ data: Data) throws -> Data {
        try FormClerk.withFolder { folder in
            let input = folder.appendingPathComponent("in/form.docx")
            let output = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(
                at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: input)
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = folder.path
            _ = try FormClerk.runProcess(
                "/usr/bin/soffice",
                [
                    "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", output.path, input.path,
                ], environment: environment)
            return try Data(contentsOf: output.appendingPathComponent("form.docx"))
        }
    }

    /// Tracked changes stand outside the content controls here ("plain"): LibreOffice 7
    /// drops the change marks inside a control when it opens one (deleted words come back as
    /// text), so a re-saved document with changes inside controls says something else.
    @Test func aFilledFormResavedByLibreOfficeReadsTheSame() throws {
        let spec = WordFormReaderTests.awkward.replacingOccurrences(of: "{\"rows\"", with: "{\"plain\": true, \"rows\"")
        #expect(spec != WordFormReaderTests.awkward)
        let filled = try FormClerk.fill(FormTestSupport.form().data, spec)
        let resaved = try Self.resave(filled)
        #expect(resaved != filled)
        let before = try WordFormReaderTests.read(filled)
        let after = try WordFormReaderTests.read(resaved)
        #expect(after.contentKey == before.contentKey)
        #expect(after.tasks.first?.status == .done)
    }

    @Test func anErrorInAResavedFormStillNamesTheRowAndColumn() throws {
        let filled = try FormClerk.fill(
            FormTestSupport.form().data, #"{"plain": true, "rows": {"VI.2": {"status": "xong rồi"}}}"#)
        let error = try WordFormReaderTests.readError(Self.resave(filled))
        #expect(
            error.description.contains(
                "bảng nhiệm vụ, dòng 2 (VI.2), cột Tình trạng: 'xong rồi' không hợp lệ (hợp lệ: Chưa thực hiện"))
    }

    /// An edit made inside LibreOffice through its own UNO API (Tests/Support/lo_edit.py:
    /// a cell typed over, a paragraph added under section 2), saved by its .docx filter.
    @Test func aFormEditedInLibreOfficeThroughUNOReadsTheEdit() throws {
        let edited = try FormClerk.withFolder { folder in
            let input = folder.appendingPathComponent("form.docx")
            let output = folder.appendingPathComponent("edited.docx")
            try FormTestSupport.form().data.write(to: input)
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = folder.path
            _ = try FormClerk.runProcess(
                "/usr/bin/python3",
                [
                    TestConfig.packageRoot.appendingPathComponent("Tests/Support/lo_edit.py").path, input.path,
                    output.path, "VI.2", "vướng mắc", folder.appendingPathComponent("profile").path,
                ], environment: environment)
            return try Data(contentsOf: output)
        }
        let submission = try WordFormReaderTests.read(edited)
        #expect(
            submission.tasks == [
                TaskUpdate(id: "II.3", status: .inProgress, progress: 40, note: "Đang rà soát 12 văn bản"),
                TaskUpdate(id: "VI.2", status: .blocked),
            ])
        #expect(submission.difficulties == ["Phần mềm một cửa chưa kết nối được với cổng dịch vụ công"])
    }
}
