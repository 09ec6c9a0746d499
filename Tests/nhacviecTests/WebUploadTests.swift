import Foundation
import NhacViecTestSupport
import Testing

/// Units upload their Markdown report or filled Word form on their page (DESIGN §13, §15):
/// the same parser and intake as `submit`, with the upload's own safety rules.
@Suite struct WebUploadTests {
    static func token(_ page: String) throws -> String {
        try #require(
            page.range(of: "name=\"csrf\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) })
    }

    static func report(unit: String, period: String = "2024-03", progress: Int = 40) -> String {
        """
        ---
        unit: \(unit)
        report: monthly
        period: \(period)
        tasks:
          - { id: II.3, status: in_progress, progress: \(progress) }
        ---
        Báo cáo tải lên từ tệp.

        """
    }

    /// `nhacviec form` for phong-qldt, March 2024, filled by python-docx per `spec`.
    static func filledForm(_ web: WebFixture, spec: String, name: String) throws -> String {
        let blank = web.daemon.directory.file("mau-\(UUID().uuidString).docx")
        let made = try BinaryRunner.run([
            "form", "-c", web.daemon.configPath, "--state", web.daemon.statePath, "--unit", "phong-qldt", "--period",
            "2024-03", "--out", blank, "--now", "2024-04-03T09:00:00+07:00",
        ])
        guard made.status == 0 else { throw TestFailure("form failed: \(made.stderr)") }
        let specPath = web.daemon.directory.file(name + ".json")
        try spec.write(toFile: specPath, atomically: true, encoding: .utf8)
        let out = web.daemon.directory.file(name)
        let filled = try TestSupport.run(
            TestSupport.python, [TestSupport.script("form_clerk.py"), "fill", blank, specPath, out])
        guard filled.status == 0 else { throw TestFailure("form_clerk.py failed") }
        return out
    }

    @Test func aFilledWordFormIsTakenAndOneWithAWrongStatusNamesItsCellBesideTheField() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let path = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let page = try web.request(path)
        #expect(page.text.contains("enctype=\"multipart/form-data\""))
        let token = try Self.token(page.text)
        let bad = try Self.filledForm(web, spec: #"{"rows": {"II.3": {"status": "xong rồi"}}}"#, name: "sai.docx")
        let refused = try web.request(path, method: "POST", multipart: ["csrf=\(token)", "report=@\(bad)"])
        #expect(refused.status == 422)
        #expect(refused.text.contains("aria-describedby=\"report-file-error\""))
        #expect(refused.text.contains("id=\"report-file-error\""))
        #expect(refused.text.contains("bảng nhiệm vụ, dòng 1 (II.3), cột Tình trạng:"), "\(refused.text)")
        #expect(refused.text.contains("xong rồi"))
        #expect(try web.office("/periods/2024-03").text.contains("Phòng Quản lý đầu tư</a></td><td>Chưa gửi"))

        let good = try Self.filledForm(
            web, spec: #"{"rows": {"II.3": {"status": "Đã hoàn thành", "progress": "100", "note": "QĐ 45"}}}"#,
            name: "phong-qldt-2024-03.docx")
        let accepted = try web.request(path, method: "POST", multipart: ["csrf=\(token)", "report=@\(good)"])
        #expect(accepted.status == 200, "\(accepted.text)")
        #expect(accepted.text.contains("(phong-qldt-2024-03.docx)"))
        #expect(accepted.text.contains("Biên nhận này cũng được gửi qua thư điện tử đến qldt@example.gov.vn."))
        #expect(try web.office("/periods/2024-03").text.contains("Phòng Quản lý đầu tư</a></td><td>Chậm 16 ngày"))
        #expect(try web.office("/tasks/II.3").text.contains("<td>Đã hoàn thành</td><td>100%</td><td>QĐ 45</td>"))
    }

    @Test func uploadsAreBoundedTypedNeedTheTokenTakeOnlyTheLinksReportAndCountTowardsTheLimit() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let path = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let token = try Self.token(try web.request(path).text)
        let directory = web.daemon.directory
        var posts = 0
        func upload(_ parts: [String], headers: [String] = []) throws -> WebFixture.HTTPResult {
            posts += 1
            return try web.request(path, method: "POST", headers: headers, multipart: parts)
        }

        // Over 10 MB: 413, whether the length is announced or the body is chunked.
        let big = directory.file("lon.docx")
        var bytes = Data([0x50, 0x4B, 0x03, 0x04])
        bytes.append(Data(repeating: 0x41, count: 11 * 1024 * 1024))
        try bytes.write(to: URL(fileURLWithPath: big))
        #expect(try upload(["csrf=\(token)", "report=@\(big)"]).status == 413)
        #expect(try upload(["csrf=\(token)", "report=@\(big)"], headers: ["Transfer-Encoding: chunked"]).status == 413)

        // Only a Word form that is a zip, or Markdown that is text.
        let pdf = directory.file("bao-cao.pdf")
        try Data("%PDF-1.4\n".utf8).write(to: URL(fileURLWithPath: pdf))
        let wrongType = try upload(["csrf=\(token)", "report=@\(pdf)"])
        #expect(wrongType.status == 415)
        #expect(wrongType.text.contains("Chỉ nhận biểu mẫu Word đã điền (.docx) hoặc báo cáo Markdown (.md)"))
        let fake = directory.file("gia.docx")
        try Data("không phải Word".utf8).write(to: URL(fileURLWithPath: fake))
        #expect(
            try upload(["csrf=\(token)", "report=@\(fake)"]).text.contains("không phải tài liệu Word (.docx) thật"))
        let binary = directory.file("nhi-phan.md")
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0xFF]).write(to: URL(fileURLWithPath: binary))
        #expect(try upload(["csrf=\(token)", "report=@\(binary)"]).status == 415)

        // The token is required on uploads as on the form.
        // A Vietnamese file name, as a browser sends it (raw UTF-8 in the part's header).
        let own = directory.file("báo cáo tháng 3.md")
        try Self.report(unit: "phong-qldt").write(toFile: own, atomically: true, encoding: .utf8)
        #expect(try upload(["report=@\(own)"]).status == 403)
        #expect(try upload(["csrf=forged", "report=@\(own)"]).status == 403)

        // Another unit's report, or another period's, is not taken through this unit's link.
        let other = directory.file("cua-phong-khac.md")
        try Self.report(unit: "phong-tc").write(toFile: other, atomically: true, encoding: .utf8)
        let foreign = try upload(["csrf=\(token)", "report=@\(other)"])
        #expect(foreign.status == 422)
        #expect(foreign.text.contains("không phải báo cáo tháng 3/2024 của đơn vị này"), "\(foreign.text)")
        let period = try web.office("/periods/2024-03").text
        #expect(
            period.contains("Phòng Tổ chức</a></td><td>Chưa gửi")
                && period.contains("Phòng Quản lý đầu tư</a></td><td>Chưa gửi"))

        let accepted = try upload(["csrf=\(token)", "report=@\(own)"])
        #expect(accepted.status == 200, "\(accepted.text)")
        #expect(accepted.text.contains("(báo cáo tháng 3.md)"), "\(accepted.text)")
        #expect(try web.office("/periods/2024-03").text.contains("Phòng Quản lý đầu tư</a></td><td>Chậm 16 ngày"))

        // Uploads count towards the link's 20 POSTs an hour.
        while posts < 20 { _ = try upload(["csrf=\(token)", "report=@\(pdf)"]) }
        #expect(try upload(["csrf=\(token)", "report=@\(own)"]).status == 429)
    }

    /// With `organization.language: en` every error the page shows is English, the intake's
    /// and the page's own alike, with the same places (DESIGN §6); the rest of the page stays
    /// Vietnamese (DESIGN §15).
    @Test func withLanguageEnTheUploadAndFieldErrorsAreEnglish() throws {
        let web = try WebFixture()
        let config = try String(contentsOfFile: web.daemon.configPath, encoding: .utf8)
        try #require(config.contains("  office: van-phong\n"))
        try web.daemon.write(
            config.replacingOccurrences(of: "  office: van-phong\n", with: "  office: van-phong\n  language: en\n"))
        _ = try WebServeTests.fixture(web)
        try web.start(now: "2024-04-03T09:00:00+07:00")
        let path = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let token = try Self.token(try web.request(path).text)

        let bad = web.daemon.directory.file("bao-cao.md")
        try Self.report(unit: "phong-qldt", progress: 150).write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try web.request(path, method: "POST", multipart: ["csrf=\(token)", "report=@\(bad)"])
        #expect(refused.status == 422)
        #expect(
            refused.text.contains(
                "<p>The report “bao-cao.md” was not accepted; correct it and upload it again:</p>"
                    + "<p>line 6, column 48 (tasks[0].progress): 150 is out of range (0…100)</p>"),
            "\(refused.text)")
        #expect(!refused.text.contains("chưa được nhận"))

        let pdf = web.daemon.directory.file("bao-cao.pdf")
        try Data("%PDF-1.4\n".utf8).write(to: URL(fileURLWithPath: pdf))
        let wrongType = try web.request(path, method: "POST", multipart: ["csrf=\(token)", "report=@\(pdf)"])
        #expect(wrongType.status == 415)
        #expect(wrongType.text.contains("Only the filled Word form (.docx) or a Markdown report (.md) is taken"))

        let field = try web.request(
            path, method: "POST", form: [("csrf", token), ("status-0", "in_progress"), ("progress-0", "abc")])
        #expect(field.status == 422)
        #expect(field.text.contains("id=\"progress-0-error\">Progress is a whole number from 0 to 100."))
        #expect(field.text.contains("1 field(s) are not valid: see the note beside each."))
    }
}
