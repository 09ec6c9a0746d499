import Foundation

/// Helpers for the delivery integration tests: Python servers from Tests/Support
/// run with Debian's /usr/bin/python3, temporary directories, independent parsers.
package enum TestSupport {
    package static let python = "/usr/bin/python3"

    /// Tests/Support, found from this file's location.
    package static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support")
    }

    package static func script(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// Runs a program to completion; returns its exit status and stdout.
    @discardableResult
    package static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
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
    package static let certificates: Result<TemporaryDirectory, any Error> = Result {
        let directory = try TemporaryDirectory()
        let result = try run("/bin/sh", [script("make_test_ca.sh"), directory.path])
        guard result.status == 0 else { throw TestFailure("make_test_ca.sh failed") }
        return directory
    }
}

package struct TestFailure: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

/// A directory under the system temp dir, removed when this object goes away.
package final class TemporaryDirectory: Sendable {
    package let path: String

    package init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("nhacviec-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    package func file(_ name: String) -> String { path + "/" + name }

    /// Names of the files in the directory with the given extension, in numeric order.
    package func files(withExtension fileExtension: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix("." + fileExtension) }
            .sorted { (Int($0.split(separator: ".")[0]) ?? 0) < (Int($1.split(separator: ".")[0]) ?? 0) }
            .map { file($0) }
    }
}

/// A Python test server: started on an ephemeral port on 127.0.0.1, which it prints
/// on its first stdout line; terminated (by its own PID) when stopped or dropped.
package final class PythonServer: @unchecked Sendable {
    package let port: Int
    private let process: Process

    package init(_ scriptName: String, _ arguments: [String]) throws {
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

    /// smtp_server.py with STARTTLS and the throwaway CA's 127.0.0.1 certificate: a server
    /// nhacviec does not trust unless `ca_file` names `TestSupport.certificates`' `ca.pem`.
    package static func smtpWithTestCertificate(_ outdir: String, _ extra: [String] = []) throws -> PythonServer {
        let certificates = try TestSupport.certificates.get()
        return try PythonServer(
            "smtp_server.py",
            [outdir, "--tls", certificates.file("server.pem"), certificates.file("server.key")] + extra)
    }

    /// SIGKILL by PID: the test process blocks SIGTERM in its threads and a child
    /// inherits that mask, so a plain terminate() could go unnoticed.
    package func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// What Python's `email` package (policy.default) reads from an .eml file.
package struct ParsedEmail: Decodable {
    package struct Address: Decodable, Equatable {
        package var name: String
        package var address: String

        package init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }
    package struct Part: Decodable {
        package var type: String
        package var charset: String?
        package var filename: String?
        package var cte: String?
        package var text: String?
        package var base64: String?
    }
    /// One RFC 2047 encoded-word as sent, and its text decoded on its own.
    package struct EncodedWord: Decodable {
        package var raw: String
        package var text: String
    }
    package var subject: String?
    /// The `Subject` field's lines as sent, folding kept.
    package var subject_lines: [String]
    package var from_lines: [String]
    package var subject_words: [EncodedWord]
    package var from_words: [EncodedWord]
    package var from: [Address]
    package var to: [Address]
    package var cc: [Address]
    package var message_id: String?
    package var auto_submitted: String?
    package var date: String?
    package var date_iso: String?
    package var header_names: [String]
    package var defects: [String]
    package var parts: [Part]
    package var max_line: Int
    package var bare_lf: Bool
    package var bare_cr: Bool

    package static func parse(file: String) throws -> ParsedEmail {
        let result = try TestSupport.run(TestSupport.python, [TestSupport.script("parse_email.py"), file])
        guard result.status == 0 else { throw TestFailure("parse_email.py failed on \(file)") }
        return try JSONDecoder().decode(ParsedEmail.self, from: result.output)
    }

    package static func parse(bytes: [UInt8]) throws -> ParsedEmail {
        let directory = try TemporaryDirectory()
        let file = directory.file("message.eml")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return try parse(file: file)
    }
}

/// The envelope the SMTP sink recorded next to each message.
package struct SinkEnvelope: Decodable {
    package var mail_from: String
    package var rcpt_tos: [String]
    package var peer_port: Int
    package var tls: Bool
    package var authenticated: Bool
    package var login: String?

    package static func read(_ path: String) throws -> SinkEnvelope {
        try JSONDecoder().decode(SinkEnvelope.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
