import Foundation

/// Renders a consolidated report in one of the DESIGN §8 formats: each a pure
/// function of the model.
package enum ReportRenderer {
    /// The file's bytes.
    package static func render(_ report: ConsolidatedReport, as format: ReportFormat) throws -> Data {
        switch format {
        case .md: MarkdownReportRenderer.render(report)
        case .html: HTMLReportRenderer.render(report)
        case .json: try JSONReportRenderer.render(report)
        case .docx: try DOCXReportRenderer.render(report)
        }
    }

    /// Reads back the `json` format.
    package static func decodeJSON(_ data: Data) throws -> ConsolidatedReport {
        try JSONReportRenderer.decode(data)
    }

    /// `bao-cao-cchc-2024-03.docx`: the name under `<state>/reports/<M>/` and of the attachment.
    package static func fileName(for report: ConsolidatedReport, format: ReportFormat) -> String {
        ReportText.fileName(period: report.period.name, format: format)
    }

    /// The MIME type of a format, for email attachments.
    package static func mediaType(_ format: ReportFormat) -> String {
        switch format {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .html: "text/html; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .json: "application/json"
        }
    }
}
