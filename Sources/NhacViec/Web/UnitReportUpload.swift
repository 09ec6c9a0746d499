import Foundation

/// A report file uploaded on a unit's page (DESIGN §15): the Markdown report or the filled
/// Word form, sent as `multipart/form-data` by a plain HTML form (no script).
///
/// Only `.md`/`.markdown` and `.docx`, each checked by its content too (a Word form is a
/// zip; a Markdown report is UTF-8 text), at most ``maxFileSize``. The file then goes
/// through ``SubmissionParser`` (``WordFormReader`` for a form) and ``SubmissionIntake``,
/// as `nhacviec submit` takes it.
struct UnitReportUpload {
    static let maxFileSize = 10 * 1024 * 1024
    /// The request body: the file plus the form's other fields and the part headers.
    static let maxBodySize = maxFileSize + 64 * 1024
    static let fileField = "report"

    /// The form's text fields (the CSRF token), first value of each name.
    var fields: [String: String]
    /// The file part's name as the browser gave it (nil: no file part).
    var fileName: String?
    var content: [UInt8]

    /// Reads a `multipart/form-data` body; nil when the content type has no boundary.
    init?(body: [UInt8], contentType: String) {
        let type = MIMEFieldValue(contentType)
        guard type.value == "multipart/form-data", let boundary = type.parameters["boundary"], !boundary.isEmpty,
            boundary.utf8.count <= 200
        else { return nil }
        fields = [:]
        content = []
        for part in MIMEParser.split(body[...], boundary: boundary) {
            // Parts carry their bytes as they are (no transfer encoding in form data).
            let entity = MIMEParser.parse(part, depth: MIMEParser.maximumDepth - 1, defaultType: "text/plain")
            guard let name = entity.disposition?.parameters["name"] else { continue }
            if name == Self.fileField, fileName == nil {
                fileName = entity.disposition?.parameters["filename"] ?? ""
                content = entity.content
            } else if fields[name] == nil, entity.content.count <= 4096 {
                fields[name] = String(decoding: entity.content, as: UTF8.self)
            }
        }
    }

    /// The kinds of file the page takes.
    enum Kind {
        case markdown, wordForm
    }

    /// What is wrong with the file, in `messages`' language, or its kind when it may be read.
    func check(_ messages: UnitReportMessages) -> Result<Kind, UploadProblem> {
        guard let fileName, !fileName.isEmpty || !content.isEmpty else {
            return .failure(.init(status: .unprocessable, message: messages.chooseFile))
        }
        guard content.count <= Self.maxFileSize else {
            return .failure(.init(status: .tooLarge, message: messages.fileTooLarge))
        }
        let wrongType = UploadProblem(status: .unsupported, message: messages.wrongType(displayName))
        switch SubmissionFormat(fileName: displayName) {
        case .docx:
            // A Word document is a zip package: its first bytes are a local file header.
            guard content.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
                return .failure(.init(status: .unsupported, message: messages.notRealWord(displayName)))
            }
            return .success(.wordForm)
        case .markdown:
            guard !content.contains(0), String(validating: content, as: UTF8.self) != nil else {
                return .failure(.init(status: .unsupported, message: messages.notText(displayName)))
            }
            return .success(.markdown)
        case .yaml, nil:
            return .failure(wrongType)
        }
    }

    /// The file's own name without any folder, control characters or excess length
    /// (it is shown on the page and kept as the report's source name).
    var displayName: String {
        let base = (fileName ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = String(base.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) })
        guard printable.count > 120, let dot = printable.lastIndex(of: ".") else { return printable }
        return String(printable.prefix(100)) + printable[dot...]
    }

    /// Why a file was refused, and the HTTP status the page is answered with.
    struct UploadProblem: Error {
        enum Status {
            case unprocessable, tooLarge, unsupported
        }
        var status: Status
        var message: String
    }
}
