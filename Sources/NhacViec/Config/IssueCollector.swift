import Yams

/// Collects config problems while the loader walks the YAML tree, so that one
/// run reports every problem instead of stopping at the first.
final class IssueCollector {
    private(set) var issues: [ConfigIssue] = []

    func report(_ message: String, at node: Node?, path: ConfigPath, file: String) {
        let mark = SourceMark(file: file, node: node)
        issues.append(
            ConfigIssue(file: mark.file, line: mark.line, column: mark.column, path: path.description, message: message)
        )
    }

    func report(_ message: String, at mark: SourceMark, path: String) {
        issues.append(ConfigIssue(file: mark.file, line: mark.line, column: mark.column, path: path, message: message))
    }

    var isEmpty: Bool { issues.isEmpty }
}
