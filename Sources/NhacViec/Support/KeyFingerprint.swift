import CCrypto

/// The first 128 bits of a text's SHA-256, held in two words: a fixed-size
/// stand-in for a long key.
///
/// The daemon holds every delivery key of the ledger for its lookups, all year.
/// As strings those are one heap allocation each, made while a burst's messages
/// are in flight, and each pins the heap page it landed on after the burst's
/// garbage is freed; fingerprints live inline in the set's one buffer. At 128 bits
/// two different keys share one with a chance far below that of a disk error,
/// which matters because a false match would silently hold back a reminder.
package struct KeyFingerprint: Hashable, Sendable {
    package let high: UInt64
    package let low: UInt64

    package init(_ text: String) {
        var bytes = Array(text.utf8)
        let count = bytes.count
        if bytes.isEmpty { bytes = [0] }  // a valid pointer for an empty input
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { source in
            output.withUnsafeMutableBufferPointer { target in
                EVP_Digest(source.baseAddress, count, target.baseAddress, &length, EVP_sha256(), nil) == 1
            }
        }
        // EVP_Digest fails only without memory or a SHA-256 implementation; FNV-1a
        // twice (the second over a prefixed text) still gives a stable 128 bits.
        guard ok, length >= 16 else {
            self.high = FNV1a.hash(text)
            self.low = FNV1a.hash("=_" + text)
            return
        }
        self.high = output[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        self.low = output[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The 128 bits as 32 lower-case hex digits, in SHA-256's byte order.
    package var hex: String {
        Self.hex(high) + Self.hex(low)
    }

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
