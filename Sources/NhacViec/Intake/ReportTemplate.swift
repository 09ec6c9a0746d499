/// The pre-filled Markdown report a reminder carries (DESIGN §12): front matter
/// with the unit, the report and the period, one line per task the unit leads
/// or supports, and a placeholder for the text. A unit answers by replying with
/// it filled in; one returned unchanged is refused ("chưa điền nội dung").
package enum ReportTemplate {
    /// - Parameters:
    ///   - report: `monthly` or a request id.
    ///   - period: `YYYY-MM` for monthly reports, nil for requests.
    ///   - statuses: the tasks' current statuses (`not_started` for those missing).
    package static func markdown(
        config: Config, unit: String, report: String, period: String?, statuses: [String: TaskStatus] = [:]
    ) -> String {
        var lines = ["---", "unit: \(unit)", "report: \(report)"]
        if let period { lines.append("period: \"\(period)\"") }
        let tasks = config.tasks.filter { $0.lead == unit || $0.support.contains(unit) }
        if tasks.isEmpty {
            lines.append("tasks: []")
        } else {
            lines.append("tasks:")
            for task in tasks {
                let status = statuses[task.id] ?? .notStarted
                lines.append("  - { id: \(task.id), status: \(status.rawValue) }")
            }
        }
        lines += ["difficulties: []", "proposals: []", "---", placeholder(config.organization.language)]
        return lines.joined(separator: "\n") + "\n"
    }

    static func placeholder(_ language: MessageLanguage) -> String {
        switch language {
        case .vietnamese: "Kết quả nổi bật trong kỳ: (ghi tại đây)"
        case .english: "Highlights of the period: (write here)"
        }
    }

    /// Whether `text` is `template` with nothing filled in: the same lines, blanks and
    /// indentation aside (mail clients re-wrap and re-indent what they quote).
    package static func isUnchanged(_ text: String, template: String) -> Bool {
        normalized(text) == normalized(template)
    }

    private static func normalized(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.filter { $0 != " " && $0 != "\t" && $0 != "\r" } }.filter {
            !$0.isEmpty
        }
    }
}
