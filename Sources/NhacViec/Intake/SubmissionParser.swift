import Foundation
import Yams

/// Reads a unit's report file (DESIGN §7) and validates it against the config.
///
/// Yams composes the YAML into nodes with their marks and the config's
/// `YAMLNodeReader` walks them, so every problem is collected (not just the
/// first) and located by line and column in the file as received. Malformed
/// YAML (syntax, duplicate keys) stops at the first error, as Yams does.
///
/// Validation is about this config: the unit exists and owes this report, the
/// report is `monthly` or a request id, the period is a month that has begun,
/// task ids exist. Whether the report is late is `SubmissionTarget`'s business.
package enum SubmissionParser {
    package static let topLevelKeys = ["unit", "report", "period", "tasks", "difficulties", "proposals"]
    package static let taskKeys = ["id", "status", "progress", "note"]
    package static let difficultyKeys = ["text", "task"]
    /// Reports are a page or two of text; anything near this size was sent by mistake.
    package static let maximumSize = 1 << 20
    static let statuses: KeyValuePairs<String, TaskStatus> = [
        "not_started": .notStarted, "in_progress": .inProgress, "done": .done, "blocked": .blocked,
    ]

    /// Reads and parses the file at `path`. Issues name the file by `path` as given (so
    /// editors can jump to it); the submission's `sourceName` is its last path component.
    package static func parse(contentsOf path: String, config: Config, receivedAt: Date) throws(SubmissionError)
        -> Submission
    {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let messages = SubmissionMessages(config)
        // Type and size first: a 1.5 GB file is refused before it is read.
        try checkFormat(fileName, issueFile: path, messages: messages)
        let data = try SubmissionFile.read(path: path, messages: messages)
        return try parse(data: data, fileName: fileName, issueFile: path, config: config, receivedAt: receivedAt)
    }

    /// Parses a file's bytes; the file type is decided by `fileName`'s extension before anything is read.
    package static func parse(data: Data, fileName: String, config: Config, receivedAt: Date) throws(SubmissionError)
        -> Submission
    {
        try parse(data: data, fileName: fileName, issueFile: fileName, config: config, receivedAt: receivedAt)
    }

    /// Parses report text. Text values (and the body) come out NFC-normalised; the
    /// body is otherwise kept exactly as written.
    package static func parse(text: String, fileName: String, config: Config, receivedAt: Date) throws(SubmissionError)
        -> Submission
    {
        try parse(text: text, fileName: fileName, issueFile: fileName, config: config, receivedAt: receivedAt)
    }

    private static func parse(
        data: Data, fileName: String, issueFile: String, config: Config, receivedAt: Date
    ) throws(SubmissionError) -> Submission {
        let messages = SubmissionMessages(config)
        let format = try checkFormat(fileName, issueFile: issueFile, messages: messages)
        try checkSize(data.count, fileName: issueFile, messages: messages)
        if format == .docx {
            return try WordFormReader.read(
                data: data, fileName: fileName, issueFile: issueFile, config: config, receivedAt: receivedAt)
        }
        let text = try SubmissionText.decode(data, file: issueFile, messages: messages)
        return try parse(text: text, fileName: fileName, issueFile: issueFile, config: config, receivedAt: receivedAt)
    }

    private static func parse(
        text: String, fileName: String, issueFile: String, config: Config, receivedAt: Date
    ) throws(SubmissionError) -> Submission {
        let messages = SubmissionMessages(config)
        let format = try checkFormat(fileName, issueFile: issueFile, messages: messages)
        let yaml: String
        let body: String
        switch format {
        case .yaml:
            yaml = text
            body = ""
        case .markdown:
            let parts = try FrontMatter.split(text, file: issueFile, messages: messages)
            yaml = parts.yaml
            body = parts.body.precomposedStringWithCanonicalMapping
        case .docx:
            throw SubmissionError(code: .unsupportedType, file: issueFile, message: messages.wordFormFromText)
        }
        let root = try compose(yaml, file: issueFile, format: format, messages: messages)
        let issues = IssueCollector()
        let reader = YAMLNodeReader(file: issueFile, issues: issues, wording: messages.yaml)
        let walker = SubmissionFields(
            reader: reader, config: config,
            receivedOn: WallClock(timeZone: config.organization.timeZone).localDate(of: receivedAt),
            messages: messages)
        let fields = walker.read(root)
        guard issues.isEmpty, let fields else {
            throw SubmissionError(code: .invalid, issues: issues.issues)
        }
        var submission = Submission(
            unit: fields.unit, report: fields.report, period: fields.period, tasks: fields.tasks,
            difficulties: [], proposals: fields.proposals, body: body, receivedAt: receivedAt,
            sourceName: fileName)
        submission.difficultyEntries = fields.difficulties
        return submission
    }

    /// Throws unless `fileName` has a Markdown or YAML extension.
    @discardableResult
    static func checkFormat(_ fileName: String, issueFile: String? = nil, messages: SubmissionMessages)
        throws(SubmissionError) -> SubmissionFormat
    {
        guard let format = SubmissionFormat(fileName: fileName) else {
            throw SubmissionError(
                code: .unsupportedType, file: issueFile ?? fileName, message: messages.unsupportedType)
        }
        return format
    }

    /// Throws when a file is larger than any report (a scan or an export sent by mistake).
    static func checkSize(_ size: Int, fileName: String, messages: SubmissionMessages) throws(SubmissionError) {
        if SubmissionFormat(fileName: fileName) == .docx {
            guard size > WordPackageParts.maximumFileSize else { return }
            throw SubmissionError(
                code: .tooLarge, file: fileName,
                message: messages.formTooLarge(size: size, maximum: WordPackageParts.maximumFileSize))
        }
        guard size > maximumSize else { return }
        throw SubmissionError(
            code: .tooLarge, file: fileName, message: messages.reportTooLarge(size: size, maximum: maximumSize))
    }

    /// Yams' node tree, with its errors turned into located issues by the config loader's translation.
    private static func compose(
        _ yaml: String, file: String, format: SubmissionFormat, messages: SubmissionMessages
    ) throws(SubmissionError) -> Node {
        let empty = SubmissionError(
            code: .invalid, file: file, line: 1, column: 1, message: messages.empty(markdown: format == .markdown))
        let root: Node
        do {
            root = try ConfigLoader.compose(yaml, file: file, wording: messages.yaml)
        } catch {
            // The loader's only `.invalid` from composing is a stream with no document.
            throw error.code == .invalid ? empty : SubmissionError(code: .syntax, issues: error.issues)
        }
        // `---` alone is a document holding nothing.
        if case .scalar(let scalar) = root, scalar.style == .plain, scalar.string.isEmpty {
            throw empty
        }
        return root
    }
}
