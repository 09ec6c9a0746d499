import Yams

/// Where a value came from: file, line and column (1-based).
package struct SourceMark: Hashable, Sendable, CustomStringConvertible {
    package let file: String
    package let line: Int
    package let column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    init(file: String, node: Node?) {
        self.init(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }

    package var description: String { "\(file):\(line):\(column)" }
}
