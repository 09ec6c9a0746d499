import Foundation

/// Runs Tests/Support/form_clerk.py (python-docx, an independent OOXML writer and reader
/// with Debian's /usr/bin/python3) to look into forms and to fill them as a clerk would.
enum FormClerk {
    struct View: Decodable {
        var custom: [String: String]
        var paragraphs: [String]
        var tables: [[[String]]]
        var tags: [String]
        /// EMU: width, height, top, bottom, left, right.
        var page: [Int]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func dump(_ form: Data) throws -> View {
        try withFolder { folder in
            let input = folder.appendingPathComponent("form.docx")
            try form.write(to: input)
            return try JSONDecoder().decode(View.self, from: run(["dump", input.path]))
        }
    }

    /// The form filled as `spec` (JSON, see the script's documentation) says.
    static func fill(_ form: Data, _ spec: String) throws -> Data {
        try withFolder { folder in
            let input = folder.appendingPathComponent("form.docx")
            let specFile = folder.appendingPathComponent("spec.json")
            let output = folder.appendingPathComponent("filled.docx")
            try form.write(to: input)
            try Data(spec.utf8).write(to: specFile)
            _ = try run(["fill", input.path, specFile.path, output.path])
            return try Data(contentsOf: output)
        }
    }

    static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhacviec-form-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    private static func run(_ arguments: [String]) throws -> Data {
        let script = TestConfig.packageRoot.appendingPathComponent("Tests/Support/form_clerk.py")
        return try runProcess("/usr/bin/python3", [script.path] + arguments)
    }

    /// Runs a program to its end and returns its standard output; throws with its standard error.
    static func runProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "\(path) \(arguments) exited \(process.terminationStatus): "
                    + String(decoding: errors, as: UTF8.self))
        }
        return output
    }
}
