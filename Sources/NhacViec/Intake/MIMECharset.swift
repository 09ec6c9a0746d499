import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Text in the charsets mail still arrives in: UTF-8, US-ASCII, ISO-8859-1 and
/// the Windows code pages, windows-1258 (Vietnamese) above all. Everything that
/// is not UTF-8 or Latin-1 goes through iconv. The result is NFC: windows-1258
/// writes tone marks as combining characters, and the config's names are NFC.
package enum MIMECharset {
    /// The text, or nil when the charset is unknown or the bytes are not valid in it.
    package static func decode(_ bytes: [UInt8], charset: String) -> String? {
        var name = charset.lowercased().trimmingCharacters(in: .whitespaces)
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231 language suffix
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
        let text: String?
        switch name {
        case "utf-8", "utf8", "":
            text = String(validating: bytes, as: UTF8.self)
        case "us-ascii", "ascii", "ansi_x3.4-1968":
            // Mislabelled 8-bit text is common; UTF-8 first, else Latin-1, rather than nothing.
            text = String(validating: bytes, as: UTF8.self) ?? latin1(bytes)
        case "iso-8859-1", "latin1", "iso8859-1", "iso_8859-1", "l1":
            text = latin1(bytes)
        default:
            text = iconv(bytes, from: name)
        }
        return text.map { $0.precomposedStringWithCanonicalMapping }
    }

    /// Decodes with a fallback that never fails: UTF-8 if valid, else Latin-1.
    package static func decodeLeniently(_ bytes: [UInt8], charset: String?) -> String {
        if let charset, let text = decode(bytes, charset: charset) { return text }
        return (String(validating: bytes, as: UTF8.self) ?? latin1(bytes)).precomposedStringWithCanonicalMapping
    }

    /// Raw header bytes: UTF-8 when valid, else Latin-1.
    static func headerText(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? latin1(bytes)
    }

    static func latin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    private static func iconv(_ bytes: [UInt8], from charset: String) -> String? {
        // iconv names are ASCII tokens; anything else is not a charset.
        guard !charset.isEmpty, charset.utf8.count < 40,
            charset.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_.:".unicodeScalars.contains($0))
            })
        else { return nil }
        #if canImport(Glibc)
            let converter = iconv_open("UTF-8", charset)
            guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
            defer { iconv_close(converter) }
            var input = bytes
            var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
            let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer = inBuffer.baseAddress.map {
                        UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                    }
                    var inLeft = inBuffer.count
                    var outPointer = outBuffer.baseAddress.map {
                        UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                    }
                    var outLeft = outBuffer.count
                    if Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { return nil }
                    // Flush a stateful decoder (windows-1258 may hold back a base letter).
                    if Glibc.iconv(converter, nil, nil, &outPointer, &outLeft) == -1 { return nil }
                    return outBuffer.count - outLeft
                }
            }
            guard let produced else { return nil }
            return String(validating: output[..<produced], as: UTF8.self)
        #else
            return nil
        #endif
    }
}
