/// The key path (`tasks[3].lead`) of a place in YAML text, for errors that come
/// without a node tree: syntax errors and duplicate keys stop Yams before it
/// builds one, yet `check` names a KEY.PATH for every error (DESIGN §2).
///
/// Reads block-style YAML by indentation: the nearest line above with an entry
/// (a key or a `- ` item) left of the current column is the parent, and items at
/// the same column in between give the index. Flow collections on the target line
/// contribute their leading key. A tab counts as four columns, the indentation
/// its writer most likely meant.
enum YAMLTextPath {
    /// The path of the key at `line`:`column` (1-based), or of the innermost entry
    /// around it; `(top level)` when there is none.
    static func path(in text: String, line: Int, column: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard line >= 1, line <= lines.count else { return "(top level)" }
        let target = lines[line - 1]
        // A syntax error may point at the indentation: the entry is what follows it.
        var start = max(0, column - 1)
        while start < target.count, target[start] == " " || target[start] == "\t" { start += 1 }
        let targetColumn = expandedColumn(of: start, in: target)
        var components: [String] = []
        // The key written at the place itself, e.g. the repeated key of a duplicate.
        if let key = key(at: start, in: target) { components.append(key) }
        var limit = targetColumn
        var row = line - 1
        var entries = Self.entries(of: target).filter { $0.column < limit || ($0.column == limit && !$0.isKey) }
        while true {
            // Innermost first: the rightmost entry left of the limit.
            while let entry = entries.popLast() {
                switch entry.kind {
                case .key(let name):
                    components.insert(name, at: 0)
                    limit = entry.column
                case .item:
                    let (index, parentRow) = itemIndex(column: entry.column, row: row, lines: lines)
                    components.insert("[\(index)]", at: 0)
                    limit = entry.column
                    if let parentRow, parentRow != row {
                        row = parentRow
                        // The parent's own entries at or left of the item's column.
                        entries = Self.entries(of: lines[row]).filter {
                            $0.column < limit || ($0.column == limit && $0.isKey)
                        }
                    }
                }
            }
            guard let above = nearestRow(above: row, before: limit, lines: lines) else { break }
            row = above
            entries = Self.entries(of: lines[row]).filter { $0.column < limit }
        }
        var text = ""
        for component in components {
            if component.hasPrefix("[") {
                text += component
            } else {
                text += text.isEmpty ? component : ".\(component)"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    struct Entry {
        enum Kind {
            case key(String)
            case item
        }

        let column: Int
        let kind: Kind
        var isKey: Bool { if case .key = kind { true } else { false } }
    }

    /// The leading `- ` items and the first key of a line, with their (0-based, tab-expanded) columns.
    static func entries(of line: [Unicode.Scalar]) -> [Entry] {
        var entries: [Entry] = []
        var index = 0
        var column = 0
        func skipSpaces() {
            while index < line.count, line[index] == " " || line[index] == "\t" {
                column += line[index] == "\t" ? 4 : 1
                index += 1
            }
        }
        skipSpaces()
        guard index < line.count, line[index] != "#" else { return [] }
        if line[index...].starts(with: "---".unicodeScalars) || line[index...].starts(with: "...".unicodeScalars) {
            return []
        }
        while index < line.count, line[index] == "-", index + 1 == line.count || line[index + 1] == " " {
            entries.append(Entry(column: column, kind: .item))
            index += 1
            column += 1
            skipSpaces()
        }
        if let key = key(at: index, in: line) { entries.append(Entry(column: column, kind: .key(key))) }
        return entries
    }

    /// A plain or quoted mapping key starting at `index` (`name:`, `"name" :`), or nil.
    static func key(at index: Int, in line: [Unicode.Scalar]) -> String? {
        guard index >= 0, index < line.count else { return nil }
        var end = index
        var name: String
        if line[index] == "\"" || line[index] == "'" {
            let quote = line[index]
            end = index + 1
            while end < line.count, line[end] != quote { end += 1 }
            guard end < line.count else { return nil }
            name = String(String.UnicodeScalarView(line[(index + 1)..<end]))
            end += 1
        } else {
            let stops: Set<Unicode.Scalar> = [":", ",", "{", "}", "[", "]", "#", "\t"]
            let isItem = line[index] == "-" && (index + 1 == line.count || line[index + 1] == " ")
            guard !stops.contains(line[index]), line[index] != " ", !isItem else { return nil }
            while end < line.count, !stops.contains(line[end]) { end += 1 }
            name = String(String.UnicodeScalarView(line[index..<end]))
            while name.hasSuffix(" ") { name.removeLast() }
        }
        while end < line.count, line[end] == " " { end += 1 }
        guard end < line.count, line[end] == ":", end + 1 == line.count || " \t".unicodeScalars.contains(line[end + 1])
        else { return nil }
        return name.isEmpty ? nil : name
    }

    /// Which item of its sequence the `- ` at `column` of `row` is, and the row of the
    /// sequence's parent key (nil at the top level).
    private static func itemIndex(column: Int, row: Int, lines: [[Unicode.Scalar]]) -> (Int, Int?) {
        var index = 0
        var current = row - 1
        while current >= 0 {
            let entries = Self.entries(of: lines[current])
            if let first = entries.first {
                if first.column < column { return (index, current) }
                if first.column == column {
                    if first.isKey { return (index, current) }
                    index += 1
                }
            }
            current -= 1
        }
        return (index, nil)
    }

    /// The nearest row above `row` with an entry left of `limit`.
    private static func nearestRow(above row: Int, before limit: Int, lines: [[Unicode.Scalar]]) -> Int? {
        var current = row - 1
        while current >= 0 {
            if let first = entries(of: lines[current]).first, first.column < limit { return current }
            current -= 1
        }
        return nil
    }

    /// The tab-expanded column of the scalar at `index`.
    private static func expandedColumn(of index: Int, in line: [Unicode.Scalar]) -> Int {
        var column = 0
        for scalar in line.prefix(max(0, index)) { column += scalar == "\t" ? 4 : 1 }
        return column
    }
}
