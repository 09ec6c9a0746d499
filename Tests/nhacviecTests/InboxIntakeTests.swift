import Foundation
import NhacViecTestSupport
import Testing

/// When the inbox takes a file (DESIGN §7): `run --once` takes every regular file
/// present, however new; the running daemon takes a file once it is closed or moved
/// in, never while its writer still holds it open.
@Suite struct InboxIntakeTests {
    static let report = "---\nunit: phong-qldt\nreport: monthly\nperiod: 2024-04\n---\n"

    @Test func runOnceTakesAFileWrittenAMomentAgo() throws {
        let fixture = try ReportCommandTests.fixture()
        try fixture.runOnce("2024-04-01T07:00:00+07:00")
        let inbox = fixture.statePath + "/inbox"
        try Self.report.write(toFile: inbox + "/qldt.md", atomically: false, encoding: .utf8)
        let result = try fixture.runOnce("2024-04-15T10:00:00+07:00")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: inbox + "/archive/qldt.md"))
        #expect(!FileManager.default.fileExists(atPath: inbox + "/qldt.md"))
    }

    @Test func theDaemonWaitsForTheWriterToCloseTheFile() throws {
        let fixture = try ReportCommandTests.fixture()
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = [
            "run", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-15T10:00:00+07:00",
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        let inbox = fixture.statePath + "/inbox"
        // archive/ is made by the first scan, after the inbox is watched.
        try #require(eventually { FileManager.default.fileExists(atPath: inbox + "/archive") })
        let path = inbox + "/qldt.md"
        // Created and kept open by this writer (creating a file and closing it would be a complete file).
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(fd >= 0)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        // Half a report, then a pause longer than any quiet period, the writer still holding it.
        try handle.write(contentsOf: Data(Self.report.prefix(20).utf8))
        sleep(5)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox + "/rejected").isEmpty)
        try handle.write(contentsOf: Data(Self.report.dropFirst(20).utf8))
        try handle.close()
        #expect(eventually(15) { FileManager.default.fileExists(atPath: inbox + "/archive/qldt.md") })
        #expect(process.isRunning)
    }
}
