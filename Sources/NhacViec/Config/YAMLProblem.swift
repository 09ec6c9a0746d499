/// A problem ``YAMLNodeReader`` finds in a value, before it is put in words: the config is
/// checked in English (`nhacviec check`, DESIGN §2), a unit's report in the organization's
/// language (the intake's `SubmissionMessages`), by the same reader.
enum YAMLProblem: Sendable, Hashable {
    /// What a value should have been.
    enum Expected: Sendable, Hashable {
        case text, wholeNumber, boolean, list, mapping
        case oneOf([String])
        /// A month, `YYYY-MM` (a report's period).
        case month
    }

    /// What a value was instead.
    enum Found: Sendable, Hashable {
        case nothing, mapping, list, alias
        case scalar(String)
    }

    case wrongKind(expected: Expected, found: Found)
    case empty
    case multiline
    case controlCharacters
    case notWholeNumber(String)
    case outOfRange(Int, ClosedRange<Int>)
    case notBoolean(String)
    /// `text` is none of `options`; `suggestion` is the closest option, if any is close.
    case notOneOf(String, options: [String], suggestion: String?)
    case keyNotPlain(found: Found)
    case missingKey(String)
    case unknownKey(String, known: [String], suggestion: String?)
    /// libyaml's own description of a syntax error (English, as libyaml gives it).
    case invalidSyntax(String)
    /// The repeat of a key, which YAML forbids.
    case duplicateKey(String, firstLine: Int)
    /// The text could not be read as YAML at all (libyaml's description).
    case unreadable(String)

    /// The English words (the config's, and a report's with `organization.language: en`).
    var english: String {
        switch self {
        case .wrongKind(let expected, let found):
            "expected \(Self.english(expected)), found \(Self.english(found))"
        case .empty: "must not be empty"
        case .multiline: "must be on one line (no line breaks or control characters)"
        case .controlCharacters: "contains control characters"
        case .notWholeNumber(let text): "'\(text)' is not a whole number"
        case .outOfRange(let value, let range): "\(value) is out of range (\(range.lowerBound)…\(range.upperBound))"
        case .notBoolean(let text): "'\(text)' is not a boolean (use true or false)"
        case .notOneOf(let text, let options, let suggestion):
            "'\(text)' is not valid (expected \(options.joined(separator: " | ")))" + Self.englishHint(suggestion)
        case .keyNotPlain(let found): "keys must be plain words, found \(Self.english(found))"
        case .missingKey(let key): "missing required key '\(key)'"
        case .unknownKey(let key, let known, let suggestion):
            "unknown key '\(key)'" + Self.englishHint(suggestion) + " (expected: \(known.joined(separator: ", ")))"
        case .invalidSyntax(let problem): "invalid YAML: \(problem)"
        case .duplicateKey(let key, let firstLine): "duplicate key '\(key)' (first at line \(firstLine))"
        case .unreadable(let problem): "cannot read YAML: \(problem)"
        }
    }

    static func english(_ expected: Expected) -> String {
        switch expected {
        case .text: "text"
        case .wholeNumber: "a whole number"
        case .boolean: "true or false"
        case .list: "a list"
        case .mapping: "a mapping (key: value)"
        case .oneOf(let names): "one of \(names.joined(separator: ", "))"
        case .month: "a month (YYYY-MM)"
        }
    }

    static func english(_ found: Found) -> String {
        switch found {
        case .nothing: "nothing"
        case .mapping: "a mapping"
        case .list: "a list"
        case .alias: "an alias"
        case .scalar(let text): "'\(text)'"
        }
    }

    /// "; did you mean 'x'?" or "" (``Suggestion/hint(for:in:)``'s words).
    static func englishHint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
