/// One problem found in a config file, located at the YAML node that holds the
/// offending value.
package struct ConfigIssue: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (the main config or an included file).
    package let file: String
    /// 1-based line and column of the node; 0 when the problem has no node (e.g. an unreadable file).
    package let line: Int
    package let column: Int
    /// Dotted key path with list indices, e.g. `tasks[3].lead`.
    package let path: String
    package let message: String

    /// Values from outside (file names, keys, quoted values) are made safe to print here,
    /// once: control characters escaped, long values elided (see ``DisplayText``).
    package init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = DisplayText.elided(DisplayText.escaped(file), limit: 4 * DisplayText.quoteLimit)
        self.line = line
        self.column = column
        self.path = DisplayText.elided(DisplayText.escaped(path), limit: 2 * DisplayText.quoteLimit)
        self.message = DisplayText.message(message)
    }

    /// `FILE:LINE:COL: error: KEY.PATH: message`, the format editors and `grep -n` understand.
    package var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        let key = path.isEmpty ? "" : "\(path): "
        return "\(location): error: \(key)\(message)"
    }
}

/// Every problem of a config that could not be loaded, in file order.
package struct ConfigError: Error, Sendable, CustomStringConvertible {
    package enum Code: Sendable {
        /// The file could not be read at all.
        case unreadable
        /// The YAML is malformed (syntax, duplicate keys).
        case syntax
        /// Well-formed YAML that does not describe a valid config.
        case invalid
    }

    package let code: Code
    package let issues: [ConfigIssue]

    package init(code: Code, issues: [ConfigIssue]) {
        self.code = code
        self.issues = issues.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    package var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
