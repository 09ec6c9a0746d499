extension MessageBody {
    /// The `text/plain` part: paragraphs wrapped at ``width`` columns, sections
    /// numbered with their fields aligned, and the footer under a `-- ` line.
    ///
    /// Columns are counted in characters: NFC Vietnamese letters take one column
    /// each. A word longer than the line (an address, a key) is left whole.
    var plainText: String {
        var lines: [String] = []
        if let greeting {
            lines += Self.wrap(greeting, first: "", rest: "")
            lines.append("")
        }
        for paragraph in paragraphs {
            lines += Self.wrap(paragraph, first: "", rest: "")
            lines.append("")
        }
        let numbered = sections.count > 1
        // One value column for the whole message, so items line up with each other.
        let indent = "   "
        let labelWidth = sections.flatMap(\.fields).map { $0.label.count + 1 }.max() ?? 0
        let valueIndent = String(repeating: " ", count: indent.count + labelWidth + 1)
        for (index, section) in sections.enumerated() {
            let number = numbered ? "\(index + 1). " : ""
            lines += Self.wrap(number + section.title, first: "", rest: String(repeating: " ", count: number.count))
            for field in section.fields {
                let label = field.label + ":"
                let first = indent + label + String(repeating: " ", count: labelWidth - label.count + 1)
                for (lineIndex, valueLine) in field.value.split(separator: "\n").enumerated() {
                    lines += Self.wrap(
                        String(valueLine), first: lineIndex == 0 ? first : valueIndent, rest: valueIndent)
                }
            }
            lines.append("")
        }
        for paragraph in closing {
            lines += Self.wrap(paragraph, first: "", rest: "")
            lines.append("")
        }
        if let template {
            lines += template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.append("")
        }
        // "-- " (with its space) is the signature separator clients recognise and fold away.
        lines.append("-- ")
        for paragraph in footer {
            lines += Self.wrap(paragraph, first: "", rest: "")
        }
        return (lines.joined(separator: "\n") + "\n").nfc
    }

    /// Greedy word wrap: the first line starts with `first`, the others with `rest`.
    static func wrap(_ text: String, first: String, rest: String, width: Int = width) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        // Any whitespace separates words: a line break inside a title (a YAML block
        // scalar) becomes a space instead of a ragged, unindented line.
        for word in text.split(whereSeparator: \.isWhitespace) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(lineHasWord ? line : String(first.reversed().drop { $0 == " " }.reversed()))
        return lines
    }
}
