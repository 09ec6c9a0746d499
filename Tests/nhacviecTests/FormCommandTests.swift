import Foundation
import NhacViecTestSupport
import Testing

/// `nhacviec form`, end to end with the built binary.
@Suite struct FormCommandTests {
    @Test func formWritesTheUnitsDocxWhereAsked() throws {
        let fixture = try ReportCommandTests.fixture()
        let out = fixture.directory.file("mau.docx")
        let result = try BinaryRunner.run([
            "form", "-c", fixture.configPath, "--state", fixture.statePath, "--unit", "phong-qldt", "--period",
            "2024-04", "--out", out, "--now", "2024-04-10T09:00:00+07:00",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == out + "\n")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        // A ZIP package (PK\3\4) holding the identity where Word keeps it.
        #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(data.count > 4000)
    }

    @Test func formWithoutAStateDirectoryStillWorksAndNamesTheFileByDefault() throws {
        let fixture = try ReportCommandTests.fixture()
        let result = try BinaryRunner.run(
            [
                "form", "-c", fixture.configPath, "--state", fixture.directory.file("nowhere"), "--unit", "phong-qldt",
                "--period", "2024-04", "--now", "2024-04-10T09:00:00+07:00",
            ], currentDirectory: URL(fileURLWithPath: fixture.directory.path))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.directory.file("phong-qldt-2024-04.docx")))
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.file("nowhere")))
    }

    @Test(arguments: [
        (
            ["--unit", "phong-qldt", "--period", "2024-04", "--request", "bc-x"],
            "exactly one of --period and --request"
        ),
        (["--unit", "phong-khong-co", "--period", "2024-04"], "unknown unit 'phong-khong-co'"),
    ])
    func formRefusesWhatNobodyOwesWithUsageStatus(arguments: [String], message: String) throws {
        let fixture = try ReportCommandTests.fixture()
        let result = try BinaryRunner.run(["form", "-c", fixture.configPath, "--state", fixture.statePath] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

extension FormCommandTests {
    /// The form made by `form`, filled by python-docx, taken in by `submit`; a wrong
    /// status word exits 65 naming the row and column.
    @Test func submitTakesAFilledFormAndNamesTheCellOfAnError() throws {
        let fixture = try ReportCommandTests.fixture()
        let blank = fixture.directory.file("phong-qldt-2024-04.docx")
        let made = try BinaryRunner.run([
            "form", "-c", fixture.configPath, "--state", fixture.statePath, "--unit", "phong-qldt", "--period",
            "2024-04", "--out", blank, "--now", "2024-04-10T09:00:00+07:00",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let script = BinaryRunner.packageRoot.appendingPathComponent("Tests/Support/form_clerk.py").path
        func fill(_ spec: String, _ name: String) throws -> String {
            let specPath = fixture.directory.file(name + ".json")
            try spec.write(toFile: specPath, atomically: true, encoding: .utf8)
            let out = fixture.directory.file(name)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [script, "fill", blank, specPath, out]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return out
        }
        let good = try fill(#"{"rows": {"II.3": {"status": "ĐÃ HOÀN THÀNH", "progress": "100"}}}"#, "tot.docx")
        let bad = try fill(#"{"rows": {"II.3": {"status": "xong rồi"}}}"#, "phong-qldt-2024-04-sai.docx")
        let accepted = try BinaryRunner.run([
            "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-15T10:00:00+07:00",
            good,
        ])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("Đã nhận"))
        let rejected = try BinaryRunner.run([
            "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-15T10:00:00+07:00", bad,
        ])
        #expect(rejected.status == 65)
        #expect(
            rejected.stderr.contains(
                "phong-qldt-2024-04-sai.docx: error: bảng nhiệm vụ, dòng 1 (II.3), cột Tình trạng: 'xong rồi' không hợp lệ "
                    + "(hợp lệ: Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Vướng mắc)"), "\(rejected.stderr)")
    }
}
