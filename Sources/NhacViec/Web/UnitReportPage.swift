import Foundation
import Hummingbird

/// A unit's report page by signed link (DESIGN §15): its tasks with their current status
/// and a form whose answer goes through the same intake as `nhacviec submit` (the form is
/// turned into the Markdown report that command takes), so validation and recording are
/// one code path.
enum UnitReportPage {
    static let postsPerHour = 20

    /// What the unit typed, kept to show again beside the errors.
    struct Entry {
        var status: [String: String] = [:]
        var progress: [String: String] = [:]
        var note: [String: String] = [:]
        var highlights = ""
        var difficulties = ""
        var proposals = ""
        var fieldErrors: [String: String] = [:]
        var error: String?
        /// Why an uploaded file was not taken, one line each (a form's errors name row and column).
        var uploadErrors: [String] = []
    }

    static func context(
        _ view: OfficeView, link: UnitLink, action: String, csrf: String, entry: Entry?
    ) throws -> [String: Any] {
        let unitName = view.unitName(link.unit)
        var context = view.base(title: "\(link.heading(view.config)) · \(unitName)")
        context["user"] = nil
        context["unitName"] = unitName
        context["action"] = action
        context["csrf"] = csrf
        context["expiry"] = WebFormat.date(link.expiry)
        if let period = link.period {
            context["periodRange"] = "\(WebFormat.date(period.start)) – \(WebFormat.date(period.end))"
        }
        let occurrence = link.occurrence(config: view.config, calendar: view.loaded.calendar, now: view.now)
        context["requestDue"] = occurrence?.2.map(WebFormat.date)
        let current = try occurrence.flatMap { duty, id, _ in
            try view.store?.currentSubmission(duty: duty, occurrence: id)
        }
        context["received"] = current.map { WebFormat.dateTime($0.submission.receivedAt, view.clock) }
        let statuses = try view.store?.currentTaskStatuses() ?? [:]
        context["tasks"] = link.tasks(view.config).enumerated().map { index, task -> [String: Any] in
            let selected =
                entry?.status[task.id] ?? statuses[task.id]?.status.rawValue ?? TaskStatus.notStarted.rawValue
            var row: [String: Any] = [
                "n": index, "id": task.id, "title": task.title, "dueText": task.due.text,
                "role": task.lead == link.unit ? "chủ trì" : "phối hợp",
                "options": TaskStatus.allCases.map { status -> [String: Any] in
                    ["value": status.rawValue, "label": status.vietnameseName, "selected": status.rawValue == selected]
                },
                "progress": entry?.progress[task.id] ?? statuses[task.id]?.progress.map(String.init) ?? "",
                "note": entry?.note[task.id] ?? "",
            ]
            row["progressError"] = entry?.fieldErrors["progress-\(index)"]
            return row
        }
        context["highlights"] = entry?.highlights ?? ""
        context["difficulties"] = entry?.difficulties ?? ""
        context["proposals"] = entry?.proposals ?? ""
        context["error"] = entry?.error
        context["uploadErrors"] = entry?.uploadErrors ?? []
        context["uploadInvalid"] = !(entry?.uploadErrors ?? []).isEmpty
        context["uploadField"] = UnitReportUpload.fileField
        return context
    }

    /// Reads the form; field errors stay in the entry, a valid form becomes the report text.
    static func read(_ form: [String: String], tasks: [PlanTask], messages: UnitReportMessages) -> (Entry, String?) {
        var entry = Entry()
        var lines: [String] = []
        for (index, task) in tasks.enumerated() {
            let status = form["status-\(index)"] ?? ""
            let progress = (form["progress-\(index)"] ?? "").trimmingCharacters(in: .whitespaces)
            let note = clean(form["note-\(index)"] ?? "", limit: 2000)
            entry.status[task.id] = status
            entry.progress[task.id] = progress
            entry.note[task.id] = note
            guard TaskStatus(rawValue: status) != nil else {
                entry.fieldErrors["status-\(index)"] = messages.chooseStatus
                continue
            }
            var line = "  - { id: \(yaml(task.id)), status: \(status)"
            if !progress.isEmpty {
                guard let value = Int(progress), (0...100).contains(value) else {
                    entry.fieldErrors["progress-\(index)"] = messages.progressRange
                    continue
                }
                line += ", progress: \(value)"
            }
            if !note.isEmpty { line += ", note: \(yaml(note))" }
            lines.append(line + " }")
        }
        entry.highlights = clean(form["highlights"] ?? "", limit: 20_000)
        entry.difficulties = clean(form["difficulties"] ?? "", limit: 20_000)
        entry.proposals = clean(form["proposals"] ?? "", limit: 20_000)
        guard entry.fieldErrors.isEmpty else {
            entry.error = messages.invalidFields(entry.fieldErrors.count)
            return (entry, nil)
        }
        return (entry, lines.joined(separator: "\n"))
    }

    /// The Markdown report `submit` would take for the same answers.
    static func markdown(link: UnitLink, taskLines: String, entry: Entry) -> String {
        func list(_ text: String) -> String {
            let items = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            return "[" + items.map(yaml).joined(separator: ", ") + "]"
        }
        return """
            ---
            unit: \(yaml(link.unit))
            \(link.frontMatterReport)
            tasks:
            \(taskLines.isEmpty ? "  []" : taskLines)
            difficulties: \(list(entry.difficulties))
            proposals: \(list(entry.proposals))
            ---
            \(entry.highlights)

            """
    }

    /// A YAML double-quoted scalar (JSON's string syntax, which YAML reads the same).
    private static func yaml(_ text: String) -> String { JSONValue.string(text).rendered }

    private static func clean(_ text: String, limit: Int) -> String {
        String(
            text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines).prefix(
                limit))
    }
}
