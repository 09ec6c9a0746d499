/// Why a unit's report file was not accepted: every problem found, each located
/// in the file as received (DESIGN §7).
///
/// The issues reuse the config's `ConfigIssue` so that they print the same way:
/// `FILE:LINE:COL: error: KEY.PATH: message`.
package struct SubmissionError: Error, Sendable, CustomStringConvertible {
    package enum Code: Sendable, Hashable {
        /// The file could not be read (missing, permissions): exit 74.
        case unreadable
        /// Not a Markdown or YAML file, or not a regular file.
        case unsupportedType
        /// Larger than `SubmissionParser.maximumSize`.
        case tooLarge
        /// The bytes are not UTF-8 text.
        case notUTF8
        /// The front matter is missing or not closed, or the YAML is malformed (syntax, duplicate keys).
        case syntax
        /// Well-formed YAML that does not describe a valid report for this config.
        case invalid
    }

    package let code: Code
    package let issues: [ConfigIssue]

    package init(code: Code, issues: [ConfigIssue]) {
        self.code = code
        self.issues = issues.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    init(code: Code, file: String, line: Int = 0, column: Int = 0, path: String = "", message: String) {
        self.init(
            code: code, issues: [ConfigIssue(file: file, line: line, column: column, path: path, message: message)])
    }

    /// One issue per line.
    package var description: String {
        issues.map(\.description).joined(separator: "\n")
    }

    /// The exit status of `nhacviec submit` (DESIGN §9): 74 when the file could not be read, else 65.
    package var exitStatus: ExitStatus {
        code == .unreadable ? .ioError : .dataError
    }
}
