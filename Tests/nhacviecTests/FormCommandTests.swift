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
