import Testing

@testable import NhacViec

/// The fingerprint is SHA-256's first 128 bits, checked against values from an
/// independent implementation (Python's hashlib), so the names built from it
/// (shortened outbox file names) stay what earlier versions wrote.
@Suite struct KeyFingerprintTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb924"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223"),
        (
            "task:" + String(repeating: "Nhiệm vụ dài ", count: 20) + "/2024-04-01/before-5wd/phong-qldt/email",
            "12e797b5fb7ab7ea007f2a95077b84dd"
        ),
    ])
    func isTheFirstHalfOfSHA256(text: String, hex: String) {
        #expect(KeyFingerprint(text).hex == hex)
    }

    @Test func aShortenedFileNameEndsInTheKeysFingerprint() {
        let key = "task:" + String(repeating: "Nhiệm vụ dài ", count: 20) + "/2024-04-01/before-5wd/phong-qldt/email"
        #expect(DeliveryKey.encoded(key).hasSuffix("=_12e797b5fb7ab7ea007f2a95077b84dd"))
    }

    @Test func keysThatDifferInOneCharacterHaveDifferentFingerprints() {
        let keys = (0..<2000).map { "report:monthly/2024-\($0)/overdue-1/phong-\($0 % 7)/email" }
        #expect(Set(keys.map(KeyFingerprint.init)).count == keys.count)
        #expect(KeyFingerprint("a") == KeyFingerprint("a"))
    }
}
