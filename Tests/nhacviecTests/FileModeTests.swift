import Foundation
import NhacViecTestSupport
import Testing

/// Files the program creates hold names and addresses: 0600 files in 0700 folders,
/// even under a permissive umask (DESIGN §10).
@Suite struct FileModeTests {
    /// Runs the built binary under `umask 022`.
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 022; exec \"$0\" \"$@\"", BinaryRunner.binary.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func everythingTheDaemonCreatesIsPrivateUnderUmask022() throws {
        let fixture = try ReportCommandTests.fixture()
        let run = ["run", "--once", "-c", fixture.configPath, "--state", fixture.statePath]
        #expect(try Self.run(run + ["--now", "2024-04-01T07:00:00+07:00"]) == 0)
        // A report that is rejected (rejected/ and its notice) and the compile day (reports/).
        try "---\nunit: phong-khong-co\nreport: monthly\nperiod: 2024-04\n---\n".write(
            toFile: fixture.statePath + "/inbox/sai.md", atomically: false, encoding: .utf8)
        #expect(try Self.run(run + ["--now", "2024-04-19T08:00:00+07:00"]) == 0)

        var files: [String: Int] = [:]
        var folders: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(atPath: fixture.statePath)
        while let relative = enumerator?.nextObject() as? String {
            // The dropped report keeps its writer's mode: only what nhacviec made is checked.
            if relative == "inbox/rejected/sai.md" { continue }
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.statePath + "/" + relative)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                folders[relative] = mode
            } else {
                files[relative] = mode
            }
        }
        let stateMode = try FileManager.default.attributesOfItem(atPath: fixture.statePath)[.posixPermissions]
        #expect((stateMode as? NSNumber)?.intValue == 0o700)
        for expected in ["state.sqlite", "inbox/rejected/sai.md.error"] {
            #expect(files[expected] != nil, "\(expected) missing from \(files.keys.sorted())")
        }
        #expect(files.keys.contains { $0.hasPrefix("outbox/") && $0.hasSuffix(".eml") })
        #expect(files.keys.contains { $0.hasPrefix("reports/2024-04/") })
        for (path, mode) in files.sorted(by: { $0.key < $1.key }) {
            #expect(mode & 0o077 == 0, "\(path) is \(String(mode, radix: 8))")
        }
        for (path, mode) in folders.sorted(by: { $0.key < $1.key }) {
            #expect(mode == 0o700, "\(path)/ is \(String(mode, radix: 8))")
        }
    }
}
