import Foundation

/// Runs the independent Python readers in Tests/Support on rendered files, with
/// Debian's /usr/bin/python3 (html.parser from the standard library, python3-docx).
enum ReportCheckers {
    static let support = TestConfig.packageRoot.appendingPathComponent("Tests/Support")

    struct HTMLView: Decodable {
        struct Table: Decodable {
            var `class`: String
            var thead: [[String]]
            var rows: [[String]]
            var thead_count: Int
        }

        var doctype: String?
        var lang: String?
        var title: String
        var style: String
        var external: [String]
        var scripts: Int
        var event_handlers: [String]
        var by_class: [String: [String]]
        var headings: [String]
        var paragraphs: [String]
        var tables: [Table]
        var text: String
    }

    struct DOCXView: Decodable {
        struct Paragraph: Decodable {
            var text: String
            var style: String?
            var alignment: String?
        }

        struct Table: Decodable {
            var rows: [[String]]
            var header_rows: [Bool]
            var borders: Bool
        }

        struct Section: Decodable {
            var page_width: Int
            var page_height: Int
            var top: Int
            var bottom: Int
            var left: Int
            var right: Int
            var title_pg: Bool
            var header_text: String
            var header_has_page_field: Bool
            var first_header_text: String
        }

        struct Core: Decodable {
            var title: String?
            var creator: String?
        }

        var paragraphs: [Paragraph]
        var tables: [Table]
        var sections: [Section]
        var normal_font: String?
        var normal_size_pt: Double?
        var core: Core
        var parts: [String]
        var malformed: [String]
    }

    struct CheckerError: Error, CustomStringConvertible {
        var description: String
    }

    static func html(_ data: Data) throws -> HTMLView {
        try JSONDecoder().decode(HTMLView.self, from: run("report_check_html.py", data, ext: "html"))
    }

    static func docx(_ data: Data) throws -> DOCXView {
        try JSONDecoder().decode(DOCXView.self, from: run("report_check_docx.py", data, ext: "docx"))
    }

    /// Writes `data` to a temporary file and returns what the script prints for it.
    private static func run(_ script: String, _ data: Data, ext: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhacviec-report-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.\(ext)")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [support.appendingPathComponent(script).path, file.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CheckerError(
                description: "\(script) exited \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))"
            )
        }
        return output
    }
}
