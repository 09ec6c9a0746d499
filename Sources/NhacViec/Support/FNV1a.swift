/// 64-bit FNV-1a: a small, stable, non-cryptographic hash for deriving names
/// (message keys, file names, jitter) that must be the same on every run and
/// platform, which Swift's seeded `Hasher` is not.
package enum FNV1a {
    package static func hash(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var value = seed
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }

    /// The hash as 16 lower-case hex digits.
    package static func hex(_ text: String) -> String {
        let digits = String(hash(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
