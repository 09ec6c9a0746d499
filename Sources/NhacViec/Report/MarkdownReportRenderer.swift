import Foundation

/// The `md` format: the report as readable Markdown (CommonMark with GFM tables).
///
/// Text from the config and from submissions is escaped, so a difficulty cannot turn
/// into a heading, a link or raw HTML when the file is shown by a Markdown viewer.
enum MarkdownReportRenderer {
    static func render(_ report: ConsolidatedReport) -> Data {
        var out: [String] = []
        if let parent = report.organization.parent { out.append(escape(ReportText.upper(parent)) + "  ") }
        out.append("**\(escape(ReportText.upper(report.organization.name)))**  ")
        out.append(escape(ReportText.numberLine(report)))
        out.append("")
        out.append("**\(ReportText.nationalTitle)**  ")
        out.append("**\(ReportText.motto)**")
        out.append("")
        out.append("*\(escape(ReportText.placeAndDate(report)))*")
        out.append("")
        out.append("# \(ReportText.documentType)")
        out.append("")
        out.append("**\(escape(report.subject))**")
        out.append("")
        out += recipients(report)
        var previousWasItem = false
        for block in ReportOutline.body(report) {
            let isItem = if case .item = block { true } else { false }
            // Consecutive items form one tight list; anything after a list needs a blank line.
            if previousWasItem && !isItem { out.append("") }
            out += render(block)
            previousWasItem = isItem
        }
        if previousWasItem { out.append("") }
        out += signature(report)
        out.append("---")
        out.append("")
        out.append("## \(ReportText.appendixLabel): \(ReportText.appendixTitle)")
        out.append("")
        out.append("*\(escape(ReportText.appendixNote(report)))*")
        out.append("")
        out += table(ReportOutline.appendixTable(report))
        return Data(out.joined(separator: "\n").utf8)
    }

    private static func recipients(_ report: ConsolidatedReport) -> [String] {
        switch report.recipients.count {
        case 0: return []
        case 1: return ["\(ReportText.recipientsLabel) \(escape(report.recipients[0])).", ""]
        default:
            return [ReportText.recipientsLabel, ""] + ReportText.dashedList(report.recipients.map(escape)) + [""]
        }
    }

    private static func render(_ block: ReportBlock) -> [String] {
        switch block {
        case .heading(let text): ["## \(escape(text))", ""]
        case .subheading(let text): ["### \(escape(text))", ""]
        case .paragraph(let runs): [inline(runs), ""]
        case .item(let runs): [item(runs)]
        case .table(let table): Self.table(table)
        }
    }

    private static func signature(_ report: ConsolidatedReport) -> [String] {
        var out: [String] = []
        let signer = report.signer
        let lines = [signer.authority, signer.title].compactMap { $0 }.map { "**\(escape($0))**" }
        if !lines.isEmpty || signer.name != nil {
            out.append(lines.joined(separator: "  \n"))
            out.append("")
            out.append("")
            if let name = signer.name { out.append("**\(escape(name))**") }
            out.append("")
        }
        out.append("***\(ReportText.distributionLabel)***")
        out.append("")
        out += ReportText.dashedList(report.distribution.map(escape))
        out.append("")
        return out
    }

    private static func table(_ table: ReportTable) -> [String] {
        var out = [
            "| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |",
            "|" + table.columns.map { $0.centered ? ":---:|" : "---|" }.joined(),
        ]
        for row in table.rows {
            switch row {
            case .cells(let cells):
                out.append("| " + cells.map(cell).joined(separator: " | ") + " |")
            case .total(let cells):
                out.append("| " + cells.map { $0 == [""] ? "" : "**\(cell($0))**" }.joined(separator: " | ") + " |")
            case .group(let label, let title):
                let rest = Array(repeating: "", count: max(table.columns.count - 2, 0))
                out.append("| " + (["**\(label)**", "**\(escape(title))**"] + rest).joined(separator: " | ") + " |")
            }
        }
        out.append("")
        return out
    }

    private static func cell(_ lines: [String]) -> String {
        lines.map(escape).joined(separator: "<br>")
    }

    /// A list line: the leading "- " of the first run becomes the list marker, outside any emphasis.
    private static func item(_ runs: [ReportRun]) -> String {
        guard var first = runs.first, first.text.hasPrefix("- ") else { return "- " + inline(runs) }
        first.text.removeFirst(2)
        return "- " + inline([first] + runs.dropFirst())
    }

    private static func inline(_ runs: [ReportRun]) -> String {
        runs.map { run in
            let text = escape(run.text)
            // Emphasis markers must hug the text: "**- A:** " not "**- A: **".
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard (run.bold || run.italic), !trimmed.isEmpty else { return text }
            let marker = run.bold ? (run.italic ? "***" : "**") : "*"
            let trailing = String(text.reversed().prefix { $0 == " " })
            return marker + trimmed + marker + trailing
        }.joined()
    }

    /// Backslash-escapes the characters that Markdown or GFM give a meaning, and folds
    /// line breaks (a table cell and a list item are one line).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "!", "&":
                out.unicodeScalars.append("\\")
                out.unicodeScalars.append(scalar)
            case "\r":
                continue
            case "\n", "\t":
                out.unicodeScalars.append(" ")
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
