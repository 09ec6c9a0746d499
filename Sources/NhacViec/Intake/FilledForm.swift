import Foundation

/// What a filled report form says, read off its text: the identity, the task rows and
/// the three sections, each cleaned of what editors add (non-breaking and zero-width
/// spaces, smart quotes, soft hyphens, bullets typed by hand, the form's own hints).
struct FilledForm {
    struct Identity {
        var unit: String
        var report: String
        var period: String?
    }

    /// One row of the task table as the clerk left it.
    struct TaskRow {
        /// 1-based among the table's data rows.
        var number: Int
        var id: String
        var status: String
        var progress: String
        var note: String
    }

    var identity: Identity?
    var rows: [TaskRow] = []
    var highlights: [String] = []
    var difficulties: [String] = []
    var proposals: [String] = []

    init(content: WordDocumentContent, customProperties: [String: String]) {
        identity = Self.identityLine(content) ?? Self.identity(customProperties)
        var section: WritableKeyPath<FilledForm, [String]>?
        var foundTable = false
        for block in content.blocks {
            switch block {
            case .table(let table):
                if !foundTable, let rows = Self.taskRows(table) {
                    self.rows = rows
                    foundTable = true
                }
                // The signer block (a table) ends the last section.
                section = nil
            case .paragraph(let raw):
                if let heading = Self.heading(raw) {
                    section = heading
                    continue
                }
                guard let section else { continue }
                let text = Self.sectionText(raw)
                if !text.isEmpty { self[keyPath: section].append(text) }
            }
        }
    }

    // MARK: - Identity

    /// `Mã báo cáo: U / monthly / M` or `Mã báo cáo: U / R`, wherever it stands.
    private static func identityLine(_ content: WordDocumentContent) -> Identity? {
        let label = ReportFormText.fold(ReportFormText.codeLabel)
        for case .paragraph(let raw) in content.blocks {
            let text = clean(raw)
            guard ReportFormText.fold(text).hasPrefix(label), let colon = text.firstIndex(of: ":") else { continue }
            let parts = text[text.index(after: colon)...].split(separator: "/").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard (2...3).contains(parts.count), !parts.contains(where: \.isEmpty) else { continue }
            return Identity(unit: parts[0], report: parts[1], period: parts.count == 3 ? parts[2] : nil)
        }
        return nil
    }

    private static func identity(_ properties: [String: String]) -> Identity? {
        guard let unit = properties[ReportFormText.unitProperty], let report = properties[ReportFormText.reportProperty]
        else { return nil }
        return Identity(unit: unit, report: report, period: properties[ReportFormText.periodProperty])
    }

    // MARK: - Task table

    private enum Column { case id, status, progress, note }

    /// The rows of the task table, or nil when `table` is not it (its first row must be
    /// the header: `STT` … `Tình trạng` …).
    private static func taskRows(_ table: WordDocumentContent.Table) -> [TaskRow]? {
        guard let header = table.rows.first else { return nil }
        var columns: [Int: Column] = [:]
        for cell in header.cells {
            let title = ReportFormText.fold(clean(cell.text))
            if title == ReportFormText.fold(ReportFormText.idColumn) {
                columns[cell.gridColumn] = .id
            } else if title.contains("tinh trang") {
                columns[cell.gridColumn] = .status
            } else if title.contains("tien do") {
                columns[cell.gridColumn] = .progress
            } else if title.contains("ket qua") || title.contains("ghi chu") {
                columns[cell.gridColumn] = .note
            }
        }
        let titles = header.cells.map { ReportFormText.fold(clean($0.text)) }
        guard titles.contains("stt"), Set(columns.values).isSuperset(of: [.id, .status]) else { return nil }
        var rows: [TaskRow] = []
        var number = 0
        for row in table.rows.dropFirst() {
            var values: [Column: String] = [:]
            for cell in row.cells {
                if let column = columns[cell.gridColumn] {
                    values[column] = clean(cell.paragraphs.map(clean).filter { !$0.isEmpty }.joined(separator: " "))
                }
            }
            // A header repeated on a new page is not a task.
            if ReportFormText.fold(values[.id] ?? "") == ReportFormText.fold(ReportFormText.idColumn) { continue }
            number += 1
            rows.append(
                TaskRow(
                    number: number, id: values[.id] ?? "", status: values[.status] ?? "",
                    progress: values[.progress] ?? "", note: values[.note] ?? ""))
        }
        return rows
    }

    // MARK: - Sections

    private static func heading(_ raw: String) -> WritableKeyPath<FilledForm, [String]>? {
        var folded = ReportFormText.fold(clean(raw))
        // "1.", "1)", "II." or nothing before the words.
        while let first = folded.first, first.isNumber || "ivx.) ".contains(first) { folded.removeFirst() }
        let sections: [(String, WritableKeyPath<FilledForm, [String]>)] = [
            (ReportFormText.highlightsHeading, \.highlights),
            (ReportFormText.difficultiesHeading, \.difficulties),
            (ReportFormText.proposalsHeading, \.proposals),
        ]
        for (heading, path) in sections {
            let words = ReportFormText.fold(String(heading.drop { $0 != " " }.dropFirst()))
            if folded == words || folded == words + ":" { return path }
        }
        return nil
    }

    /// A section paragraph without the form's hint and a typed bullet.
    private static func sectionText(_ raw: String) -> String {
        var text = clean(raw)
        for placeholder in ReportFormText.placeholders {
            text = text.replacingOccurrences(of: placeholder, with: "")
        }
        text = clean(text)
        while let first = text.first, "-–—•·+*".contains(first) {
            text = clean(String(text.dropFirst()))
        }
        return text
    }

    /// NFC, one space for any run of spaces (non-breaking and narrow ones included),
    /// straight quotes for smart ones, no zero-width characters or soft hyphens.
    static func clean(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for original in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            let scalar: Unicode.Scalar
            switch original.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: continue
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: scalar = "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: scalar = "\""
            default: scalar = original
            }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
