/// A filled form written as the Markdown report it stands for, with where each line
/// came from, so `SubmissionParser` checks it and its issues can point at the cell.
///
/// Cells the parser cannot take at all (a status word that is none of the four, a
/// progress that is not a number) are reported here, naming the row and column (the
/// form's own words); their rows are left out of the report text so nothing else is said
/// about them.
struct FormReportText {
    /// Front matter and body.
    private(set) var text = ""
    /// Line of `text` → "bảng nhiệm vụ, dòng 3 (II.3), cột Tình trạng".
    private(set) var locations: [Int: String] = [:]
    private var line = 0

    init(
        identity: FilledForm.Identity, form: FilledForm, issueFile: String, messages: SubmissionMessages,
        issues: inout [ConfigIssue]
    ) {
        let identityPlace = "dòng '\(ReportFormText.codeLabel)'"
        add("---", nil)
        add("unit: \(Self.quoted(identity.unit))", identityPlace)
        add("report: \(Self.quoted(identity.report))", identityPlace)
        if let period = identity.period { add("period: \(Self.quoted(period))", identityPlace) }
        var tasks: [String] = []
        var taskPlaces: [String] = []
        for row in form.rows {
            let empty = [row.id, row.status, row.progress, row.note].allSatisfy(\.isEmpty)
            if empty { continue }
            let place = "\(ReportFormText.tableName), dòng \(row.number)" + (row.id.isEmpty ? "" : " (\(row.id))")
            let column = { (name: String) in "\(place), cột \(name)" }
            func issue(_ name: String, _ message: String) {
                issues.append(ConfigIssue(file: issueFile, line: 0, column: 0, path: column(name), message: message))
            }
            var ok = true
            if row.id.isEmpty {
                issue(ReportFormText.idColumn, messages.formTaskIDEmpty)
                ok = false
            }
            let status = ReportFormText.status(row.status) ?? TaskStatus(rawValue: row.status.lowercased())
            if status == nil {
                issue(ReportFormText.statusColumn, messages.formStatusInvalid(row.status))
                ok = false
            }
            var progress: Int?
            if !row.progress.isEmpty {
                let digits = row.progress.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
                if let value = Int(digits), (0...100).contains(value) {
                    progress = value
                } else {
                    issue(ReportFormText.progressColumn, messages.formProgressInvalid(row.progress))
                    ok = false
                }
            }
            guard ok, let status else { continue }
            tasks.append("  - id: \(Self.quoted(row.id))")
            taskPlaces.append(column(ReportFormText.idColumn))
            tasks.append("    status: \(status.rawValue)")
            taskPlaces.append(column(ReportFormText.statusColumn))
            if let progress {
                tasks.append("    progress: \(progress)")
                taskPlaces.append(column(ReportFormText.progressColumn))
            }
            if !row.note.isEmpty {
                tasks.append("    note: \(Self.quoted(row.note))")
                taskPlaces.append(column(ReportFormText.noteColumn))
            }
        }
        add(tasks.isEmpty ? "tasks: []" : "tasks:", ReportFormText.tableName)
        for (taskLine, place) in zip(tasks, taskPlaces) { add(taskLine, place) }
        list("difficulties", form.difficulties, heading: ReportFormText.difficultiesHeading)
        list("proposals", form.proposals, heading: ReportFormText.proposalsHeading)
        add("---", nil)
        text += form.highlights.joined(separator: "\n\n")
    }

    private mutating func list(_ key: String, _ items: [String], heading: String) {
        guard !items.isEmpty else { return }
        let place = "mục \(heading)"
        add("\(key):", place)
        for (index, item) in items.enumerated() {
            add("  - \(Self.quoted(item))", "\(place), đoạn \(index + 1)")
        }
    }

    private mutating func add(_ content: String, _ place: String?) {
        line += 1
        text += content + "\n"
        if let place { locations[line] = place }
    }

    /// A YAML double-quoted scalar: backslash escapes for what YAML would not take as is.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFFFE || v == 0xFFFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(v, radix: 16).count) + String(v, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
