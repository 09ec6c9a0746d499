import Foundation

/// One unit's report form for one report (DESIGN §13) as data: what `DOCXFormRenderer`
/// lays out. Holds finished Vietnamese text so the renderer only arranges it.
package struct ReportForm: Hashable, Sendable {
    var unit: String
    /// `monthly` or a request id.
    var report: String
    /// `YYYY-MM` for the monthly report.
    var period: String?
    /// The organisation: the unit's parent agency in the header.
    var parent: String
    var issuer: String
    /// "Số:      /BC-QLDT".
    var numberLine: String
    /// "Hải Phòng, ngày     tháng     năm 2024": the unit dates it when it signs.
    var placeAndDate: String
    var subject: String
    /// *Kính gửi*: the Office.
    var recipient: String?
    /// Nil for a request: its form has no task table.
    var tasks: [Row]?
    var distribution: [String]
    var signerTitle: String
    var signerName: String?
    /// The moment it was made (ZIP entry times, core properties).
    var madeAt: Date

    struct Row: Hashable, Sendable {
        var id: String
        var title: String
        var role: String
        var due: String
        var status: TaskStatus
        var progress: Int?
        var note: String?
    }

    /// `U / monthly / M` or `U / <request-id>`.
    var code: String { ReportFormText.code(unit: unit, report: report, period: period) }

    /// `<unit>-<period>.docx` or `<unit>-<request-id>.docx`.
    var fileName: String { "\(unit)-\(period ?? report).docx" }
}
