import Yams

/// One year's announced days off and make-up working days
/// (config/holidays/YYYY.yaml).
///
/// The file holds the difference between the computed default (statutory
/// holidays and compensatory days) and what the government announced for
/// civil servants: extra days off in `days_off`, make-up Saturdays and
/// computed days off that were not granted in `work_days`.
///
/// ```yaml
/// year: 2025
/// days_off:
///   - { date: 2025-01-27, name: "Nghỉ Tết Nguyên đán (28 tháng Chạp)" }
/// work_days:
///   - { date: 2025-02-03, name: "Làm việc bình thường (nghỉ bù đã bố trí trước Tết)" }
/// ```
package struct AnnouncedSchedule: Hashable, Sendable {
    package let year: Int
    package let daysOff: [AnnouncedDay]
    package let workDays: [AnnouncedDay]

    package init(year: Int, daysOff: [AnnouncedDay], workDays: [AnnouncedDay]) {
        self.year = year
        self.daysOff = daysOff
        self.workDays = workDays
    }

    /// Parses and checks a schedule file, reporting every problem found.
    ///
    /// Rejected: YAML errors, unknown or missing keys, a year that is not an
    /// integer, dates that are not `YYYY-MM-DD` or not in `year`, entries
    /// without a name, a date listed twice, and a date both off and worked.
    package static func parse(yaml: String) throws(AnnouncedScheduleError) -> AnnouncedSchedule {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw AnnouncedScheduleError(issues: [issue(fromYAMLError: error)])
        }
        var reader = Reader()
        let schedule = reader.read(root)
        guard let schedule, reader.issues.isEmpty else {
            let issues =
                reader.issues.isEmpty
                ? [AnnouncedScheduleError.Issue(message: "the schedule is empty", line: 1, column: 1)]
                : reader.issues.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            throw AnnouncedScheduleError(issues: issues)
        }
        return schedule
    }

    private static func issue(fromYAMLError error: any Error) -> AnnouncedScheduleError.Issue {
        guard let yamlError = error as? YamlError else {
            return .init(message: "invalid YAML: \(error)", line: 1, column: 1)
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .init(message: "invalid YAML: \(problem)", line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: ", ")
            return .init(message: "duplicate key: \(keys)", line: context.mark.line, column: context.mark.column)
        default:
            return .init(message: "invalid YAML: \(yamlError)", line: 1, column: 1)
        }
    }
}

/// Walks the composed YAML tree, collecting issues instead of stopping at the first.
private struct Reader {
    private(set) var issues: [AnnouncedScheduleError.Issue] = []

    mutating func read(_ root: Node?) -> AnnouncedSchedule? {
        guard let root else { return nil }
        guard case .mapping(let mapping) = root else {
            report("the schedule must be a mapping with year, days_off and work_days", at: root)
            return nil
        }
        var yearNode: Node?
        var daysOffNode: Node?
        var workDaysNode: Node?
        for (key, value) in mapping {
            switch key.string {
            case "year": yearNode = value
            case "days_off": daysOffNode = value
            case "work_days": workDaysNode = value
            default: report("unknown key '\(key.string ?? "?")' (known: year, days_off, work_days)", at: key)
            }
        }
        guard let yearNode else {
            report("year: missing", at: root)
            return nil
        }
        guard let year = integer(yearNode) else {
            report("year: '\(yearNode.string ?? "?")' is not a year", at: yearNode)
            return nil
        }
        let daysOff = days(daysOffNode, key: "days_off", year: year)
        let workDays = days(workDaysNode, key: "work_days", year: year)
        let offDates = Set(daysOff.map(\.day.date))
        for entry in workDays where offDates.contains(entry.day.date) {
            report("work_days: \(entry.day.date) is also in days_off", at: entry.dateNode)
        }
        return AnnouncedSchedule(year: year, daysOff: daysOff.map(\.day), workDays: workDays.map(\.day))
    }

    private mutating func days(_ node: Node?, key: String, year: Int) -> [(day: AnnouncedDay, dateNode: Node)] {
        guard let node else { return [] }
        if node.null != nil {
            return []
        }
        guard case .sequence(let sequence) = node else {
            report("\(key): must be a list of { date, name }", at: node)
            return []
        }
        var result: [(day: AnnouncedDay, dateNode: Node)] = []
        var seen: Set<LocalDate> = []
        for (index, item) in sequence.enumerated() {
            let path = "\(key)[\(index)]"
            guard case .mapping(let mapping) = item else {
                report("\(path): must be a mapping { date, name }", at: item)
                continue
            }
            var dateNode: Node?
            var nameNode: Node?
            for (entryKey, value) in mapping {
                switch entryKey.string {
                case "date": dateNode = value
                case "name": nameNode = value
                default: report("\(path): unknown key '\(entryKey.string ?? "?")' (known: date, name)", at: entryKey)
                }
            }
            let date = checkedDate(dateNode, path: path, year: year, entry: item)
            let name = checkedName(nameNode, path: path, entry: item)
            guard let date, let name, let dateNode else { continue }
            guard seen.insert(date).inserted else {
                report("\(path).date: \(date) is listed twice in \(key)", at: dateNode)
                continue
            }
            result.append((AnnouncedDay(date: date, name: name), dateNode))
        }
        return result
    }

    private mutating func checkedDate(_ node: Node?, path: String, year: Int, entry: Node) -> LocalDate? {
        guard let node else {
            report("\(path).date: missing", at: entry)
            return nil
        }
        guard case .scalar(let scalar) = node, let date = LocalDate(iso: scalar.string) else {
            report("\(path).date: '\(node.string ?? "?")' is not a date (YYYY-MM-DD)", at: node)
            return nil
        }
        guard date.year == year else {
            report("\(path).date: \(date) is not in \(year)", at: node)
            return nil
        }
        return date
    }

    private mutating func checkedName(_ node: Node?, path: String, entry: Node) -> String? {
        guard let node else {
            report("\(path).name: missing", at: entry)
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.string.allSatisfy(\.isWhitespace) else {
            report("\(path).name: must be a non-empty text", at: node)
            return nil
        }
        return scalar.string
    }

    private func integer(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node else { return nil }
        return Int(scalar.string)
    }

    private mutating func report(_ message: String, at node: Node) {
        let mark = node.mark
        issues.append(.init(message: message, line: mark?.line ?? 1, column: mark?.column ?? 1))
    }
}
