/// One block of a report's body, laid out the same way by every renderer.
///
/// The body (sections I–V and the appendix table) is built once as blocks by
/// `ReportOutline`, so Markdown, HTML and DOCX say the same words; each renderer only
/// decides how a block looks.
enum ReportBlock: Hashable, Sendable {
    /// A section heading: "I. Kết quả thực hiện nhiệm vụ".
    case heading(String)
    /// A numbered sub-heading inside a section: "1. Cải cách thể chế".
    case subheading(String)
    /// A body paragraph (justified, first-line indent).
    case paragraph([ReportRun])
    /// A "- …" line of a list.
    case item([ReportRun])
    case table(ReportTable)
}

/// A stretch of text with one style.
struct ReportRun: Hashable, Sendable {
    var text: String
    var bold = false
    var italic = false

    init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// A bordered table with a header row that repeats on every printed page.
struct ReportTable: Hashable, Sendable {
    struct Column: Hashable, Sendable {
        var title: String
        /// Width in twips (1/1440 in); the columns of one table add up to the text width.
        var width: Int
        var centered: Bool
    }

    enum Row: Hashable, Sendable {
        /// Cells, each one or more lines.
        case cells([[String]])
        /// A group heading across the whole row ("I. Cải cách thể chế").
        case group(label: String, title: String)
        /// A bold totals row.
        case total([[String]])
    }

    var columns: [Column]
    var rows: [Row]
    /// Font size in half-points: 12 pt for body tables, 11 pt where columns are many and narrow.
    var size = 24
}
