import Foundation
import Testing

/// Checks config/example.yaml against config/nhacviec.schema.json with Debian's Python
/// (Tests/Support/validate_schema.py), so the shipped example and the schema that editors
/// use for completion and tooltips cannot drift apart unnoticed.
///
/// The broken-copy tests prove the validator rejects what it should; without them a schema
/// that accepted anything would keep the first test green.
@Suite struct ExampleSchemaTests {
    /// One edit to the example and the error line it must produce.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let label: String
        let original: String
        let replacement: String
        let expected: String
        var testDescription: String { label }
    }

    /// The package root: this file is Tests/nhacviecTests/ExampleSchemaTests.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static let unknownKey = Breakage(
        label: "unknown key",
        original: "  send_time: \"08:00\"",
        replacement: "  send_hour: 8\n  send_time: \"08:00\"",
        expected: ": error: delivery.send_hour: unknown key 'send_hour'")
    static let badDuration = Breakage(
        label: "duration without a unit suffix",
        original: "  catch_up: 3d",
        replacement: "  catch_up: 3 days",
        expected: ": error: delivery.catch_up: '3 days' does not match")
    static let wrongEnum = Breakage(
        label: "value outside an enum",
        original: "deadline_on_day_off: next_working_day",
        replacement: "deadline_on_day_off: next_business_day",
        expected: ": error: calendar.deadline_on_day_off: 'next_business_day' is not one of")

    static let breakages: [Breakage] = [
        unknownKey, badDuration, wrongEnum,
        Breakage(
            label: "missing required key",
            original: "  office: van-phong",
            replacement: "  # office removed",
            expected: ": error: organization.office: missing required key 'office'"),
        Breakage(
            label: "two webhook URL sources",
            original: "    url_env: NHACVIEC_TELEGRAM_URL",
            replacement: "    url_env: NHACVIEC_TELEGRAM_URL\n    url: http://127.0.0.1:8089/telegram",
            expected: ": error: webhooks[1]: exactly one of url, url_env, url_file is required (found: url, url_env)"),
        Breakage(
            label: "telegram webhook without chat_id",
            original: "    chat_id: \"-1001234567890\"",
            replacement: "",
            expected: ": error: webhooks[1].chat_id: missing required key 'chat_id'"),
        Breakage(
            label: "report due date not in the day N form",
            original: "    due: day 16",
            replacement: "    due: ngày 16",
            expected: ": error: reports.monthly.due: 'ngày 16' does not match"),
        Breakage(
            label: "unit without any channel",
            original: "    email: thanhtra@example.gov.vn\n",
            replacement: "",
            expected: "is not valid here: 'email' is a required property"),
        Breakage(
            label: "unit with an empty email list",
            original: "    email: thanhtra@example.gov.vn\n",
            replacement: "    email: []\n",
            expected: ": error: units[1].email: [] is not valid here"),
        Breakage(
            label: "no consolidated report format",
            original: "    formats: [docx, html, md]",
            replacement: "    formats: []",
            expected: ": error: reports.consolidated.formats: [] "),
        Breakage(
            label: "duplicate key",
            original: "  office: van-phong",
            replacement: "  office: van-phong\n  office: phong-qldt",
            expected: ": error: organization.office: duplicate key"),
    ]

    @Test func exampleConfigMatchesTheSchema() throws {
        let result = try Self.validate("config/example.yaml")
        #expect(result.status == 0, "validator output:\n\(result.output)")
        #expect(result.output.isEmpty)
    }

    @Test(arguments: breakages)
    func brokenExampleIsRejectedAtTheOffendingKey(_ breakage: Breakage) throws {
        let broken = try Self.brokenCopy([breakage])
        defer { try? FileManager.default.removeItem(at: broken) }

        let result = try Self.validate(broken.path)

        #expect(result.status == 1, "validator output:\n\(result.output)")
        #expect(result.output.contains(breakage.expected), "validator output:\n\(result.output)")
    }

    @Test func everyProblemInOneFileIsReportedNotJustTheFirst() throws {
        let breakages = [Self.unknownKey, Self.badDuration, Self.wrongEnum]
        let broken = try Self.brokenCopy(breakages)
        defer { try? FileManager.default.removeItem(at: broken) }

        let result = try Self.validate(broken.path)

        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == breakages.count, "validator output:\n\(result.output)")
        for breakage in breakages {
            #expect(result.output.contains(breakage.expected), "validator output:\n\(result.output)")
        }
        // FILE:LINE:COL, so an editor can jump to the problem.
        #expect(lines.allSatisfy { $0.hasPrefix("\(broken.path):") })
    }

    /// Runs the validator from the package root; returns its exit status and merged output.
    static func validate(_ yamlPath: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["Tests/Support/validate_schema.py", "config/nhacviec.schema.json", yamlPath]
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Drain before waiting: a full pipe would block the child forever.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Writes the example with each breakage applied to a fresh temporary file.
    ///
    /// Each original text must occur exactly once, so an edit to the example that
    /// invalidates a breakage fails the test instead of silently testing nothing.
    static func brokenCopy(_ breakages: [Breakage]) throws -> URL {
        var text = try String(contentsOf: root.appendingPathComponent("config/example.yaml"), encoding: .utf8)
        for breakage in breakages {
            let occurrences = text.components(separatedBy: breakage.original).count - 1
            try #require(occurrences == 1, "'\(breakage.original)' occurs \(occurrences) times in the example")
            text = text.replacingOccurrences(of: breakage.original, with: breakage.replacement)
        }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("nhacviec-example-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
