import Foundation

/// The `docx` format of the consolidated report: its body laid out per Decree 30/2020,
/// packaged by `WordPackage` (the writer the units' forms use too).
enum DOCXReportRenderer {

    static func render(_ report: ConsolidatedReport) throws -> Data {
        try WordPackage.write(
            body: body(report),
            properties: .init(
                title: "\(ReportText.documentType) \(report.subject)", creator: report.organization.name,
                date: report.compiledAt))
    }

    // MARK: - document.xml

    static func document(_ report: ConsolidatedReport) -> String {
        WordPackage.document(body(report))
    }

    private static func body(_ report: ConsolidatedReport) -> String {
        var body = DecreeLayout.header(
            .init(
                parent: report.organization.parent, issuer: report.organization.name,
                numberLine: ReportText.numberLine(report), placeAndDate: ReportText.placeAndDate(report)))
        body += DecreeLayout.title(subject: report.subject)
        body += recipients(report)
        for block in ReportOutline.body(report) {
            body += render(block)
        }
        body += DecreeLayout.signature(
            distribution: report.distribution,
            signer: [report.signer.authority, report.signer.title].compactMap { $0 },
            name: report.signer.name)
        body += appendix(report)
        return body
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
}
