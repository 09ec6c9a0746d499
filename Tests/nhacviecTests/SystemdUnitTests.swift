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
        try Self.verify(unit, name: "nhacviec.service")
    }

    /// The web unit is hardened like the daemon's and runs as the same user on the same state.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func theWebUnitFilePassesSystemdAnalyzeVerifyAndSharesTheDaemonsUserAndState() throws {
        let root = BinaryRunner.packageRoot.appendingPathComponent("systemd")
        let web = try String(contentsOf: root.appendingPathComponent("nhacviec-web.service"), encoding: .utf8)
        let daemon = try String(contentsOf: root.appendingPathComponent("nhacviec.service"), encoding: .utf8)
        #expect(web.contains("nhacviec serve"))
        func lines(_ text: String, _ prefix: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.hasPrefix(prefix) }
        }
        for key in ["User=", "DynamicUser=", "StateDirectory=", "ConfigurationDirectory="] {
            #expect(!lines(web, key).isEmpty && lines(web, key) == lines(daemon, key), "\(key)")
        }
        // Every hardening line of the daemon's unit is in the web unit too.
        for key in [
            "NoNewPrivileges=", "ProtectSystem=", "ProtectHome=", "PrivateTmp=", "PrivateDevices=", "PrivateUsers=",
            "RestrictAddressFamilies=", "SystemCallFilter=", "MemoryDenyWriteExecute=", "CapabilityBoundingSet=",
            "UMask=", "RestartPreventExitStatus=",
        ] {
            #expect(lines(web, key) == lines(daemon, key), "\(key)")
        }
        try Self.verify(web, name: "nhacviec-web.service")
    }

    private static func verify(_ unit: String, name: String) throws {
        // verify checks that ExecStart exists: point it at the binary under test.
        let directory = try TemporaryDirectory()
        let path = directory.file(name)
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
        #expect(!output.contains("\(name):"), "\(output)")
    }
}
