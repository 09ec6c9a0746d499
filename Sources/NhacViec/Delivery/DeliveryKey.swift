/// Deterministic, injective mappings of a delivery key to the places it appears:
/// `Message-ID`, MIME boundaries, outbox file names, the `Idempotency-Key` header.
///
/// Keys are built elsewhere (e.g. `task:II.3/2024-04-01/before-5wd/phong-qldt/email`)
/// and may contain any character. Each mapping keeps safe ASCII as is and escapes
/// every other UTF-8 byte as `<escape>HH`, escaping the escape character too, so
/// two different keys never map to the same text (below the length cap, past
/// which a 64-bit hash of the whole key keeps them apart).
enum DeliveryKey {
    /// The `id-left` of a `Message-ID`: a `dot-atom-text` (RFC 5322 §3.6.4).
    static func messageIDLeft(_ key: String) -> String {
        let escaped = escape(key, escape: "=", dotsAllowed: true)
        return capped(escaped, limit: 120)
    }

    /// A file name (without extension) that is safe in any directory: no `/`, no
    /// leading dot, nothing outside `[A-Za-z0-9._-]` and the escape `%`.
    static func fileName(_ key: String) -> String {
        let escaped = escape(key, escape: "%", dotsAllowed: true)
        return capped(escaped, limit: 200)
    }

    /// The key as an HTTP header value: visible ASCII only.
    static func headerValue(_ key: String) -> String {
        var out = ""
        for byte in key.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte)
            }
        }
        return out
    }

    /// 16 hex digits of FNV-1a 64 of the key: stable across runs and platforms.
    static func hash(_ key: String) -> String {
        FNV1a.hex(key)
    }

    private static func escape(_ key: String, escape: Character, dotsAllowed: Bool) -> String {
        let bytes = Array(key.utf8)
        var out = ""
        for (index, byte) in bytes.enumerated() {
            let isDot = byte == UInt8(ascii: ".")
            // A dot may not start or end a dot-atom or follow another dot; a file
            // name must not start with one.
            let dotIsSafe =
                dotsAllowed && index > 0 && index < bytes.count - 1 && bytes[index - 1] != UInt8(ascii: ".")
            if isLiteral(byte) || (isDot && dotIsSafe) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.append(escape)
                out += hex(byte)
            }
        }
        return out.isEmpty ? "\(escape)" : out
    }

    private static func isLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private static func capped(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        return String(text.prefix(limit - 18)) + "-h" + hash(text)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
