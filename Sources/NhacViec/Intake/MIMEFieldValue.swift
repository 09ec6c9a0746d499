/// A structured field value: a token (`text/plain`, `attachment`) and its
/// parameters, as in `Content-Type` and `Content-Disposition`.
///
/// Parameters follow RFC 2045 (tokens or quoted strings) and RFC 2231 (`name*`
/// with `charset'language'%XX`, and `name*0`, `name*1*`… continuations, which
/// Thunderbird and Outlook use for long Vietnamese file names). A parameter
/// written as an RFC 2047 encoded-word (Gmail, older Outlook) is decoded too.
package struct MIMEFieldValue: Sendable, Hashable {
    /// Lower-cased, e.g. `multipart/mixed`.
    package var value: String
    /// Lower-cased names, decoded values.
    package var parameters: [String: String]

    package init(_ text: String) {
        var items: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\", inQuotes {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
                current.append(character)
            } else if character == ";", !inQuotes {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        value = (items.first ?? "").trimmingSpaces.lowercased()
        var plain: [String: String] = [:]
        // name -> (section -> (text, isExtended))
        var sections: [String: [Int: (String, Bool)]] = [:]
        var extended: [String: String] = [:]
        for item in items.dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            var name = String(item[..<equals]).trimmingSpaces.lowercased()
            var raw = String(item[item.index(after: equals)...]).trimmingSpaces
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
                raw = Self.unquote(String(raw.dropFirst().dropLast()))
            }
            let isExtended = name.hasSuffix("*")
            if isExtended { name.removeLast() }
            if let star = name.lastIndex(of: "*"), let section = Int(name[name.index(after: star)...]) {
                sections[String(name[..<star]), default: [:]][section] = (raw, isExtended)
            } else if isExtended {
                extended[name] = raw
            } else {
                plain[name] = raw
            }
        }
        var parameters: [String: String] = [:]
        for (name, raw) in plain { parameters[name] = EncodedWords.decode(raw) }
        for (name, raw) in extended { parameters[name] = Self.decodeExtended(raw, charset: nil).text }
        for (name, parts) in sections {
            var charset: String?
            var bytes: [UInt8] = []
            for section in parts.keys.sorted() {
                guard let (raw, isExtended) = parts[section] else { continue }
                if isExtended {
                    let decoded = Self.decodeExtended(raw, charset: section == 0 ? nil : charset ?? "utf-8")
                    if section == 0 { charset = decoded.charset }
                    bytes += decoded.bytes
                } else {
                    bytes += Array(raw.utf8)
                }
            }
            parameters[name] = MIMECharset.decodeLeniently(bytes, charset: charset)
        }
        self.parameters = parameters
    }

    /// `charset'lang'%XX…` (first section) or `%XX…` (later sections).
    private static func decodeExtended(_ raw: String, charset given: String?) -> (
        charset: String?, bytes: [UInt8], text: String
    ) {
        var charset = given
        var encoded = Substring(raw)
        if given == nil {
            let parts = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3 {
                charset = parts[0].isEmpty ? nil : String(parts[0])
                encoded = parts[2]
            }
        }
        var bytes: [UInt8] = []
        let utf8 = Array(encoded.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = MIMEBytes.hexValue(utf8[index + 1]), let low = MIMEBytes.hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return (charset, bytes, MIMECharset.decodeLeniently(bytes, charset: charset))
    }

    private static func unquote(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if escaped || character != "\\" {
                out.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return out
    }
}
