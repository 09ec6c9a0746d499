import Foundation

extension String {
    /// The text in Unicode NFC, as `precomposedStringWithCanonicalMapping` gives it,
    /// without Foundation's round trip through `NSString` when the text cannot change.
    ///
    /// Messages are normalised whole, several times each, for every message of a
    /// burst (issue 15: the round trip was a fifth of the burst's CPU), and nearly
    /// all of them are NFC already: config text is normalised when it is read.
    /// Scalars below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA), the
    /// precomposed Vietnamese letters of Latin Extended Additional (U+1E00–U+1EFF)
    /// and the dashes, quotes and bullets of U+2010–U+2027 are all NFC "yes" and
    /// none of them composes with a preceding character; only a text with some other
    /// scalar (a combining mark, a singleton such as U+2126) goes through Foundation.
    var nfc: String {
        let stable = unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300 || (0x1E00...0x1EFF).contains(scalar.value)
                || (0x2010...0x2027).contains(scalar.value)
        }
        return stable ? self : precomposedStringWithCanonicalMapping
    }
}
