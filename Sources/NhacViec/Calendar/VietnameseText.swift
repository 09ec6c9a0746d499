import Foundation

/// Folding of Vietnamese text for tolerant comparison of what admins type.
enum VietnameseText {
    /// Lowercases, removes every combining mark (tones, breve, circumflex, horn) and maps đ to d.
    ///
    /// Works the same on NFC and NFD input because the text is decomposed first:
    /// "Quý", "QUÝ", "Quy" and an editor's decomposed "Quý" all fold to "quy".
    /// Letters outside Vietnamese are lowercased and otherwise kept.
    static func folded(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(text).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                // đ (U+0111) has no canonical decomposition, so it survives the mark stripping.
                scalars.append(scalar == "\u{0111}" ? "d" : scalar)
            }
        }
        return String(scalars)
    }
}
