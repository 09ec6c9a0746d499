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
        let daemon = try RunningDaemon(fixture: fixture, now: "2024-04-15T10:00:00+07:00")
        defer { daemon.stop() }
        let inbox = fixture.statePath + "/inbox"
        // archive/ is made by the first scan, after the inbox is watched.
        try #require(eventually { FileManager.default.fileExists(atPath: inbox + "/archive") })
        let path = inbox + "/qldt.md"
        // Created and kept open by this writer (creating a file and closing it would be a complete file).
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(fd >= 0)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        // Half a report, the writer still holding it; then another, complete report moved
        // in beside it. Once the daemon has taken that one, it has looked at the inbox
        // while the first was half written, and must have left it alone.
        try handle.write(contentsOf: Data(Self.report.prefix(20).utf8))
        let staging = fixture.directory.file("other.md")
        try Self.report.write(toFile: staging, atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: staging, toPath: inbox + "/other.md")
        try #require(eventually(15) { FileManager.default.fileExists(atPath: inbox + "/archive/other.md") })
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox + "/rejected").isEmpty)
        try handle.write(contentsOf: Data(Self.report.dropFirst(20).utf8))
        try handle.close()
        #expect(eventually(15) { FileManager.default.fileExists(atPath: inbox + "/archive/qldt.md") })
        #expect(daemon.process.isRunning)
    }
}
