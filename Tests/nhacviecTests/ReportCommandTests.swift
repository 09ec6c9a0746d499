import Foundation
import NhacViecTestSupport
import Testing

/// Units' reports in (`submit`), the consolidated report out (`report`, and the
/// daemon on the compile day), end to end with the built binary.
@Suite struct ReportCommandTests {
    static let reports = """
        groups:
          - id: ban-chi-dao
            name: Ban Chỉ đạo cải cách hành chính
            email: bcd@example.gov.vn
        reports:
          monthly:
            period: decree_09
            due: day 16
          consolidated:
            compile: day 18
            to: [ban-chi-dao]
            cc: [van-phong]
            formats: [docx, html, md, json]
            signer: { authority: KT. TRƯỞNG BAN, title: PHÓ TRƯỞNG BAN, name: Bùi Văn C }
        """

    static func fixture() throws -> DaemonFixture {
        let fixture = try DaemonFixture()
        try fixture.write(DaemonFixture.config(delivery: "", webhooks: "", unitWebhooks: "") + "\n" + reports)
        return fixture
    }

    static func submission(_ fixture: DaemonFixture, _ name: String, _ text: String) throws -> String {
        let path = fixture.directory.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func submitAcceptsAGoodReportAndRejectsABadOneWithItsLocation() throws {
        let fixture = try Self.fixture()
        let good = try Self.submission(
            fixture, "qldt-2024-04.md",
            """
            ---
            unit: phong-qldt
            report: monthly
            period: 2024-04
            tasks:
              - { id: II.3, status: in_progress, progress: 60 }
            difficulties: ["Chưa có hướng dẫn của Sở Tư pháp"]
            ---
            Kết quả nổi bật trong tháng.
            """)
        let bad = try Self.submission(
            fixture, "tc-2024-04.md",
            """
            ---
            unit: phong-tc
            report: monthly
            period: 2024-04
            tasks:
              - { id: II.3, status: finished }
            ---
            """)
        let accepted = try BinaryRunner.run(
            [
                "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-15T10:00:00+07:00",
                good,
            ])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let rejected = try BinaryRunner.run(
            [
                "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-15T10:00:00+07:00",
                bad,
            ])
        #expect(rejected.status == 65)
        #expect(rejected.stderr.contains("\(bad):6:"))
        #expect(rejected.stderr.contains("finished"))
    }

    @Test func theDaemonCompilesOnTheCompileDayAndMailsEachRecipientOnce() throws {
        let fixture = try Self.fixture()
        let late = try Self.submission(
            fixture, "qldt.md",
            """
            ---
            unit: phong-qldt
            report: monthly
            period: 2024-04
            difficulties: ["Thiếu nhân lực chuyên trách về chuyển đổi số"]
            ---
            """)
        // Due Tue 16/04; received Wed 17/04: one day late. phong-tc never reports.
        let submitted = try BinaryRunner.run(
            [
                "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-17T09:00:00+07:00",
                late,
            ])
        #expect(submitted.status == 0, "\(submitted.stderr)")

        // Thu 18/04/2024 is Giỗ Tổ Hùng Vương: the compile day moves to Fri 19/04.
        try fixture.runOnce("2024-04-18T09:00:00+07:00")
        #expect(!FileManager.default.fileExists(atPath: fixture.statePath + "/reports/2024-04"))
        let run = try fixture.runOnce("2024-04-19T08:00:00+07:00")
        #expect(run.status == 0, "\(run.stderr)")
        let folder = fixture.statePath + "/reports/2024-04"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
        #expect(
            files == [
                "bao-cao-cchc-2024-04.docx", "bao-cao-cchc-2024-04.html", "bao-cao-cchc-2024-04.json",
                "bao-cao-cchc-2024-04.md",
            ])

        let reportEmails = try fixture.outboxFiles().map { try ParsedEmail.parse(file: $0) }.filter {
            $0.message_id?.contains("consolidated") == true
        }
        #expect(
            Set(reportEmails.flatMap { $0.to.map(\.address) }) == ["bcd@example.gov.vn", "vanphong@example.gov.vn"])
        for email in reportEmails {
            #expect(Set(email.parts.compactMap(\.filename)).count == 4)
            #expect(email.subject?.contains("tháng 4 năm 2024") == true)
        }

        let markdown = try String(contentsOfFile: folder + "/bao-cao-cchc-2024-04.md", encoding: .utf8)
        #expect(markdown.contains("Phòng Quản lý đầu tư"))
        #expect(markdown.contains("Chậm 1 ngày"))
        #expect(markdown.contains("Chưa gửi"))
        #expect(markdown.contains("Thiếu nhân lực chuyên trách về chuyển đổi số"))

        // The DOCX, read by python-docx: the header, sections and the appendix table.
        let docx = try TestSupport.run(
            TestSupport.python, [TestSupport.script("report_check_docx.py"), folder + "/bao-cao-cchc-2024-04.docx"])
        #expect(docx.status == 0)
        let text = String(decoding: docx.output, as: UTF8.self)
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Số:      /BC",
            "I. Kết quả", "V. Đề xuất",
            "Phòng Tổ chức", "Chưa gửi", "Rà soát văn bản quy phạm pháp luật",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }

        // Again later: nothing is sent twice, and `report --send` by hand sends nothing either.
        try fixture.runOnce("2024-04-19T10:00:00+07:00")
        let bySend = try BinaryRunner.run(
            [
                "report", "-c", fixture.configPath, "--state", fixture.statePath, "--period", "2024-04", "--send",
                "--now", "2024-04-19T11:00:00+07:00",
            ])
        #expect(bySend.status == 0, "\(bySend.stderr)")
        #expect(bySend.stdout.contains("sent 0"))
        let again = fixture.outboxFiles().filter { $0.contains("consolidated") }
        #expect(again.count == 2)
    }

    @Test func reportWritesTheRequestedFormatToTheGivenFile() throws {
        let fixture = try Self.fixture()
        let out = fixture.directory.file("bao-cao.json")
        let result = try BinaryRunner.run(
            [
                "report", "-c", fixture.configPath, "--state", fixture.statePath, "--period", "2024-03", "--format",
                "json", "--out", out, "--now", "2024-03-18T08:00:00+07:00",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let period = object?["period"] as? [String: Any]
        #expect(period?["month"] as? Int == 3)
        #expect(period?["year"] as? Int == 2024)
    }

    /// The `json` file is snake_case throughout (like `status` and `plan`), names the
    /// config's zone and writes every instant with that zone's offset (issue 9 #8).
    @Test func reportJSONHasSnakeCaseKeysAndTheConfiguredZonesOffset() throws {
        let fixture = try DaemonFixture()
        let config = DaemonFixture.config(delivery: "", webhooks: "", unitWebhooks: "")
            .replacingOccurrences(of: "  plan_year: 2024\n", with: "  plan_year: 2024\n  timezone: America/New_York\n")
        try #require(config.contains("timezone: America/New_York"))
        try fixture.write(config + "\n" + Self.reports)
        let report = try Self.submission(
            fixture, "qldt-2024-03.yaml", "unit: phong-qldt\nreport: monthly\nperiod: 2024-03\n")
        let submitted = try BinaryRunner.run([
            "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-03-15T10:00:00+07:00",
            report,
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let out = fixture.directory.file("bao-cao.json")
        let result = try BinaryRunner.run([
            "report", "-c", fixture.configPath, "--state", fixture.statePath, "--period", "2024-03", "--format",
            "json", "--out", out, "--now", "2024-03-18T08:00:00-04:00",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let checked = try ReportJSONChecker.check(file: out, timeZone: "America/New_York")
        #expect(checked.status == 0, "\(checked.problems)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains(#""compiled_at" : "2024-03-18T08:00:00-04:00""#))
        #expect(text.contains(#""compile_date" : "2024-03-18""#))
        // Received at 10:00 in Hà Nội: 23:00 the evening before in New York (daylight time).
        #expect(text.contains(#""received_at" : "2024-03-14T23:00:00-04:00""#))
    }

    @Test func sendTestReportsTheServersReplyOrExits69() throws {
        let received = try TemporaryDirectory()
        let server = try PythonServer("smtp_server.py", [received.path])
        defer { server.stop() }
        let email = { (port: Int) in
            """
              email:
                url: smtp://127.0.0.1:\(port)
                tls: none
                from: "Văn phòng <vanphong@example.gov.vn>"
            """
        }
        let fixture = try DaemonFixture(delivery: email(server.port))
        let ok = try BinaryRunner.run([
            "send-test", "-c", fixture.configPath, "--state", fixture.statePath, "phong-qldt",
        ])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("ok: 250"))
        let message = try ParsedEmail.parse(file: try #require(received.files(withExtension: "eml").first))
        #expect(message.to.map(\.address) == ["qldt@example.gov.vn"])
        #expect(message.subject?.contains("thử nghiệm") == true)

        try fixture.write(
            DaemonFixture.config(delivery: email(try DaemonFixture.freePort()), webhooks: "", unitWebhooks: ""))
        let down = try BinaryRunner.run([
            "send-test", "-c", fixture.configPath, "--state", fixture.statePath, "a@example.gov.vn",
        ])
        #expect(down.status == 69)
        #expect(down.stderr.contains("failed"))
    }
}
