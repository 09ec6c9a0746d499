import Foundation

/// Helpers for the delivery integration tests: Python servers from Tests/Support
/// run with Debian's /usr/bin/python3, temporary directories, independent parsers.
enum TestSupport {
    static let python = "/usr/bin/python3"

    /// Tests/Support, found from this file's location.
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Support")
    }

    static func script(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// Runs a program to completion; returns its exit status and stdout.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The throwaway CA and 127.0.0.1 certificate, made once per test process.
    static let certificates: Result<TemporaryDirectory, any Error> = Result {
        let directory = try TemporaryDirectory()
        let result = try run("/bin/sh", [script("make_test_ca.sh"), directory.path])
        guard result.status == 0 else { throw TestFailure("make_test_ca.sh failed") }
        return directory
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A directory under the system temp dir, removed when this object goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("nhacviec-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Names of the files in the directory with the given extension, in numeric order.
    func files(withExtension fileExtension: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix("." + fileExtension) }
            .sorted { (Int($0.split(separator: ".")[0]) ?? 0) < (Int($1.split(separator: ".")[0]) ?? 0) }
            .map { file($0) }
    }
}

/// A Python test server: started on an ephemeral port on 127.0.0.1, which it prints
/// on its first stdout line; terminated (by its own PID) when stopped or dropped.
final class PythonServer: @unchecked Sendable {
    let port: Int
    private let process: Process

    init(_ scriptName: String, _ arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.python)
        process.arguments = [TestSupport.script(scriptName)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw TestFailure("\(scriptName) did not print its port (got '\(text)')")
        }
        self.port = port
    }

    /// SIGKILL by PID: the test process blocks SIGTERM in its threads and a child
    /// inherits that mask, so a plain terminate() could go unnoticed.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// What Python's `email` package (policy.default) reads from an .eml file.
struct ParsedEmail: Decodable {
    struct Address: Decodable, Equatable {
        var name: String
        var address: String
    }
    struct Part: Decodable {
        var type: String
        var charset: String?
        var filename: String?
        var cte: String?
        var text: String?
        var base64: String?
    }
    var subject: String?
    var from: [Address]
    var to: [Address]
    var cc: [Address]
    var message_id: String?
    var auto_submitted: String?
    var date: String?
    var date_iso: String?
    var header_names: [String]
    var defects: [String]
    var parts: [Part]
    var max_line: Int
    var bare_lf: Bool
    var bare_cr: Bool

    static func parse(file: String) throws -> ParsedEmail {
        let result = try TestSupport.run(TestSupport.python, [TestSupport.script("parse_email.py"), file])
        guard result.status == 0 else { throw TestFailure("parse_email.py failed on \(file)") }
        return try JSONDecoder().decode(ParsedEmail.self, from: result.output)
    }

    static func parse(bytes: [UInt8]) throws -> ParsedEmail {
        let directory = try TemporaryDirectory()
        let file = directory.file("message.eml")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return try parse(file: file)
    }
}

/// The envelope the SMTP sink recorded next to each message.
struct SinkEnvelope: Decodable {
    var mail_from: String
    var rcpt_tos: [String]
    var peer_port: Int
    var tls: Bool
    var authenticated: Bool
    var login: String?

    static func read(_ path: String) throws -> SinkEnvelope {
        try JSONDecoder().decode(SinkEnvelope.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
