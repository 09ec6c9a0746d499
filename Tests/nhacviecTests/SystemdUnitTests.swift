import Foundation
import NhacViecTestSupport
import Testing

/// The shipped unit file is one systemd accepts.
@Suite struct SystemdUnitTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func theUnitFilePassesSystemdAnalyzeVerify() throws {
        let unit = try String(
            contentsOf: BinaryRunner.packageRoot.appendingPathComponent("systemd/nhacviec.service"), encoding: .utf8)
        #expect(unit.contains("Type=notify"))
        #expect(unit.contains("RestartPreventExitStatus=78"))
        // verify checks that ExecStart exists: point it at the binary under test.
        let directory = try TemporaryDirectory()
        let path = directory.file("nhacviec.service")
        try unit.replacingOccurrences(of: "/usr/local/bin/nhacviec", with: BinaryRunner.binary.path)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify", path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(!output.contains("nhacviec.service:"), "\(output)")
    }
}
