/// The text of a Word document's body as a reader of a filled form needs it: top-level
/// paragraphs and tables in order, each paragraph's text as the document shows it.
///
/// Built to survive what editors do to a document: runs split anywhere, proofing marks,
/// bookmarks, content controls (read through, whether kept or flattened), smart tags,
/// hyperlinks and fields (their shown result), tracked changes (insertions kept,
/// deletions and moved-away text dropped, a row deleted with tracking dropped), the
/// `mc:AlternateContent` fallback copies (dropped, the choice is read).
struct WordDocumentContent {
    enum Block {
        case paragraph(String)
        case table(Table)
    }

    struct Table {
        var rows: [Row]
    }

    struct Row {
        /// Cells by their first grid column (a merged cell spans several).
        var cells: [Cell]
    }

    struct Cell {
        var gridColumn: Int
        /// The cell's paragraphs (a nested table's too), each as text.
        var paragraphs: [String]

        var text: String { paragraphs.joined(separator: "\n") }
    }

    var blocks: [Block]

    /// Reads `word/document.xml`'s events. Elements are matched by local name under the
    /// prefix the document binds to the WordprocessingML namespace.
    init(events: [XMLEvents.Event]) {
        var builder = Builder()
        for event in events { builder.handle(event) }
        blocks = builder.blocks
    }
}

private struct Builder {
    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Elements whose whole content is not part of the text shown.
    static let skipped: Set<String> = [
        "del", "moveFrom", "instrText", "delText", "delInstrText", "rPr", "pPr", "sdtPr", "tblPr", "tcPr",
        "footnoteReference", "endnoteReference", "commentReference", "txbxContent",
    ]

    var blocks: [WordDocumentContent.Block] = []
    var prefix = "w:"
    var mcPrefix = "mc:"
    /// > 0 while inside an element whose text is not shown.
    var skipDepth = 0
    var paragraph: String?
    var inText = false
    var tables: [WordDocumentContent.Table] = []
    var rows: [(row: WordDocumentContent.Row, deleted: Bool, grid: Int)] = []
    var cells: [(cell: WordDocumentContent.Cell, span: Int)] = []
    var inRowProperties = false

    mutating func handle(_ event: XMLEvents.Event) {
        switch event {
        case .start(let name, let attributes, let selfClosing):
            bindPrefixes(attributes)
            if skipDepth > 0 {
                if !selfClosing { skipDepth += 1 }
                return
            }
            start(local(name), attributes, selfClosing: selfClosing, qualified: name)
        case .end(let name):
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            end(local(name), qualified: name)
        case .text(let text):
            if skipDepth == 0, inText { paragraph = (paragraph ?? "") + text }
        }
    }

    private mutating func bindPrefixes(_ attributes: [(name: Substring, value: String)]) {
        for (name, value) in attributes where name.hasPrefix("xmlns:") {
            if value == Self.mainNamespace { prefix = name.dropFirst(6) + ":" }
            if value == Self.markupCompatibility { mcPrefix = name.dropFirst(6) + ":" }
        }
    }

    /// The local name of a WordprocessingML element, "" for other namespaces (and
    /// "mc:Fallback" for that one element of markup compatibility).
    private func local(_ name: Substring) -> String {
        if name.hasPrefix(prefix) { return String(name.dropFirst(prefix.count)) }
        if name == mcPrefix + "Fallback" { return "mc:Fallback" }
        return ""
    }

    private mutating func start(
        _ name: String, _ attributes: [(name: Substring, value: String)], selfClosing: Bool, qualified: Substring
    ) {
        if name == "del" && inRowProperties, !rows.isEmpty {
            rows[rows.count - 1].deleted = true
        }
        if Self.skipped.contains(name) || name == "mc:Fallback" {
            if !selfClosing { skipDepth = 1 }
            return
        }
        switch name {
        case "p":
            paragraph = ""
            if selfClosing { endParagraph() }
        case "t":
            inText = !selfClosing
        case "tab":
            paragraph? += " "
        case "br", "cr":
            paragraph? += "\n"
        case "noBreakHyphen":
            paragraph? += "-"
        case "tbl":
            tables.append(.init(rows: []))
        case "tr":
            rows.append((.init(cells: []), false, 0))
        case "trPr":
            inRowProperties = !selfClosing
        case "tc":
            cells.append((.init(gridColumn: rows.last?.grid ?? 0, paragraphs: []), 1))
        case "gridSpan":
            if let value = attributes.first(where: { $0.name == prefix + "val" }).flatMap({ Int($0.value) }),
                !cells.isEmpty
            {
                cells[cells.count - 1].span = max(1, min(value, 64))
            }
        default:
            break
        }
    }

    private mutating func end(_ name: String, qualified: Substring) {
        switch name {
        case "p":
            endParagraph()
        case "t":
            inText = false
        case "trPr":
            inRowProperties = false
        case "tc":
            guard let (cell, span) = cells.popLast(), !rows.isEmpty else { return }
            rows[rows.count - 1].row.cells.append(cell)
            rows[rows.count - 1].grid += span
        case "tr":
            guard let (row, deleted, _) = rows.popLast(), !tables.isEmpty else { return }
            if !deleted { tables[tables.count - 1].rows.append(row) }
        case "tbl":
            guard let table = tables.popLast() else { return }
            if cells.isEmpty {
                blocks.append(.table(table))
            } else {
                // A table inside a cell: its text belongs to that cell.
                for row in table.rows {
                    for cell in row.cells { cells[cells.count - 1].cell.paragraphs += cell.paragraphs }
                }
            }
        default:
            break
        }
    }

    private mutating func endParagraph() {
        guard let text = paragraph else { return }
        paragraph = nil
        inText = false
        if cells.isEmpty {
            blocks.append(.paragraph(text))
        } else {
            cells[cells.count - 1].cell.paragraphs.append(text)
        }
    }
}
