import Foundation

extension WordFormReader {
    /// Which unit and report a `.docx` says it answers (its `Mã báo cáo` line or custom
    /// properties), without judging anything else; nil when the file is not a readable form.
    /// For answering a bad form with the right blank one.
    static func identity(data: Data) -> (unit: String, report: String, period: String?)? {
        guard let parts = try? WordPackageParts(data: data, file: "form.docx", messages: .init(language: .vietnamese)),
            let events = try? XMLEvents.parse(parts.document)
        else { return nil }
        let form = FilledForm(
            content: WordDocumentContent(events: events),
            customProperties: parts.customProperties.map(customProperties) ?? [:])
        return form.identity.map { ($0.unit, $0.report, $0.period) }
    }
}
