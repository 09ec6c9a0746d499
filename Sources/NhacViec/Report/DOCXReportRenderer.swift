import Foundation
import ZIPFoundation

/// The `docx` format: an Office Open XML word-processing package, laid out per
/// Decree 30/2020 (A4, margins 20/20/30/15 mm, Times New Roman, the two-column header,
/// page numbers centred in the top margin from page 2 on).
///
/// Written in memory with ZIPFoundation. Deterministic: entry times are the compile
/// moment, so the same report gives the same bytes.
enum DOCXReportRenderer {
    /// Page geometry in twips: A4 and the Decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm).
    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = 1134
    static let marginBottom = 1134
    static let marginLeft = 1701
    static let marginRight = 850
    /// Body text size, half-points (14 pt).
    static let bodySize = 28

    static func render(_ report: ConsolidatedReport) throws -> Data {
        let parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties(report)),
            ("word/document.xml", document(report)),
            ("word/styles.xml", styles),
            ("word/settings.xml", settings),
            ("word/header1.xml", pageNumberHeader),
            ("word/header2.xml", emptyHeader),
            ("word/_rels/document.xml.rels", documentRelationships),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: report.compiledAt, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else {
            throw ReportRenderError(format: .docx, message: "the in-memory ZIP archive returned no data")
        }
        return bytes
    }

    // MARK: - document.xml

    static func document(_ report: ConsolidatedReport) -> String {
        var body = header(report)
        body += WordML.paragraph(
            [WordML.Run(ReportText.documentType, bold: true)],
            .init(keepNext: true, before: 360, alignment: "center"))
        body += WordML.paragraph(
            [WordML.Run(report.subject, bold: true)], .init(keepNext: true, alignment: "center"))
        body += rule(width: 2400, before: 0)
        body += recipients(report)
        for block in ReportOutline.body(report) {
            body += render(block)
        }
        body += signature(report)
        body += appendix(report)
        body += sectionProperties
        return xmlDeclaration
            + "<w:document xmlns:w=\"\(WordML.mainNamespace)\" xmlns:r=\"\(WordML.relationshipNamespace)\">"
            + "<w:body>\(body)</w:body></w:document>"
    }

    /// Two rows: agency | Quốc hiệu and Tiêu ngữ, then Số | place and date, so the number
    /// and the date stand on one line whatever wraps above them.
    private static func header(_ report: ConsolidatedReport) -> String {
        let left = 4000
        let right = ReportOutline.textWidth - left
        let center = WordML.Paragraph(alignment: "center")
        var agency: [String] = []
        if let parent = report.organization.parent {
            agency.append(WordML.paragraph([WordML.Run(ReportText.upper(parent), size: 26)], center))
        }
        agency.append(
            WordML.paragraph([WordML.Run(ReportText.upper(report.organization.name), bold: true, size: 26)], center))
        agency.append(rule(width: 1300, cellWidth: left))
        let national = [
            WordML.paragraph([WordML.Run(ReportText.nationalTitle, bold: true, size: 24)], center),
            WordML.paragraph([WordML.Run(ReportText.motto, bold: true, size: 26)], center),
            rule(width: 3250, cellWidth: right),
        ]
        let number = WordML.paragraph(
            [WordML.Run(ReportText.numberLine(report), size: 26)], .init(before: 120, alignment: "center"))
        let date = WordML.paragraph(
            [WordML.Run(ReportText.placeAndDate(report), italic: true, size: 26)],
            .init(before: 120, alignment: "center"))
        return WordML.table(
            widths: [left, right], borders: false,
            rows: [
                WordML.row([WordML.cell(width: left, agency), WordML.cell(width: right, national)]),
                WordML.row([WordML.cell(width: left, [number]), WordML.cell(width: right, [date])]),
            ], cellMargin: 0)
    }

    /// A centred rule `width` twips long: an empty, 6 pt high paragraph with a bottom border,
    /// indented so the border spans only `width` of `cellWidth`.
    private static func rule(width: Int, cellWidth: Int = ReportOutline.textWidth, before: Int = 0) -> String {
        let indent = max((cellWidth - width) / 2, 0)
        return WordML.paragraph(
            [],
            .init(
                bottomBorder: true, before: before, exactLine: 120, left: indent, right: indent, alignment: "center",
                markSize: 4))
    }

    private static func recipients(_ report: ConsolidatedReport) -> String {
        switch report.recipients.count {
        case 0:
            return ""
        case 1:
            return WordML.paragraph(
                [WordML.Run("\(ReportText.recipientsLabel) \(report.recipients[0]).")],
                .init(before: 240, after: 120, alignment: "center"))
        default:
            var xml = WordML.paragraph(
                [WordML.Run(ReportText.recipientsLabel)], .init(keepNext: true, before: 240, left: 1701))
            for line in ReportText.dashedList(report.recipients) {
                xml += WordML.paragraph([WordML.Run(line)], .init(left: 2835))
            }
            return xml
        }
    }

    private static func render(_ block: ReportBlock) -> String {
        let body = WordML.Paragraph(before: 120, firstLine: 567, alignment: "both")
        switch block {
        case .heading(let text):
            var props = body
            props.style = "Heading1"
            props.keepNext = true
            return WordML.paragraph([WordML.Run(text, bold: true)], props)
        case .subheading(let text):
            var props = body
            props.style = "Heading2"
            props.keepNext = true
            return WordML.paragraph([WordML.Run(text, bold: true, italic: true)], props)
        case .paragraph(let runs), .item(let runs):
            return WordML.paragraph(runs.map { WordML.Run($0.text, bold: $0.bold, italic: $0.italic) }, body)
        case .table(let table):
            return Self.table(table) + WordML.paragraph([], .init(exactLine: 120, markSize: 4))
        }
    }

    private static func table(_ table: ReportTable) -> String {
        let size = table.size
        let widths = table.columns.map(\.width)
        var rows: [String] = []
        rows.append(
            WordML.row(
                table.columns.map { column in
                    WordML.cell(
                        width: column.width, verticalCenter: true,
                        [
                            WordML.paragraph(
                                [WordML.Run(column.title, bold: true, size: size)], .init(alignment: "center"))
                        ])
                }, header: true))
        for row in table.rows {
            switch row {
            case .cells(let cells):
                rows.append(WordML.row(Self.cells(cells, table.columns, bold: false, size: size)))
            case .total(let cells):
                rows.append(WordML.row(Self.cells(cells, table.columns, bold: true, size: size)))
            case .group(let label, let title):
                let first = table.columns.first?.width ?? 0
                let rest = widths.dropFirst().reduce(0, +)
                rows.append(
                    WordML.row([
                        // keepNext: a group heading never ends a page without its first row.
                        WordML.cell(
                            width: first,
                            [
                                WordML.paragraph(
                                    [WordML.Run(label, bold: true, size: size)],
                                    .init(keepNext: true, alignment: "center"))
                            ]),
                        WordML.cell(
                            width: rest, span: max(table.columns.count - 1, 1),
                            [
                                WordML.paragraph(
                                    [WordML.Run(title, bold: true, size: size)],
                                    .init(keepNext: true, alignment: "left"))
                            ]),
                    ]))
            }
        }
        return WordML.table(widths: widths, borders: true, rows: rows)
    }

    private static func cells(_ cells: [[String]], _ columns: [ReportTable.Column], bold: Bool, size: Int) -> [String] {
        zip(cells, columns).map { lines, column in
            WordML.cell(
                width: column.width,
                lines.map { line in
                    WordML.paragraph(
                        [WordML.Run(line, bold: bold, size: size)],
                        .init(alignment: column.centered ? "center" : "left"))
                })
        }
    }

    /// *Nơi nhận* on the left, the signer on the right, side by side (Decree 30/2020: the
    /// label stands on the line of the signer's authority).
    private static func signature(_ report: ConsolidatedReport) -> String {
        let left = 4300
        let right = ReportOutline.textWidth - left
        var distribution = [
            WordML.paragraph(
                [WordML.Run(ReportText.distributionLabel, bold: true, italic: true, size: 24)], .init(before: 0))
        ]
        for line in ReportText.dashedList(report.distribution) {
            distribution.append(WordML.paragraph([WordML.Run(line, size: 22)]))
        }
        let center = WordML.Paragraph(alignment: "center")
        var signer: [String] = []
        for line in [report.signer.authority, report.signer.title].compactMap({ $0 }) {
            signer.append(WordML.paragraph([WordML.Run(line, bold: true)], center))
        }
        // Room for the signature and the seal (about 25 mm).
        for _ in 0..<4 { signer.append(WordML.paragraph([], center)) }
        if let name = report.signer.name {
            signer.append(WordML.paragraph([WordML.Run(name, bold: true)], center))
        }
        return WordML.paragraph([], .init(before: 120))
            + WordML.table(
                widths: [left, right], borders: false,
                rows: [WordML.row([WordML.cell(width: left, distribution), WordML.cell(width: right, signer)])],
                cellMargin: 0)
    }

    private static func appendix(_ report: ConsolidatedReport) -> String {
        let center = WordML.Paragraph(alignment: "center")
        var xml = WordML.paragraph(
            [WordML.Run(ReportText.appendixLabel, bold: true)],
            .init(keepNext: true, pageBreakBefore: true, alignment: "center"))
        xml += WordML.paragraph([WordML.Run(ReportText.appendixTitle, bold: true)], center)
        xml += WordML.paragraph(
            [WordML.Run(ReportText.appendixNote(report), italic: true)], .init(after: 120, alignment: "center"))
        xml += table(ReportOutline.appendixTable(report))
        // A document must end with a paragraph after a table.
        return xml + WordML.paragraph([])
    }

    private static let sectionProperties = """
        <w:sectPr>\
        <w:headerReference w:type="default" r:id="rIdHeaderDefault"/>\
        <w:headerReference w:type="first" r:id="rIdHeaderFirst"/>\
        <w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"/>\
        <w:pgMar w:top="\(marginTop)" w:right="\(marginRight)" w:bottom="\(marginBottom)" w:left="\(marginLeft)" \
        w:header="567" w:footer="567" w:gutter="0"/>\
        <w:cols w:space="720"/>\
        <w:titlePg/>\
        <w:docGrid w:linePitch="360"/>\
        </w:sectPr>
        """

    // MARK: - Other parts

    private static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private static let contentTypes =
        xmlDeclaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/settings.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/word/header1.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
            <Override PartName="/word/header2.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            </Types>
            """

    private static let packageRelationships =
        xmlDeclaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="word/document.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
            Target="docProps/core.xml"/>\
            </Relationships>
            """

    private static let documentRelationships =
        xmlDeclaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="rIdHeaderDefault" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
            <Relationship Id="rIdHeaderFirst" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>\
            </Relationships>
            """

    private static let fonts =
        "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
        + "w:cs=\"Times New Roman\"/>"

    private static let styles =
        xmlDeclaration + """
            <w:styles xmlns:w="\(WordML.mainNamespace)">\
            <w:docDefaults><w:rPrDefault><w:rPr>\(fonts)<w:sz w:val="\(bodySize)"/><w:szCs w:val="\(bodySize)"/>\
            <w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
            </w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
            <w:rPr>\(fonts)<w:sz w:val="\(bodySize)"/><w:szCs w:val="\(bodySize)"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>\
            <w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>\
            <w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>\
            <w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="center"/></w:pPr></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
            <w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
            <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
            <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """

    private static let settings =
        xmlDeclaration + """
            <w:settings xmlns:w="\(WordML.mainNamespace)">\
            <w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>\
            <w:characterSpacingControl w:val="doNotCompress"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" \
            w:val="15"/></w:compat>\
            </w:settings>
            """

    /// Page numbers: Arabic, 14 pt, upright, centred in the top margin (Decree 30/2020).
    private static let pageNumberHeader =
        xmlDeclaration + """
            <w:hdr xmlns:w="\(WordML.mainNamespace)" xmlns:r="\(WordML.relationshipNamespace)">\
            <w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>2</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r>\
            </w:p></w:hdr>
            """

    /// Page 1 shows no number.
    private static let emptyHeader =
        xmlDeclaration + """
            <w:hdr xmlns:w="\(WordML.mainNamespace)" xmlns:r="\(WordML.relationshipNamespace)"><w:p/></w:hdr>
            """

    private static func coreProperties(_ report: ConsolidatedReport) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let stamp = formatter.string(from: report.compiledAt)
        return xmlDeclaration + """
            <cp:coreProperties \
            xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(WordML.escape("\(ReportText.documentType) \(report.subject)"))</dc:title>\
            <dc:creator>\(WordML.escape(report.organization.name))</dc:creator>\
            <dc:language>vi-VN</dc:language>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified>\
            </cp:coreProperties>
            """
    }
}
