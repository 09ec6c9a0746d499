import Foundation
import Yams

/// Loads and validates a config file (DESIGN §2).
///
/// Yams composes the file into nodes (keeping line:column marks); the parser
/// then walks the nodes itself rather than using `Decodable`, because Decodable
/// stops at the first problem and `nhacviec check` must report every one.
package enum ConfigLoader {
    /// Reads, parses and validates `path`. Throws a `ConfigError` listing every problem.
    ///
    /// `finish` sees the valid config while the composed nodes are still alive: what
    /// it allocates lands beside the nodes rather than in the holes they leave.
    package static func load(
        path: String, finish: (Config) -> Config = { $0 }
    ) throws(ConfigError) -> Config {
        let text = try readText(path: path, mark: nil, fromPath: "")
        return try parse(yaml: text, path: path, finish: finish)
    }

    /// Parses config text; `path` names it in messages and anchors relative paths.
    package static func parse(
        yaml text: String, path: String, finish: (Config) -> Config = { $0 }
    ) throws(ConfigError) -> Config {
        let root = try compose(text, file: path)
        let issues = IssueCollector()
        let parser = ConfigParser(reader: YAMLNodeReader(file: path, issues: issues), configPath: path)
        let config = parser.parse(root: root)
        if let config, issues.isEmpty {
            return withExtendedLifetime(root) { finish(config) }
        }
        throw ConfigError(code: .invalid, issues: issues.issues)
    }

    static func readText(path: String, mark: SourceMark?, fromPath: String) throws(ConfigError) -> String {
        func fail(_ message: String) -> ConfigError {
            let issue = ConfigIssue(
                file: mark?.file ?? path, line: mark?.line ?? 0, column: mark?.column ?? 0, path: fromPath,
                message: message)
            return ConfigError(code: .unreadable, issues: [issue])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw fail(exists ? "cannot read \(path): permission denied or not a file" : "\(path): no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw fail("\(path) is not UTF-8 text")
        }
        return text
    }

    /// Composes YAML into a node tree, turning Yams' errors into located issues.
    /// `wording` puts the problems in words (English for the config; see ``YAMLNodeReader/wording``).
    static func compose(_ text: String, file: String, wording: (YAMLProblem) -> String = \.english)
        throws(ConfigError) -> Node
    {
        do {
            // The basic resolver treats every plain scalar as text: the parser reads all values
            // itself, and the default resolver's regular expressions dominate load time.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                throw ConfigError(
                    code: .invalid,
                    issues: [
                        ConfigIssue(file: file, line: 1, column: 1, path: "(top level)", message: "the file is empty")
                    ])
            }
            return root
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            throw ConfigError(code: .syntax, issues: [issue(for: error, text: text, file: file, wording: wording)])
        } catch {
            throw ConfigError(
                code: .syntax,
                issues: [
                    ConfigIssue(file: file, line: 0, column: 0, path: "", message: wording(.unreadable("\(error)")))
                ])
        }
    }

    private static func issue(for error: YamlError, text: String, file: String, wording: (YAMLProblem) -> String)
        -> ConfigIssue
    {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return ConfigIssue(
                file: file, line: mark.line, column: mark.column,
                path: YAMLTextPath.path(in: text, line: mark.line, column: mark.column),
                message: wording(.invalidSyntax(problem)))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let second = secondOccurrence(of: key, after: context.mark, in: text)
            let line = second?.line ?? context.mark.line
            let column = second?.column ?? context.mark.column
            return ConfigIssue(
                file: file, line: line, column: column, path: YAMLTextPath.path(in: text, line: line, column: column),
                message: wording(.duplicateKey(key, firstLine: context.mark.line)))
        case .reader(let problem, _, _, _):
            return ConfigIssue(file: file, line: 0, column: 0, path: "", message: wording(.unreadable(problem)))
        default:
            return ConfigIssue(file: file, line: 0, column: 0, path: "", message: wording(.invalidSyntax("\(error)")))
        }
    }

    /// Yams points a duplicate key at its first occurrence; the one to fix is
    /// the repeat, found as the next `key:` at the same column in a block mapping.
    private static func secondOccurrence(
        of key: String, after first: Mark, in text: String
    ) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let column = first.column - 1
            guard scalars.count > column, scalars[..<column].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[column...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix(key + " :") {
                return (index + 1, first.column)
            }
        }
        return nil
    }
}
