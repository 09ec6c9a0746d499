import Foundation

/// Checks a consolidated report's `json` file with Python's jsonschema against
/// Tests/Fixtures/consolidated-report.schema.json, plus what a schema cannot say:
/// snake_case keys everywhere and every instant in `timeZone`'s offset
/// (Tests/Support/check_report_json.py).
package enum ReportJSONChecker {
    package static var schema: String {
        TestSupport.directory.deletingLastPathComponent().appendingPathComponent("Fixtures")
            .appendingPathComponent("consolidated-report.schema.json").path
    }

    /// The checker's exit status (0 valid, 1 problems, 2 a broken environment) and the problems, one a line.
    package static func check(file: String, timeZone: String) throws -> (status: Int32, problems: String) {
        let result = try TestSupport.run(
            TestSupport.python, [TestSupport.script("check_report_json.py"), schema, file, timeZone])
        return (result.status, String(decoding: result.output, as: UTF8.self))
    }

    /// The same for bytes in memory (written to a temporary file first).
    package static func check(_ data: Data, timeZone: String) throws -> (status: Int32, problems: String) {
        let directory = try TemporaryDirectory()
        let file = directory.file("report.json")
        try data.write(to: URL(fileURLWithPath: file))
        return try check(file: file, timeZone: timeZone)
    }
}
