import Yams

/// Reads typed values out of composed YAML nodes, reporting every problem to an
/// `IssueCollector` with the node's mark instead of throwing.
///
/// Each accessor returns nil when the value is missing or wrong; the caller
/// substitutes the default (or skips the item) and keeps going, so one pass
/// finds all problems.
struct YAMLNodeReader {
    let file: String
    let issues: IssueCollector
    /// Puts the reader's own problems in words: English for the config, the
    /// organization's language for a unit's report.
    var wording: (YAMLProblem) -> String = \.english

    func report(_ message: String, at node: Node?, _ path: ConfigPath) {
        issues.report(message, at: node, path: path, file: file)
    }

    func report(_ problem: YAMLProblem, at node: Node?, _ path: ConfigPath) {
        report(wording(problem), at: node, path)
    }

    /// The scalar text of a node, or nil (with an issue) for mappings and lists.
    /// Explicit nulls (`~`, `null`, empty) count as missing. `expected` is only
    /// worked out for an issue (a choice lists its words).
    func scalar(_ node: Node, _ path: ConfigPath, expected: @autoclosure () -> YAMLProblem.Expected) -> String? {
        guard case .scalar(let scalar) = node else {
            report(.wrongKind(expected: expected(), found: found(node)), at: node, path)
            return nil
        }
        if isNull(scalar) {
            report(.wrongKind(expected: expected(), found: .nothing), at: node, path)
            return nil
        }
        return scalar.string
    }

    func string(_ node: Node, _ path: ConfigPath) -> String? {
        guard let text = scalar(node, path, expected: .text) else { return nil }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            report(.empty, at: node, path)
            return nil
        }
        if trimmed.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 }) {
            report(.multiline, at: node, path)
            return nil
        }
        // Only text with combining marks (U+0300–U+036F, UTF-8 lead bytes CC/CD) can be
        // other than NFC in practice; skipping Foundation's normaliser otherwise keeps
        // loading a 10,000-task plan fast.
        let hasCombiningMarks = trimmed.utf8.contains { $0 == 0xCC || $0 == 0xCD }
        return hasCombiningMarks ? trimmed.precomposedStringWithCanonicalMapping : trimmed
    }

    func integer(_ node: Node, _ path: ConfigPath, range: ClosedRange<Int>) -> Int? {
        guard let text = scalar(node, path, expected: .wholeNumber) else { return nil }
        guard let value = Int(text.trimmingSpaces) else {
            report(.notWholeNumber(text), at: node, path)
            return nil
        }
        guard range.contains(value) else {
            report(.outOfRange(value, range), at: node, path)
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ path: ConfigPath) -> Bool? {
        guard let text = scalar(node, path, expected: .boolean) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            report(.notBoolean(text), at: node, path)
            return nil
        }
    }

    /// A value from a fixed set of words, with a did-you-mean hint.
    func choice<T>(_ node: Node, _ path: ConfigPath, _ options: KeyValuePairs<String, T>) -> T? {
        guard let text = scalar(node, path, expected: .oneOf(options.map(\.key))) else { return nil }
        if let match = options.first(where: { $0.key == text }) { return match.value }
        let names = options.map(\.key)
        report(.notOneOf(text, options: names, suggestion: Suggestion.typo(of: text, in: names)), at: node, path)
        return nil
    }

    /// List items with their paths. A single scalar is accepted as a one-item
    /// list when `allowSingle` (e.g. `email: a@x.vn`).
    func list(_ node: Node, _ path: ConfigPath, allowSingle: Bool = false) -> [(Node, ConfigPath)]? {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().map { ($0.element, path.index($0.offset)) }
        case .scalar(let scalar) where isNull(scalar):
            return []
        case .scalar where allowSingle:
            return [(node, path)]
        default:
            report(.wrongKind(expected: .list, found: found(node)), at: node, path)
            return nil
        }
    }

    func mapping(_ node: Node, _ path: ConfigPath) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            report(.wrongKind(expected: .mapping, found: found(node)), at: node, path)
            return nil
        }
        return YAMLMapping(mapping: mapping, node: node, path: path, reader: self)
    }

    func found(_ node: Node) -> YAMLProblem.Found {
        switch node {
        case .scalar(let scalar): isNull(scalar) ? .nothing : .scalar(scalar.string)
        case .mapping: .mapping
        case .sequence: .list
        case .alias: .alias
        }
    }

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// A YAML mapping being read: remembers which keys were asked for, so that
/// `finish(known:)` can report every unknown key (with a did-you-mean hint).
final class YAMLMapping {
    let node: Node
    let path: ConfigPath
    let reader: YAMLNodeReader
    private let mapping: Node.Mapping
    // The keys' text by position in `mapping` (nil for a key that is not a scalar):
    // lookups scan only these strings, and copy out just the node asked for.
    private let keys: [String?]

    init(mapping: Node.Mapping, node: Node, path: ConfigPath, reader: YAMLNodeReader) {
        self.node = node
        self.path = path
        self.reader = reader
        self.mapping = mapping
        self.keys = mapping.keys.map { key in
            guard case .scalar(let scalar) = key else {
                reader.report(.keyNotPlain(found: reader.found(key)), at: key, path)
                return nil
            }
            return scalar.string
        }
    }

    func has(_ key: String) -> Bool {
        keys.contains(key)
    }

    /// The value node of `key`, or nil (with an issue when `required`).
    func value(_ key: String, required: Bool = false) -> Node? {
        if let index = keys.firstIndex(of: key) { return mapping[mapping.startIndex + index].value }
        if required {
            reader.report(.missingKey(key), at: node, path.key(key))
        }
        return nil
    }

    func keyNode(_ key: String) -> Node? {
        keys.firstIndex(of: key).map { mapping[mapping.startIndex + $0].key }
    }

    func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required).flatMap { reader.string($0, path.key(key)) }
    }

    func integer(_ key: String, range: ClosedRange<Int>, required: Bool = false) -> Int? {
        value(key, required: required).flatMap { reader.integer($0, path.key(key), range: range) }
    }

    func boolean(_ key: String) -> Bool? {
        value(key).flatMap { reader.boolean($0, path.key(key)) }
    }

    func choice<T>(_ key: String, _ options: KeyValuePairs<String, T>) -> T? {
        value(key).flatMap { reader.choice($0, path.key(key), options) }
    }

    func list(_ key: String, allowSingle: Bool = false, required: Bool = false) -> [(Node, ConfigPath)]? {
        value(key, required: required).flatMap { reader.list($0, path.key(key), allowSingle: allowSingle) }
    }

    func mapping(_ key: String, required: Bool = false) -> YAMLMapping? {
        value(key, required: required).flatMap { reader.mapping($0, path.key(key)) }
    }

    /// Reports every key not in `known`, at the key itself.
    func finish(known: [String]) {
        for (index, key) in keys.enumerated() {
            guard let key, !known.contains(key) else { continue }
            reader.report(
                .unknownKey(key, known: known, suggestion: Suggestion.typo(of: key, in: known)),
                at: mapping[mapping.startIndex + index].key, path.key(key))
        }
    }
}
