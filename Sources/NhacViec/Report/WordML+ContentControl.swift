extension WordML {
    /// A run-level content control (`w:sdt` inside a paragraph) around `runs`, tagged so
    /// a reader finds the field again; Word and LibreOffice keep tag and title on saving.
    /// `items` makes it a drop-down list of those words (Word shows a picker; the text
    /// stays free to type). `locked` stops the control from being deleted or edited.
    static func field(tag: String, title: String, runs: [Run], items: [String] = [], locked: Bool = false) -> String {
        var xml = "<w:sdt><w:sdtPr><w:alias w:val=\"\(escape(title))\"/><w:tag w:val=\"\(escape(tag))\"/>"
        if locked { xml += "<w:lock w:val=\"sdtContentLocked\"/>" }
        if !items.isEmpty {
            xml += "<w:dropDownList>"
            for item in items {
                xml += "<w:listItem w:displayText=\"\(escape(item))\" w:value=\"\(escape(item))\"/>"
            }
            xml += "</w:dropDownList>"
        } else {
            xml += "<w:text/>"
        }
        xml += "</w:sdtPr><w:sdtContent>"
        // A control needs at least one run to stay visible and clickable.
        xml += (runs.isEmpty ? [Run("")] : runs).map(run).joined()
        return xml + "</w:sdtContent></w:sdt>"
    }

    /// A block-level content control around whole paragraphs (a section a unit writes
    /// several paragraphs into).
    static func block(tag: String, title: String, _ paragraphs: [String]) -> String {
        "<w:sdt><w:sdtPr><w:alias w:val=\"\(escape(title))\"/><w:tag w:val=\"\(escape(tag))\"/></w:sdtPr>"
            + "<w:sdtContent>\(paragraphs.joined())</w:sdtContent></w:sdt>"
    }

    /// A paragraph whose content is `inner` (already-rendered runs or run-level controls).
    static func paragraph(raw inner: String, _ props: Paragraph = Paragraph()) -> String {
        let empty = paragraph([], props)
        // `paragraph` ends with "</w:p>"; splice the content in before it.
        return String(empty.dropLast(6)) + inner + "</w:p>"
    }
}
