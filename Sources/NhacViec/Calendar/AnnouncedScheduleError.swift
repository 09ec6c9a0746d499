/// Everything wrong with an announced-schedule file, each problem at the
/// YAML node of the offending value.
package struct AnnouncedScheduleError: Error, Sendable, CustomStringConvertible {
    /// One problem; line and column are 1-based.
    package struct Issue: Hashable, Sendable, CustomStringConvertible {
        package let message: String
        package let line: Int
        package let column: Int

        package init(message: String, line: Int, column: Int) {
            self.message = message
            self.line = line
            self.column = column
        }

        /// `LINE:COL: error: message`, ready to be prefixed with the path.
        package var description: String { "\(line):\(column): error: \(message)" }
    }

    /// In file order; never empty.
    package let issues: [Issue]

    package init(issues: [Issue]) {
        precondition(!issues.isEmpty, "an error needs at least one issue")
        self.issues = issues
    }

    /// The first issue's message.
    package var message: String { issues[0].message }
    /// The first issue's line.
    package var line: Int { issues[0].line }
    /// The first issue's column.
    package var column: Int { issues[0].column }

    package var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
