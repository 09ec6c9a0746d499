/// A JSON value with object keys kept in the order written, serialised to exact
/// bytes: documented field orders stay as documented (DESIGN §9), and a webhook
/// body (and its signature) is the same on every render.
///
/// Strings are written as UTF-8 with only what JSON requires escaped, plus
/// U+2028/U+2029 (which break JavaScript receivers).
package indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered == rhs.rendered
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(rendered)
    }

    /// The UTF-8 bytes of `rendered`.
    package func serialized() -> [UInt8] {
        Array(rendered.utf8)
    }

    /// Compact JSON text (no spaces, `/` not escaped, non-ASCII kept as UTF-8).
    package var rendered: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .string(let text): JSONValue.writeString(text, to: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// Appends `text` as a JSON string literal.
    package static func writeString(_ text: String, to out: inout String) {
        out += "\""
        // Fast path: most text needs no escaping and is appended whole. 0xE2 leads the
        // UTF-8 of U+2028/U+2029, which JavaScript readers need escaped.
        let needsEscaping = text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2
        }
        guard needsEscaping else {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
