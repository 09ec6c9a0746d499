/// Text from outside (file names, values from a config or a report) made safe to
/// show in a log line, a message or a terminal: control characters escaped, and
/// long values cut, so that a hostile file can neither forge log lines nor turn a
/// 2 MB id into megabytes of error output.
enum DisplayText {
    /// The longest value quoted whole; longer ones keep their start and end around "…".
    static let quoteLimit = 80

    /// `text` with C0/C1 controls, DEL, line and paragraph separators and bidirectional
    /// overrides written as `\n`, `\t`, `\r` or `\u{…}`.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.append(scalar)
                continue
            }
            let escape =
                switch scalar {
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            result.append(contentsOf: escape.unicodeScalars)
        }
        return String(result)
    }

    /// `text` cut to at most `limit` characters, keeping its start and its end (where a
    /// file extension or a distinguishing suffix usually is).
    static func elided(_ text: String, limit: Int = quoteLimit) -> String {
        guard text.count > limit, limit >= 3 else { return text }
        let tail = (limit - 1) / 4
        return String(text.prefix(limit - 1 - tail)) + "…" + String(text.suffix(tail))
    }

    /// A message with every value it quotes (`'…'`) longer than `quoteLimit` elided,
    /// control characters escaped, and the whole kept under a few lines.
    static func message(_ text: String) -> String {
        let escaped = escaped(text)
        var result = ""
        var inside = false
        var quoted = ""
        for character in escaped {
            if character == "'" {
                if inside {
                    result += elided(quoted)
                    quoted = ""
                }
                inside.toggle()
                result.append(character)
            } else if inside {
                quoted.append(character)
            } else {
                result.append(character)
            }
        }
        result += elided(quoted)
        return elided(result, limit: 4 * quoteLimit + 200)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F, 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
