import Foundation

/// The encodings an RFC 5322/MIME message needs, each producing ASCII lines that
/// can never start a new header: RFC 2047 encoded-words, header folding,
/// quoted-printable, base64 and RFC 2231 parameters.
///
/// Header lines are kept within 78 characters where the content allows it and
/// always far below the 998-octet limit; body lines within 76.
enum MIMEEncoding {
    /// Header text made safe: NFC, control characters (CR and LF included) and
    /// Unicode line/paragraph separators replaced by spaces, outer spaces trimmed.
    static func headerText(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.nfc.unicodeScalars {
            scalars.append(isControl(scalar) ? " " : scalar)
        }
        return String(scalars).trimmingSpaces
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `Name: token token…` folded before a token wherever the line would pass
    /// `limit` characters (78; 76 for lines holding encoded-words, RFC 2047 §2).
    /// Tokens contain no CR or LF (callers guarantee it).
    static func foldedField(_ name: String, _ tokens: [String], limit: Int = 78) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        for token in tokens {
            let length = token.utf8.count
            if length > 0 && lineLength + 1 + length > limit && lineLength > name.utf8.count + 1 {
                result += "\r\n " + token
                lineLength = 1 + length
            } else {
                result += " " + token
                lineLength += 1 + length
            }
        }
        return result + "\r\n"
    }

    /// An unstructured field (`Subject`, extra headers) from any text.
    static func unstructuredField(_ name: String, _ value: String) -> String {
        let text = headerText(value)
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let plainASCII =
            text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && !text.contains("=?") && words.allSatisfy { $0.utf8.count <= 76 }
        if plainASCII {
            // Fold at spaces; an empty word keeps a run of spaces intact when unfolded.
            return foldedField(name, words.isEmpty ? [""] : words)
        }
        return foldedField(name, encodedWords(text, firstLineUsed: name.utf8.count + 2), limit: 76)
    }

    /// RFC 2047 "B" encoded-words for `text`, each at most 75 characters.
    ///
    /// Words end only after a space, the space encoded at the end of the word
    /// it follows: RFC 2047 §6.2 readers drop the white space between adjacent
    /// encoded-words, but some readers keep it (Python's `email` does in display
    /// names), and a word split across two encoded-words then reads "lao đ ộng";
    /// split at a space it reads, at worst, with a double space. Only a word too
    /// long for the encoded-word it starts is split, between characters (never
    /// inside a UTF-8 sequence). The first encoded-word also fits a line that
    /// already holds `firstLineUsed` characters (RFC 2047 §2: such lines stay
    /// within 76).
    static func encodedWords(_ text: String, firstLineUsed: Int = 0) -> [String] {
        let overhead = "=?UTF-8?B??=".utf8.count
        func capacity(wordLength: Int) -> Int { max(1, (wordLength - overhead) / 4) * 3 }
        let fullCapacity = capacity(wordLength: 75)
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = capacity(wordLength: min(75, max(16 + overhead, 76 - firstLineUsed)))
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk.removeAll()
            limit = fullCapacity
        }
        for piece in spaceEndedPieces(text) {
            let bytes = Array(piece.utf8)
            if chunk.count + bytes.count <= limit {
                chunk += bytes
                continue
            }
            flush()
            if bytes.count <= limit {
                chunk = bytes
                continue
            }
            // A word longer than a whole encoded-word: split between characters,
            // and a character longer than that (a long combining sequence) between scalars.
            for character in piece {
                let characterBytes = Array(String(character).utf8)
                if chunk.count + characterBytes.count <= limit {
                    chunk += characterBytes
                    continue
                }
                flush()
                for scalar in character.unicodeScalars {
                    let scalarBytes = Array(String(scalar).utf8)
                    if chunk.count + scalarBytes.count > limit { flush() }
                    chunk += scalarBytes
                }
            }
        }
        flush()
        return words.isEmpty ? ["=?UTF-8?B??="] : words
    }

    /// `text` cut after each run of spaces: "lao động  x" → ["lao ", "động  ", "x"].
    static func spaceEndedPieces(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == " " && (next == text.endIndex || text[next] != " ") {
                pieces.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { pieces.append(text[start...]) }
        return pieces
    }

    /// A display name as a `phrase`: atoms, a quoted string or encoded-words.
    /// `firstLineUsed`: what the line already holds before the phrase, as for ``encodedWords(_:firstLineUsed:)``.
    static func phraseTokens(_ name: String, firstLineUsed: Int = 0) -> [String] {
        let text = headerText(name)
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        let words = text.split(separator: " ")
        if !words.isEmpty, words.allSatisfy({ $0.allSatisfy(atext.contains) }), !text.contains("=?") {
            return words.map(String.init)
        }
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), !text.contains("=?"),
            text.utf8.count <= 70
        {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"" + escaped + "\""]
        }
        return encodedWords(text, firstLineUsed: firstLineUsed)
    }

    /// An address-list field (`From`, `To`, `Cc`).
    static func addressField(_ name: String, _ mailboxes: [Mailbox]) -> String {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            let used = index == 0 ? name.utf8.count + 2 : 0
            var part = mailbox.displayName.map { phraseTokens($0, firstLineUsed: used) } ?? []
            part.append(part.isEmpty ? mailbox.address : "<\(mailbox.address)>")
            if index < mailboxes.count - 1, let last = part.popLast() { part.append(last + ",") }
            tokens += part
        }
        return foldedField(name, tokens, limit: 76)
    }

    /// Quoted-printable (RFC 2045 §6.7) of text with CRLF line ends and lines of at
    /// most 76 characters. A dot at the start of a line is encoded too, so the body
    /// is the same with or without SMTP dot-stuffing.
    ///
    /// Works on UTF-8 bytes into one buffer: it runs for every message of a burst on
    /// the thread that feeds the SMTP sessions (a string per token made it the
    /// largest cost of the morning burst, issue 15).
    static func quotedPrintable(_ text: String) -> String {
        let hexDigits = Self.hexDigits
        var output: [UInt8] = []
        let source = Array(text.nfc.utf8)
        output.reserveCapacity(source.count + source.count / 2)
        var lineStart = 0
        var index = 0
        while lineStart <= source.count {
            // The line runs to the next CR, LF or CRLF (or the end).
            index = lineStart
            while index < source.count, source[index] != 13, source[index] != 10 { index += 1 }
            let lineEnd = index
            var width = 0
            for position in lineStart..<lineEnd {
                let byte = source[position]
                let isLast = position == lineEnd - 1
                var literal = qpLiteral(byte, isLast: isLast, atLineStart: width == 0)
                if width + (literal ? 1 : 3) > 75 {
                    output.append(contentsOf: [UInt8(ascii: "="), 13, 10])
                    width = 0
                    literal = qpLiteral(byte, isLast: isLast, atLineStart: true)
                }
                if literal {
                    output.append(byte)
                    width += 1
                } else {
                    output.append(contentsOf: [
                        UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)],
                    ])
                    width += 3
                }
            }
            guard index < source.count else { break }
            output.append(contentsOf: [13, 10])
            index += source[index] == 13 && index + 1 < source.count && source[index + 1] == 10 ? 2 : 1
            lineStart = index
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `byte` stands for itself in quoted-printable (else it is `=XX`).
    private static func qpLiteral(_ byte: UInt8, isLast: Bool, atLineStart: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): !isLast
        case UInt8(ascii: "."): !atLineStart
        case 33...126: byte != UInt8(ascii: "=")
        default: false
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Base64 in lines of 76 characters, CRLF-separated.
    static func base64Lines(_ data: [UInt8]) -> String {
        let encoded = Array(Data(data).base64EncodedString().utf8)
        var lines: [String] = []
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            lines.append(String(decoding: encoded[start..<end], as: UTF8.self))
            start = end
        }
        return lines.joined(separator: "\r\n")
    }

    /// The `filename` parameter tokens for `Content-Disposition`: a quoted string for
    /// short plain-ASCII names, RFC 2231 `filename*N*=UTF-8''…` continuations otherwise.
    static func filenameParameters(_ filename: String) -> [String] {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.()+,= ")
        if filename.utf8.count <= 60, filename.allSatisfy(safe.contains), !filename.hasPrefix(" ") {
            return ["filename=\"\(filename)\""]
        }
        let attributeChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)
        var pieces: [String] = []
        var current = ""
        for byte in filename.utf8 {
            let token = attributeChars.contains(byte) ? String(UnicodeScalar(byte)) : "%" + hex(byte)
            if current.utf8.count + token.utf8.count > 54 {
                pieces.append(current)
                current = ""
            }
            current += token
        }
        pieces.append(current)
        if pieces.count == 1 { return ["filename*=UTF-8''\(pieces[0])"] }
        return pieces.enumerated().map { index, piece in
            index == 0 ? "filename*0*=UTF-8''\(piece)" : "filename*\(index)*=\(piece)"
        }
    }

    static func hex(_ byte: UInt8) -> String {
        String(decoding: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
