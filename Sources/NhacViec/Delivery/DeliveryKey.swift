/// The one encoding of a delivery key wherever it must be plain ASCII: the local
/// part of the `Message-ID` and the outbox file name (`<encoded>.eml`,
/// `<encoded>.json`) are the same text, so either finds the other (DESIGN §6).
///
/// Keys are built elsewhere (e.g. `task:II.3/2024-04-01/before-5wd/phong-qldt/email`)
/// and may contain any character. The encoding keeps `[A-Za-z0-9_-]` as is, keeps
/// a dot where a `dot-atom-text` (RFC 5322 §3.2.3) allows one (not first, not last,
/// not after another dot, which also rules out hidden files, `.` and `..`), and
/// writes every other UTF-8 byte as `=HH` (upper-case hex). The result is a valid
/// `id-left` and a file name safe in any directory, and ``decoded(_:)`` reverses it.
///
/// A key whose encoding would pass ``maximumEncodedLength`` bytes (a file name may
/// have at most 255) is encoded as the first part of its encoding, `=_` and 32 hex
/// digits of the key's SHA-256. `=_` never occurs in a full encoding, so such a
/// name is told apart and ``decoded(_:)`` returns nil for it: the key is then
/// found by encoding candidate keys (the ledger's) and comparing.
enum DeliveryKey {
    /// The longest encoding: with `.json` and the outbox's temporary-file
    /// decoration (`.tmp-…-<pid>-<random>`) a name stays well under 255 bytes.
    static let maximumEncodedLength = 200

    /// The key as a `Message-ID` local part and outbox file name (without extension).
    static func encoded(_ key: String) -> String {
        let bytes = Array(key.utf8)
        var tokens: [String] = []
        tokens.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            let isDot = byte == UInt8(ascii: ".")
            let dotIsSafe = isDot && index > 0 && index < bytes.count - 1 && bytes[index - 1] != UInt8(ascii: ".")
            if isLiteral(byte) || dotIsSafe {
                tokens.append(String(Unicode.Scalar(byte)))
            } else {
                tokens.append("=" + hex(byte))
            }
        }
        let full = tokens.joined()
        if full.isEmpty { return "=_" + digest(key) }
        guard full.utf8.count > maximumEncodedLength else { return full }
        // Cut between tokens, never inside an `=HH` escape.
        let suffix = "=_" + digest(key)
        var prefix = ""
        for token in tokens {
            if prefix.utf8.count + token.utf8.count + suffix.utf8.count > maximumEncodedLength { break }
            prefix += token
        }
        return prefix + suffix
    }

    /// The key an ``encoded(_:)`` text stands for; nil when the text is a
    /// shortened (hashed) encoding or was not made by ``encoded(_:)``.
    static func decoded(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                    let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else if isLiteral(byte) || byte == UInt8(ascii: ".") {
                out.append(byte)
                index += 1
            } else {
                return nil
            }
        }
        guard let key = String(validating: out, as: UTF8.self) else { return nil }
        // Only the canonical text decodes, so decoding and encoding are exact inverses.
        return encoded(key) == text ? key : nil
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

    private static func isLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// 32 lower-case hex digits (128 bits) of SHA-256: two long keys that share
    /// their first 166 encoded bytes still get different names.
    private static func digest(_ key: String) -> String {
        KeyFingerprint(key).hex
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
