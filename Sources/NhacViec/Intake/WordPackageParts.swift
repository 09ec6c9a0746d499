import Foundation
import ZIPFoundation

/// The parts of a received `.docx` a form reader needs, taken out of the ZIP package
/// without trusting it: a hostile or broken file is refused with a message, never
/// inflated without bounds.
///
/// Before anything is inflated the entry count and each entry's declared size are
/// checked; while inflating, the bytes actually produced are counted too (a declared
/// size can lie), so a zip bomb stops at the cap.
struct WordPackageParts {
    /// A filled form is a few hundred kilobytes at most; these leave ample room.
    static let maximumFileSize = 10 << 20
    static let maximumEntries = 1000
    static let maximumPartSize = 16 << 20

    /// `word/document.xml`.
    var document: String
    /// `docProps/custom.xml`, when the package has it.
    var customProperties: String?

    /// Reads `data`; errors name `file` and say, in `messages`' language, what the sender can do.
    init(data: Data, file: String, messages: SubmissionMessages) throws(SubmissionError) {
        func refuse(_ message: String) -> SubmissionError {
            SubmissionError(code: .syntax, file: file, message: message)
        }
        let magic = [UInt8](data.prefix(8))
        if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw refuse(messages.formEncryptedOrOldWord)
        }
        guard magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw refuse(messages.formNotDocx)
        }
        guard data.count <= Self.maximumFileSize else {
            throw refuse(messages.formFileTooLarge(size: data.count, maximum: Self.maximumFileSize))
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw refuse(messages.formZipDamaged)
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= Self.maximumEntries else {
                throw refuse(messages.formTooManyParts(Self.maximumEntries))
            }
            entries[entry.path] = entry
        }
        guard let documentEntry = entries["word/document.xml"] else {
            throw refuse(messages.formNoDocument)
        }
        document = try Self.inflate(archive, documentEntry, messages, refuse)
        customProperties = try entries["docProps/custom.xml"].map { entry throws(SubmissionError) in
            try Self.inflate(archive, entry, messages, refuse)
        }
    }

    private static func inflate(
        _ archive: Archive, _ entry: Entry, _ messages: SubmissionMessages, _ refuse: (String) -> SubmissionError
    ) throws(SubmissionError) -> String {
        guard entry.uncompressedSize <= UInt64(maximumPartSize) else {
            throw refuse(
                messages.formPartDeclaredTooLarge(entry.path, size: entry.uncompressedSize, maximum: maximumPartSize))
        }
        var bytes = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= maximumPartSize else { throw SizeExceeded() }
                bytes.append(chunk)
            }
        } catch is SizeExceeded {
            throw refuse(messages.formPartTooLarge(entry.path, maximum: maximumPartSize))
        } catch {
            // ZIP-level encryption ends here too: ZIPFoundation cannot decrypt, so the check fails.
            throw refuse(messages.formPartUnreadable(entry.path))
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw refuse(messages.formPartNotUTF8(entry.path))
        }
        return text
    }

    private struct SizeExceeded: Error {}
}
