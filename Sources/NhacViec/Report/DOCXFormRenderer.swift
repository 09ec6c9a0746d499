import Foundation

/// A unit's report form (DESIGN §13) as a `.docx`: the Decree 30/2020 document the unit
/// would write itself, with the fields it fills in as tagged content controls.
///
/// Packaged by `WordPackage`, the writer of the consolidated report: same page, fonts
/// and header. The identity (`Mã báo cáo`) is written twice, as a visible locked line
/// and as custom document properties, so either survives an editor that drops the other.
enum DOCXFormRenderer {
    /// Column widths of the task table, twips (they add up to the text width).
    static let widths = [620, 700, 2180, 1000, 1300, 1255, 800, 1500]
    /// Table text size, half-points (12 pt).
    static let tableSize = 24

    static func render(_ form: ReportForm) throws -> Data {
        var custom = [(ReportFormText.unitProperty, form.unit), (ReportFormText.reportProperty, form.report)]
        if let period = form.period { custom.append((ReportFormText.periodProperty, period)) }
        return try WordPackage.write(
            body: body(form),
            properties: .init(
                title: "\(ReportText.documentType) \(form.subject)", creator: form.issuer, date: form.madeAt,
                custom: custom.map { (name: $0.0, value: $0.1) }))
    }

    static func body(_ form: ReportForm) -> String {
        var body = DecreeLayout.header(
            .init(
                parent: form.parent, issuer: form.issuer, numberLine: form.numberLine, placeAndDate: form.placeAndDate))
        body += DecreeLayout.title(subject: form.subject)
        body += WordML.paragraph(
            raw: WordML.run(WordML.Run("\(ReportFormText.codeLabel) ", italic: true, size: 22))
                + WordML.field(
                    tag: "nhacviec:code", title: ReportFormText.codeLabel,
                    runs: [WordML.Run(form.code, italic: true, size: 22)], locked: true),
            .init(before: 60, alignment: "center"))
        if let recipient = form.recipient {
            body += WordML.paragraph(
                [WordML.Run("\(ReportText.recipientsLabel) \(recipient).")],
                .init(before: 240, after: 120, alignment: "center"))
        }
        let text = WordML.Paragraph(before: 120, firstLine: 567, alignment: "both")
        if let rows = form.tasks {
            var heading = text
            heading.keepNext = true
            body += WordML.paragraph(
                [WordML.Run("Tình hình thực hiện các nhiệm vụ được giao:", bold: true)], heading)
            body += table(rows)
            body += WordML.paragraph(
                [WordML.Run(ReportFormText.statusNote, italic: true, size: 22)], .init(before: 60, after: 120))
        }
        let sections = [
            (ReportFormText.highlightsHeading, "nhacviec:highlights"),
            (ReportFormText.difficultiesHeading, "nhacviec:difficulties"),
            (ReportFormText.proposalsHeading, "nhacviec:proposals"),
        ]
        for ((heading, tag), placeholder) in zip(sections, ReportFormText.placeholders) {
            var props = text
            props.keepNext = true
            body += WordML.paragraph([WordML.Run(heading, bold: true)], props)
            body += WordML.block(
                tag: tag, title: heading,
                [WordML.paragraph([WordML.Run(placeholder, italic: true)], text)])
        }
        body += DecreeLayout.signature(
            distribution: form.distribution, signer: [form.signerTitle], name: form.signerName)
        // A document must end with a paragraph after a table.
        return body + WordML.paragraph([])
    }

    private static func table(_ rows: [ReportForm.Row]) -> String {
        let center = WordML.Paragraph(alignment: "center")
        let left = WordML.Paragraph(alignment: "left")
        var xml: [String] = [
            WordML.row(
                zip(ReportFormText.columns, widths).map { title, width in
                    WordML.cell(
                        width: width, verticalCenter: true,
                        [WordML.paragraph([WordML.Run(title, bold: true, size: tableSize)], center)])
                }, header: true)
        ]
        let statusWords = ReportFormText.statuses.map(\.vietnameseName)
        for (index, row) in rows.enumerated() {
            let plain = { (text: String, props: WordML.Paragraph) in
                WordML.paragraph([WordML.Run(text, size: tableSize)], props)
            }
            let field = { (name: String, title: String, value: String, items: [String], props: WordML.Paragraph) in
                WordML.paragraph(
                    raw: WordML.field(
                        tag: ReportFormText.tag(task: row.id, field: name), title: title,
                        runs: [WordML.Run(value, size: tableSize)], items: items), props)
            }
            let cells = [
                plain("\(index + 1)", center),
                plain(row.id, center),
                plain(row.title, left),
                plain(row.role, center),
                plain(row.due, center),
                field("status", ReportFormText.statusColumn, row.status.vietnameseName, statusWords, center),
                field("progress", ReportFormText.progressColumn, row.progress.map { "\($0)" } ?? "", [], center),
                field("note", ReportFormText.noteColumn, row.note ?? "", [], left),
            ]
            xml.append(WordML.row(zip(cells, widths).map { WordML.cell(width: $1, [$0]) }))
        }
        return WordML.table(widths: widths, borders: true, rows: xml)
    }
}
