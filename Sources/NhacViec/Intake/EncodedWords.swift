/// RFC 2047 encoded-words in header text (`=?windows-1258?Q?B=E1o_c=E1o?=`).
///
/// Blanks between two adjacent encoded-words are dropped (clients split long
/// subjects into several words); a word that does not decode is kept as written.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var out = ""
        var pendingBlank = ""
        var previousWasEncoded = false
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (decoded, after) = encodedWord(rest) {
                if !previousWasEncoded { out += pendingBlank }
                pendingBlank = ""
                out += decoded
                rest = after
                previousWasEncoded = true
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingBlank.append(character)
            } else {
                out += pendingBlank
                pendingBlank = ""
                out.append(character)
                previousWasEncoded = false
            }
        }
        return out + pendingBlank
    }

    /// One encoded-word at the start of `text`: its text and what follows it.
    private static func encodedWord(_ text: Substring) -> (String, Substring)? {
        let body = text.dropFirst(2)
        guard let q1 = body.firstIndex(of: "?") else { return nil }
        let charset = body[..<q1]
        let afterCharset = body[body.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?") else { return nil }
        let encoding = afterCharset[..<q2].uppercased()
        let payload = afterCharset[afterCharset.index(after: q2)...]
        guard let end = payload.range(of: "?=") else { return nil }
        let data = Array(payload[..<end.lowerBound].utf8)
        guard !charset.isEmpty, !data.contains(UInt8(ascii: " ")) else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B": bytes = MIMEBytes.base64(data[...])
        case "Q": bytes = MIMEBytes.quotedPrintable(data[...], underscoreIsSpace: true)
        default: return nil
        }
        guard let decoded = MIMECharset.decode(bytes, charset: String(charset)) else { return nil }
        return (decoded, payload[end.upperBound...])
    }
}
