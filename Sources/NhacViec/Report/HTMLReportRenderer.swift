import Foundation

/// The `html` format: one self-contained, print-ready page laid out per Decree 30/2020
/// (A4, Times New Roman, the two-column header, signer block, appendix on a new page).
///
/// No external resource of any kind (fonts, images, scripts, links), so the file
/// prints the same offline. Every text is escaped: nothing from the config or a
/// submission can become markup.
enum HTMLReportRenderer {
    static func render(_ report: ConsolidatedReport) -> Data {
        var html = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>\(escape("\(ReportText.documentType) \(report.subject)"))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>

            """
        html += header(report)
        html += "<div class=\"doc-type\">\(ReportText.documentType)</div>\n"
        html += "<div class=\"subject\">\(escape(report.subject))</div>\n<div class=\"rule subject-rule\"></div>\n"
        html += recipients(report)
        html += "<main>\n"
        for block in ReportOutline.body(report) {
            html += render(block)
        }
        html += "</main>\n"
        html += signature(report)
        html += "<section class=\"appendix\">\n"
        html += "<div class=\"appendix-label\">\(ReportText.appendixLabel)</div>\n"
        html += "<div class=\"appendix-title\">\(ReportText.appendixTitle)</div>\n"
        html += "<div class=\"appendix-note\">\(escape(ReportText.appendixNote(report, gap: nbsp(6))))</div>\n"
        html += table(ReportOutline.appendixTable(report), className: "data appendix-table")
        html += "</section>\n</body>\n</html>\n"
        return Data(html.utf8)
    }

    static let style = """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm }
        html { color: #000; background: #fff }
        body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3; margin: 0 }
        @media screen { body { width: 165mm; margin: 10mm auto } }
        table { border-collapse: collapse }
        .header { width: 100%; table-layout: fixed }
        .header td { text-align: center; vertical-align: top; padding: 0; font-size: 13pt }
        .header .left { width: 38% }
        .header .parent { font-weight: normal }
        .header .agency, .header .national, .header .motto { font-weight: bold }
        .header .national { font-size: 12pt }
        .header .motto { font-size: 13pt }
        .header .date { font-style: italic; padding-top: 6pt }
        .header .number { padding-top: 6pt }
        .rule { border-top: 1px solid #000; height: 0; margin: 1pt auto 0 }
        .agency-rule { width: 35% }
        .motto-rule { width: 62% }
        .doc-type { text-align: center; font-weight: bold; margin-top: 18pt }
        .subject { text-align: center; font-weight: bold }
        .subject-rule { width: 30%; margin-top: 2pt }
        .recipients { margin: 12pt auto 6pt; font-size: 14pt }
        .recipients td { vertical-align: top; padding: 0 4pt 0 0 }
        main p, main h2, main h3 { margin: 6pt 0 0; text-align: justify; text-indent: 1cm; font-size: 14pt }
        main h2, main h3 { font-weight: bold }
        main h3 { font-style: italic }
        main p.item { text-indent: 1cm }
        .data { width: 100%; margin: 6pt 0; font-size: 12pt; page-break-inside: auto; table-layout: fixed }
        .data td { overflow-wrap: break-word }
        .data th, .data td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left }
        .data th { font-weight: bold; text-align: center; vertical-align: middle }
        .data .c { text-align: center }
        .data tr.group td, .data tr.total td { font-weight: bold }
        .data tr { page-break-inside: avoid; break-inside: avoid }
        thead { display: table-header-group }
        .signature { width: 100%; margin-top: 12pt; table-layout: fixed }
        .signature td { vertical-align: top; padding: 0 }
        .signature .distribution { width: 45%; font-size: 11pt; line-height: 1.2 }
        .signature .distribution-label { font-size: 12pt; font-weight: bold; font-style: italic }
        .signature .signer { text-align: center; font-weight: bold; font-size: 14pt }
        .signature .space { height: 25mm }
        .appendix { page-break-before: always; break-before: page }
        .appendix-label, .appendix-title { text-align: center; font-weight: bold }
        .appendix-note { text-align: center; font-style: italic; margin-bottom: 6pt }
        .data.compact { font-size: 11pt }
        .data tr.group { page-break-after: avoid; break-after: avoid }
        """

    private static func header(_ report: ConsolidatedReport) -> String {
        var left = ""
        if let parent = report.organization.parent {
            left += "<div class=\"parent\">\(escape(ReportText.upper(parent)))</div>"
        }
        left += "<div class=\"agency\">\(escape(ReportText.upper(report.organization.name)))</div>"
        left += "<div class=\"rule agency-rule\"></div>"
        let right =
            "<div class=\"national\">\(ReportText.nationalTitle)</div>"
            + "<div class=\"motto\">\(escape(ReportText.motto))</div><div class=\"rule motto-rule\"></div>"
        return """
            <table class="header">
            <tr><td class="left">\(left)</td><td class="right">\(right)</td></tr>
            <tr><td class="number">\(escape(ReportText.numberLine(report, gap: nbsp(6))))</td>\
            <td class="date">\(escape(ReportText.placeAndDate(report)))</td></tr>
            </table>

            """
    }

    private static func recipients(_ report: ConsolidatedReport) -> String {
        guard !report.recipients.isEmpty else { return "" }
        let lines =
            report.recipients.count == 1
            ? [escape(report.recipients[0]) + "."]
            : ReportText.dashedList(report.recipients).map(escape)
        return "<table class=\"recipients\"><tr><td>\(ReportText.recipientsLabel)</td><td>"
            + lines.joined(separator: "<br>") + "</td></tr></table>\n"
    }

    private static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let text): "<h2>\(escape(text))</h2>\n"
        case .subheading(let text): "<h3>\(escape(text))</h3>\n"
        case .paragraph(let runs): "<p>\(inline(runs))</p>\n"
        case .item(let runs): "<p class=\"item\">\(inline(runs))</p>\n"
        case .table(let table): Self.table(table, className: "data")
        }
    }

    private static func signature(_ report: ConsolidatedReport) -> String {
        let signer = report.signer
        var right = ""
        for line in [signer.authority, signer.title].compactMap({ $0 }) {
            right += "<div>\(escape(line))</div>"
        }
        right += "<div class=\"space\"></div>"
        if let name = signer.name { right += "<div>\(escape(name))</div>" }
        let list = ReportText.dashedList(report.distribution).map(escape).joined(separator: "<br>")
        return """
            <table class="signature">
            <tr><td class="distribution"><div class="distribution-label">\(ReportText.distributionLabel)</div>\
            <div>\(list)</div></td><td class="signer">\(right)</td></tr>
            </table>

            """
    }

    private static func table(_ table: ReportTable, className: String) -> String {
        let total = max(table.columns.reduce(0) { $0 + $1.width }, 1)
        let compact = table.size < 24 ? " compact" : ""
        var html = "<table class=\"\(className)\(compact)\">\n<colgroup>"
        for column in table.columns {
            let percent = Double(column.width * 1000 / total) / 10
            html += "<col style=\"width: \(percent)%\">"
        }
        html += "</colgroup>\n<thead><tr>"
        for column in table.columns { html += "<th>\(escape(column.title))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            switch row {
            case .cells(let cells):
                html += "<tr>" + Self.cells(cells, table.columns) + "</tr>\n"
            case .total(let cells):
                html += "<tr class=\"total\">" + Self.cells(cells, table.columns) + "</tr>\n"
            case .group(let label, let title):
                html += "<tr class=\"group\"><td class=\"c\">\(escape(label))</td>"
                html += "<td colspan=\"\(max(table.columns.count - 1, 1))\">\(escape(title))</td></tr>\n"
            }
        }
        return html + "</tbody>\n</table>\n"
    }

    private static func cells(_ cells: [[String]], _ columns: [ReportTable.Column]) -> String {
        zip(cells, columns).map { lines, column in
            let content = lines.map(escape).joined(separator: "<br>")
            return column.centered ? "<td class=\"c\">\(content)</td>" : "<td>\(content)</td>"
        }.joined()
    }

    private static func inline(_ runs: [ReportRun]) -> String {
        runs.map { run in
            var text = escape(run.text)
            if run.italic { text = "<i>\(text)</i>" }
            if run.bold { text = "<b>\(text)</b>" }
            return text
        }.joined()
    }

    private static func nbsp(_ count: Int) -> String {
        String(repeating: "\u{00A0}", count: count)
    }

    static func escape(_ text: String) -> String {
        HTMLText.escaped(text)
    }
}
