import Foundation

/// Turns a report file's bytes into text, pointing at the first byte that is not UTF-8.
enum SubmissionText {
    /// The text without a leading byte-order mark (Windows editors add one; YAML
    /// and the front matter check must not see it).
    static func decode(_ data: Data, file: String, messages: SubmissionMessages) throws(SubmissionError) -> String {
        if let text = String(data: data, encoding: .utf8) {
            return text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        }
        let bytes = [UInt8](data)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        var column = 1
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let byte = offset < bytes.count ? bytes[offset] : 0
        throw SubmissionError(
            code: .notUTF8, file: file, line: line, column: column, message: messages.notUTF8(byte: byte))
    }
}
