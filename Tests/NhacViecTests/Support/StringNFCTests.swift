import Foundation
import Testing

@testable import NhacViec

@Suite struct StringNFCTests {
    @Test(arguments: [
        "Báo cáo tháng 3 – “Kế hoạch” … Ủy ban nhân dân",
        "ASCII only",
        "",
        // Decomposed Vietnamese: e + circumflex + dot below.
        "Vie\u{0302}\u{0323}t Nam",
        // Singletons that NFC replaces: Ohm and Angstrom signs, an en quad.
        "\u{2126} \u{212B} a\u{2000}b",
        // A combining mark after a precomposed letter from the fast range.
        "\u{1EA0}\u{0301}",
    ])
    func matchesFoundationsNFC(_ text: String) {
        #expect(Array(text.nfc.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }
}
