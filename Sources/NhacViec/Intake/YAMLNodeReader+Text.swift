import Foundation
import Yams

extension YAMLNodeReader {
    /// Free text from a unit (a note, a difficulty): unlike `string`, it may run over
    /// several lines (YAML `|` and `>` blocks). Trimmed, NFC-normalised, never empty.
    func text(_ node: Node, _ path: ConfigPath) -> String? {
        guard let raw = scalar(node, path, expected: .text) else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            report(.empty, at: node, path)
            return nil
        }
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || $0.value == 0x7F }) {
            report(.controlCharacters, at: node, path)
            return nil
        }
        return text.precomposedStringWithCanonicalMapping
    }
}
