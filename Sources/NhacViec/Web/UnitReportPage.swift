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
    }

    /// The tasks the unit leads or supports, in plan order.
    static func tasks(_ config: Config, unit: String) -> [PlanTask] {
        config.tasks.filter { $0.lead == unit || $0.support.contains(unit) }
    }

    static func context(
        _ view: OfficeView, link: UnitLink, action: String, csrf: String, entry: Entry?
    ) throws -> [String: Any] {
        let unitName = view.unitName(link.unit)
        var context = view.base(title: "Báo cáo \(link.period.vietnameseName) · \(unitName)")
        context["user"] = nil
        context["unitName"] = unitName
        context["action"] = action
        context["csrf"] = csrf
        context["expiry"] = WebFormat.date(link.expiry)
        context["periodRange"] = "\(WebFormat.date(link.period.start)) – \(WebFormat.date(link.period.end))"
        let current = try view.store?.currentSubmission(
            duty: .monthlyReport(unit: link.unit), occurrence: link.period.description)
        context["received"] = current.map { WebFormat.dateTime($0.submission.receivedAt, view.clock) }
        let statuses = try view.store?.currentTaskStatuses() ?? [:]
        context["tasks"] = tasks(view.config, unit: link.unit).enumerated().map { index, task -> [String: Any] in
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
        return context
    }

    /// Reads the form; field errors stay in the entry, a valid form becomes the report text.
    static func read(_ form: [String: String], tasks: [PlanTask]) -> (Entry, String?) {
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
                entry.fieldErrors["status-\(index)"] = "Hãy chọn tình trạng."
                continue
            }
            var line = "  - { id: \(yaml(task.id)), status: \(status)"
            if !progress.isEmpty {
                guard let value = Int(progress), (0...100).contains(value) else {
                    entry.fieldErrors["progress-\(index)"] = "Tiến độ là một số nguyên từ 0 đến 100."
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
            entry.error = "Có \(entry.fieldErrors.count) ô chưa hợp lệ, xem ghi chú bên cạnh ô."
            return (entry, nil)
        }
        return (entry, lines.joined(separator: "\n"))
    }

    /// The Markdown report `submit` would take for the same answers.
    static func markdown(unit: String, period: ReportPeriod, taskLines: String, entry: Entry) -> String {
        func list(_ text: String) -> String {
            let items = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            return "[" + items.map(yaml).joined(separator: ", ") + "]"
        }
        return """
            ---
            unit: \(yaml(unit))
            report: monthly
            period: \(yaml(period.description))
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
