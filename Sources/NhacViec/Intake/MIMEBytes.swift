/// Byte-level helpers for MIME: line splitting and the two transfer encodings.
enum MIMEBytes {
    /// Lines without their terminators (CRLF or a bare LF).
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                var end = index
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                lines.append(bytes[start..<end])
                start = index + 1
            }
            index += 1
        }
        if start < bytes.endIndex { lines.append(bytes[start..<bytes.endIndex]) }
        return lines
    }

    /// Where the header ends: the index of the body's first byte, or nil when there is no blank line.
    static func bodyStart(_ bytes: ArraySlice<UInt8>) -> (headerEnd: Int, bodyStart: Int)? {
        var index = bytes.startIndex
        var lineStart = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                var content = index
                if content > lineStart, bytes[content - 1] == UInt8(ascii: "\r") { content -= 1 }
                if content == lineStart { return (lineStart, index + 1) }
                lineStart = index + 1
            }
            index += 1
        }
        return nil
    }

    /// Decodes base64, skipping line breaks and anything outside the alphabet (as mail readers do).
    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="): return out  // padding ends the data
            default: continue
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// Decodes quoted-printable: `=XX` escapes and `=` soft line breaks; other bytes pass.
    /// With `underscoreIsSpace` (RFC 2047 "Q"), `_` is a space.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                let next = index + 1
                if next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") {
                    index = next + 1
                    continue
                }
                if next + 1 < bytes.endIndex, bytes[next] == UInt8(ascii: "\r"), bytes[next + 1] == UInt8(ascii: "\n") {
                    index = next + 2
                    continue
                }
                if next + 1 < bytes.endIndex, let high = hexValue(bytes[next]), let low = hexValue(bytes[next + 1]) {
                    out.append(high << 4 | low)
                    index = next + 2
                    continue
                }
                // Trailing blanks before a soft break are padding added by the sender.
                var blank = next
                while blank < bytes.endIndex, bytes[blank] == UInt8(ascii: " ") || bytes[blank] == UInt8(ascii: "\t") {
                    blank += 1
                }
                if blank > next, blank < bytes.endIndex,
                    bytes[blank] == UInt8(ascii: "\r") || bytes[blank] == UInt8(ascii: "\n")
                {
                    index = bytes[blank] == UInt8(ascii: "\r") && blank + 1 < bytes.endIndex ? blank + 2 : blank + 1
                    continue
                }
                out.append(byte)
            } else if underscoreIsSpace, byte == UInt8(ascii: "_") {
                out.append(UInt8(ascii: " "))
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
