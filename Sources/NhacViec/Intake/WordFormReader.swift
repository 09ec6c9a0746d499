import Foundation

/// Reads a filled report form (DESIGN §13) into the same `Submission` a Markdown report
/// gives, through the same validation.
///
/// The form is identified by its `Mã báo cáo` line or, when the line is gone, its custom
/// document properties. Task rows are matched by the `Mã` column (columns are found by
/// their header, so a moved column still reads), status words are compared without
/// diacritics or case, progress takes `60` or `60 %`. Sections 1–3 become the body
/// (highlights), difficulties and proposals, one per paragraph or list item.
///
/// The values found are written as the front matter of a Markdown report and handed to
/// `SubmissionParser`, so a form is checked by exactly the code that checks a Markdown
/// report; each issue's line is then mapped back to the table row and column or the
/// section it came from, so the message points at the cell to fix.
enum WordFormReader {
    static func read(data: Data, fileName: String, issueFile: String, config: Config, receivedAt: Date)
        throws(SubmissionError) -> Submission
    {
        let messages = SubmissionMessages(config)
        let parts = try WordPackageParts(data: data, file: issueFile, messages: messages)
        let events: [XMLEvents.Event]
        do {
            events = try XMLEvents.parse(parts.document)
        } catch {
            throw SubmissionError(
                code: .syntax, file: issueFile,
                message: messages.formXMLDamaged(offset: error.offset, detail: error.message))
        }
        let content = WordDocumentContent(events: events)
        let form = FilledForm(content: content, customProperties: parts.customProperties.map(customProperties) ?? [:])
        guard let identity = form.identity else {
            throw SubmissionError(code: .invalid, file: issueFile, message: messages.notTheOfficeForm)
        }
        var issues: [ConfigIssue] = []
        let report = FormReportText(
            identity: identity, form: form, issueFile: issueFile, messages: messages, issues: &issues)
        let submission: Submission
        do {
            submission = try SubmissionParser.parse(
                text: report.text, fileName: "form.md", config: config, receivedAt: receivedAt)
        } catch {
            let mapped = error.issues.map { issue in
                ConfigIssue(
                    file: issueFile, line: 0, column: 0,
                    path: report.locations[issue.line] ?? ReportFormText.codeLabel, message: issue.message)
            }
            throw SubmissionError(code: error.code == .syntax ? .syntax : .invalid, issues: issues + mapped)
        }
        guard issues.isEmpty else { throw SubmissionError(code: .invalid, issues: issues) }
        var result = submission
        result.sourceName = fileName
        return result
    }

    /// `name → value` of `docProps/custom.xml`'s string properties.
    static func customProperties(_ xml: String) -> [String: String] {
        guard let events = try? XMLEvents.parse(xml) else { return [:] }
        var result: [String: String] = [:]
        var current: String?
        var value = ""
        for event in events {
            switch event {
            case .start(let name, let attributes, _):
                if name.hasSuffix("property"), let property = attributes.first(where: { $0.name == "name" }) {
                    current = property.value
                    value = ""
                }
            case .text(let text):
                if current != nil { value += text }
            case .end(let name):
                if name.hasSuffix("property"), let property = current {
                    result[property] = value.trimmingCharacters(in: .whitespacesAndNewlines)
                    current = nil
                }
            }
        }
        return result
    }
}
