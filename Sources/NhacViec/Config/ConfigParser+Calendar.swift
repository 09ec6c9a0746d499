import Foundation
import Yams

extension ConfigParser {
    static let weekdays: KeyValuePairs<String, Weekday> = [
        "monday": .monday, "tuesday": .tuesday, "wednesday": .wednesday, "thursday": .thursday,
        "friday": .friday, "saturday": .saturday, "sunday": .sunday,
    ]

    func parseCalendar(_ mapping: YAMLMapping?, planYear: Int?) -> CalendarSettings {
        var rules = CalendarRules()
        var shift = DayOffShift.nextWorkingDay
        var included: [String] = []
        guard let mapping else {
            return CalendarSettings(rules: rules, deadlineOnDayOff: shift, includedFiles: included)
        }
        mapping.finish(known: ["weekend", "holidays", "days_off", "work_days", "deadline_on_day_off", "include"])

        if let items = mapping.list("weekend") {
            var weekend: Set<Weekday> = []
            for (node, path) in items {
                guard let day = reader.choice(node, path, Self.weekdays) else { continue }
                if !weekend.insert(day).inserted {
                    reader.report("\(day.configName) is listed twice", at: node, path)
                }
            }
            if weekend.count == 7, let node = mapping.value("weekend") {
                reader.report(
                    "every day is a weekend day: nothing could ever be due", at: node, mapping.path.key("weekend"))
            }
            rules.weekend = weekend
        }
        if let statutory = mapping.choice("holidays", ["vietnam": true, "none": false]) {
            rules.statutoryHolidays = statutory
        }
        shift =
            mapping.choice(
                "deadline_on_day_off",
                [
                    "next_working_day": DayOffShift.nextWorkingDay, "previous_working_day": .previousWorkingDay,
                    "keep": .keep,
                ]) ?? shift

        var daysOff: [AnnouncedDay] = []
        var workDays: [AnnouncedDay] = []
        if let items = mapping.list("include") {
            for (node, path) in items {
                guard let relative = reader.string(node, path) else { continue }
                let resolved = relative.hasPrefix("/") ? relative : configDirectory + "/" + relative
                guard let schedule = loadSchedule(resolved, shownAs: relative, node: node, path: path) else { continue }
                daysOff += schedule.daysOff
                workDays += schedule.workDays
                included.append(resolved)
            }
        }
        let ownDaysOff = announcedDays(mapping, "days_off", defaultName: "Ngày nghỉ theo thông báo")
        let ownWorkDays = announcedDays(mapping, "work_days", defaultName: "Ngày làm việc bù theo thông báo")
        for (day, node, path) in ownDaysOff where ownWorkDays.contains(where: { $0.day.date == day.date }) {
            reader.report("\(day.date) is listed both in days_off and in work_days", at: node, path)
        }
        daysOff += ownDaysOff.map(\.day)
        workDays += ownWorkDays.map(\.day)
        // The config's own lists win over an included file's, so an admin can correct a shipped schedule.
        let ownOff = Set(ownDaysOff.map(\.day.date))
        let ownWork = Set(ownWorkDays.map(\.day.date))
        rules.daysOff = daysOff.filter { !ownWork.contains($0.date) }
        rules.workDays = workDays.filter { !ownOff.contains($0.date) }
        return CalendarSettings(rules: rules, deadlineOnDayOff: shift, includedFiles: included)
    }

    /// `days_off` / `work_days`: dates, or `{date, name}` mappings.
    private func announcedDays(
        _ mapping: YAMLMapping, _ key: String, defaultName: String
    ) -> [(day: AnnouncedDay, node: Node, path: ConfigPath)] {
        guard let items = mapping.list(key) else { return [] }
        var seen: Set<LocalDate> = []
        var result: [(AnnouncedDay, Node, ConfigPath)] = []
        for (node, path) in items {
            var dateNode = node
            var datePath = path
            var name = defaultName
            if case .mapping = node {
                guard let item = reader.mapping(node, path) else { continue }
                item.finish(known: ["date", "name"])
                guard let value = item.value("date", required: true) else { continue }
                dateNode = value
                datePath = path.key("date")
                name = item.string("name") ?? defaultName
            }
            guard let date = self.date(dateNode, datePath) else { continue }
            if !seen.insert(date).inserted {
                reader.report("\(date) is listed twice", at: dateNode, datePath)
                continue
            }
            result.append((AnnouncedDay(date: date, name: name), dateNode, datePath))
        }
        return result
    }

    /// A `YYYY-MM-DD` date between 1900 and 2100.
    func date(_ node: Node, _ path: ConfigPath) -> LocalDate? {
        guard let text = reader.string(node, path) else { return nil }
        guard let date = LocalDate(iso: text), (1900...2100).contains(date.year) else {
            reader.report("'\(text)' is not a date (expected YYYY-MM-DD between 1900 and 2100)", at: node, path)
            return nil
        }
        return date
    }

    private func loadSchedule(_ file: String, shownAs relative: String, node: Node, path: ConfigPath)
        -> AnnouncedSchedule?
    {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
        else {
            reader.report("cannot read included file '\(relative)' (looked for \(file))", at: node, path)
            return nil
        }
        do {
            return try AnnouncedSchedule.parse(yaml: text)
        } catch {
            for problem in error.issues {
                reader.issues.report(
                    problem.message, at: SourceMark(file: file, line: problem.line, column: problem.column),
                    path: YAMLTextPath.path(in: text, line: problem.line, column: problem.column))
            }
            reader.report("included file '\(relative)' has errors (reported under its own name)", at: node, path)
            return nil
        }
    }
}
