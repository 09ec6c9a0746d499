/// Small builders for WordprocessingML (ECMA-376 part 1) fragments.
///
/// Child elements are written in the order the schema's sequences require (Word
/// refuses a file whose `w:pPr` or `w:rPr` children are out of order, where
/// LibreOffice would let it pass). Sizes: lengths in twips (1/20 pt), font sizes in
/// half-points.
enum WordML {
    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Paragraph properties; nil leaves the style's value.
    struct Paragraph {
        var style: String?
        var keepNext = false
        var pageBreakBefore = false
        /// A bottom border: draws a rule under the paragraph (the short lines under the
        /// agency name, the motto and the subject).
        var bottomBorder = false
        var before = 0
        var after = 0
        /// Exact line height in twips; nil for the document's line spacing.
        var exactLine: Int?
        var left: Int?
        var right: Int?
        var firstLine: Int?
        /// `left`, `center`, `right` or `both` (justified).
        var alignment: String?
        /// Font size (half-points) of the paragraph mark, so an empty rule paragraph stays thin.
        var markSize: Int?
    }

    struct Run {
        var text: String
        var bold = false
        var italic = false
        var underline = false
        /// Half-points; nil for the style's size.
        var size: Int?

        init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Int? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.underline = underline
            self.size = size
        }
    }

    static func paragraph(_ runs: [Run], _ props: Paragraph = Paragraph()) -> String {
        var xml = "<w:p><w:pPr>"
        if let style = props.style { xml += "<w:pStyle w:val=\"\(style)\"/>" }
        if props.keepNext { xml += "<w:keepNext/>" }
        if props.pageBreakBefore { xml += "<w:pageBreakBefore/>" }
        if props.bottomBorder {
            xml += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        }
        xml += "<w:spacing w:before=\"\(props.before)\" w:after=\"\(props.after)\""
        if let line = props.exactLine { xml += " w:line=\"\(line)\" w:lineRule=\"exact\"" }
        xml += "/>"
        if props.left != nil || props.right != nil || props.firstLine != nil {
            xml += "<w:ind"
            if let left = props.left { xml += " w:left=\"\(left)\"" }
            if let right = props.right { xml += " w:right=\"\(right)\"" }
            if let first = props.firstLine { xml += " w:firstLine=\"\(first)\"" }
            xml += "/>"
        }
        if let alignment = props.alignment { xml += "<w:jc w:val=\"\(alignment)\"/>" }
        if let size = props.markSize { xml += "<w:rPr><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>" }
        xml += "</w:pPr>"
        for run in runs { xml += Self.run(run) }
        return xml + "</w:p>"
    }

    static func run(_ run: Run) -> String {
        var props = ""
        if run.bold { props += "<w:b/><w:bCs/>" }
        if run.italic { props += "<w:i/><w:iCs/>" }
        if let size = run.size { props += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        if run.underline { props += "<w:u w:val=\"single\"/>" }
        let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(escape(run.text))</w:t></w:r>"
    }

    /// A table. `borders` draws single black lines around and between every cell;
    /// without it the table only arranges (header, signature block).
    static func table(widths: [Int], borders: Bool, rows: [String], cellMargin: Int = 57) -> String {
        let line = borders ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "w:val=\"nil\""
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        xml += "<w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] { xml += "<w:\(edge) \(line)/>" }
        xml += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblCellMar><w:left w:w=\"\(cellMargin)\" w:type=\"dxa\"/>"
        xml += "<w:right w:w=\"\(cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
        xml += "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\""
        xml += " w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        for width in widths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid>"
        return xml + rows.joined() + "</w:tbl>"
    }

    /// A row; `header` marks it to repeat at the top of each page the table spans.
    static func row(_ cells: [String], header: Bool = false) -> String {
        "<w:tr><w:trPr><w:cantSplit/>\(header ? "<w:tblHeader/>" : "")</w:trPr>" + cells.joined() + "</w:tr>"
    }

    /// A cell holding paragraphs (at least one: the schema requires it).
    static func cell(width: Int, span: Int = 1, verticalCenter: Bool = false, _ paragraphs: [String]) -> String {
        var xml = "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { xml += "<w:gridSpan w:val=\"\(span)\"/>" }
        if verticalCenter { xml += "<w:vAlign w:val=\"center\"/>" }
        xml += "</w:tcPr>"
        xml += paragraphs.isEmpty ? "<w:p/>" : paragraphs.joined()
        return xml + "</w:tc>"
    }

    /// Escapes text for XML element content and attributes, and drops characters XML 1.0
    /// cannot carry at all (C0 controls other than tab, U+FFFE, U+FFFF). Line breaks
    /// become spaces: a `w:t` is one line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\t": out.unicodeScalars.append(" ")
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
