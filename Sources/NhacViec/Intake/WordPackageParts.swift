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

    /// Reads `data`; errors name `file` and say in Vietnamese what the sender can do.
    init(data: Data, file: String) throws(SubmissionError) {
        func refuse(_ message: String) -> SubmissionError {
            SubmissionError(code: .syntax, file: file, message: message)
        }
        let magic = [UInt8](data.prefix(8))
        if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw refuse(
                "tệp được đặt mật khẩu (mã hóa) hoặc là định dạng Word cũ (.doc): hãy bỏ mật khẩu và lưu lại "
                    + "dưới dạng Word Document (.docx) rồi gửi lại")
        }
        guard magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw refuse("tệp không phải văn bản Word (.docx): hãy gửi lại mẫu báo cáo đã điền, lưu dưới dạng .docx")
        }
        guard data.count <= Self.maximumFileSize else {
            throw refuse("tệp dài \(data.count) byte, quá giới hạn \(Self.maximumFileSize) byte của một mẫu báo cáo")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw refuse("tệp .docx bị hỏng (không đọc được gói ZIP): hãy mở bằng Word, lưu lại rồi gửi lại")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= Self.maximumEntries else {
                throw refuse("tệp .docx có hơn \(Self.maximumEntries) thành phần: không phải mẫu báo cáo")
            }
            entries[entry.path] = entry
        }
        guard let documentEntry = entries["word/document.xml"] else {
            throw refuse("tệp .docx không có nội dung văn bản (word/document.xml): không phải mẫu báo cáo")
        }
        document = try Self.inflate(archive, documentEntry, refuse)
        customProperties = try entries["docProps/custom.xml"].map { entry throws(SubmissionError) in
            try Self.inflate(archive, entry, refuse)
        }
    }

    private static func inflate(_ archive: Archive, _ entry: Entry, _ refuse: (String) -> SubmissionError)
        throws(SubmissionError) -> String
    {
        guard entry.uncompressedSize <= UInt64(maximumPartSize) else {
            throw refuse(
                "phần \(entry.path) khai báo \(entry.uncompressedSize) byte khi giải nén, quá giới hạn "
                    + "\(maximumPartSize) byte: tệp bị từ chối (có thể là \"bom nén\")")
        }
        var bytes = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= maximumPartSize else { throw SizeExceeded() }
                bytes.append(chunk)
            }
        } catch is SizeExceeded {
            throw refuse(
                "phần \(entry.path) giải nén ra hơn \(maximumPartSize) byte: tệp bị từ chối (có thể là \"bom nén\")")
        } catch {
            // ZIP-level encryption ends here too: ZIPFoundation cannot decrypt, so the check fails.
            throw refuse(
                "tệp .docx bị hỏng hoặc được đặt mật khẩu (phần \(entry.path) không giải nén được): "
                    + "hãy mở bằng Word, bỏ mật khẩu nếu có, lưu lại rồi gửi lại")
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw refuse("phần \(entry.path) không phải văn bản UTF-8: tệp .docx bị hỏng")
        }
        return text
    }

    private struct SizeExceeded: Error {}
}
