import Foundation

/// The fixed words of messages in the organization's language (DESIGN §6:
/// Vietnamese by default, English with `organization.language: en`).
///
/// Names, titles and deadline texts come from the config and are shown as
/// written; only the words around them change with the language.
struct MessageText: Sendable {
    let language: MessageLanguage

    var isEnglish: Bool { language == .english }

    /// The Vietnamese or the English wording of the same thing.
    func pick(_ vietnamese: String, _ english: String) -> String {
        language.pick(vietnamese, english)
    }

    // MARK: Dates and durations

    /// "Thứ Hai, 01/04/2024" / "Monday, 1 April 2024". English readers would take
    /// 01/04 for 4 January, so English spells the month out.
    func date(_ date: LocalDate) -> String {
        isEnglish
            ? "\(date.weekday.englishName), \(plainDate(date))"
            : "\(date.weekday.vietnameseName), \(date.vietnameseNumeric)"
    }

    /// "01/04/2024" / "1 April 2024".
    func plainDate(_ date: LocalDate) -> String {
        isEnglish ? "\(date.day) \(Self.englishMonths[date.month - 1]) \(date.year)" : date.vietnameseNumeric
    }

    /// "08:00 Thứ Hai, 25/03/2024" / "08:00, Monday, 25 March 2024", in the organization's zone.
    func moment(_ instant: Date, clock: WallClock) -> String {
        let day = date(clock.localDate(of: instant))
        return isEnglish ? "\(clock.timeOfDay(instant)), \(day)" : "\(clock.timeOfDay(instant)) \(day)"
    }

    /// "tháng 3/2024" / "March 2024".
    func month(_ period: ReportPeriod) -> String {
        isEnglish ? "\(Self.englishMonths[period.month - 1]) \(period.year)" : "tháng \(period.month)/\(period.year)"
    }

    /// "5 ngày làm việc" / "5 working days".
    func duration(_ duration: ConfigDuration) -> String {
        guard isEnglish else { return duration.vietnameseDescription }
        let unit =
            switch duration.unit {
            case .seconds: "second"
            case .minutes: "minute"
            case .hours: "hour"
            case .days: "day"
            case .workingDays: "working day"
            }
        return Self.counted(duration.amount, unit)
    }

    func workingDays(_ count: Int) -> String {
        duration(ConfigDuration(amount: count, unit: .workingDays))
    }

    func days(_ count: Int) -> String {
        duration(ConfigDuration(amount: count, unit: .days))
    }

    /// A monthly report's due rule, for the text in parentheses after its date.
    func reportRule(_ rule: ReportDueRule) -> String {
        guard isEnglish else { return rule.vietnameseDescription }
        return switch rule {
        case .day(let n): "day \(n) of each month"
        case .workingDay(let n): "working day \(n) after the period"
        case .lastWorkingDay: "last working day of the month"
        }
    }

    // MARK: Steps and status

    /// Which reminder this is, in words that stay true when the step is sent late
    /// (catch-up): "Đến hạn hôm nay" would not be, a day after.
    func step(_ kind: StepKind, policy: Policy) -> String {
        switch kind {
        case .before(let offset):
            pick("Nhắc trước hạn \(offset.vietnameseDescription)", "Reminder \(duration(offset)) before the deadline")
        case .due:
            pick("Nhắc vào ngày đến hạn", "Reminder on the due date")
        case .overdue(let n):
            pick("Nhắc quá hạn lần \(n)/\(policy.overdueMax)", "Overdue reminder \(n) of \(policy.overdueMax)")
        case .escalation:
            pick(
                "Báo cáo người đứng đầu (quá hạn \(policy.escalateAfter.vietnameseDescription))",
                "Escalation to the head (overdue by \(duration(policy.escalateAfter)))")
        case .compile:
            pick("Gửi báo cáo tổng hợp", "Consolidated report")
        case .notice:
            pick("Thông báo vướng mắc mới", "New difficulty")
        case .followUp(let n):
            pick("Nhắc vướng mắc chưa giải quyết, lần \(n)", "Unresolved difficulty, reminder \(n)")
        case .resolution:
            pick("Thông báo kết quả giải quyết vướng mắc", "Difficulty resolved")
        }
    }

    /// "Còn 5 ngày làm việc đến hạn", "Đến hạn hôm nay", "Quá hạn 3 ngày làm việc".
    func timing(_ timing: ReminderTiming) -> String {
        switch timing {
        case .upcoming(let workingDays, let days):
            // Zero working days left happens only for a due date kept on a day off.
            workingDays > 0
                ? pick("Còn \(self.workingDays(workingDays)) đến hạn", "Due in \(self.workingDays(workingDays))")
                : pick("Còn \(self.days(days)) đến hạn", "Due in \(self.days(days))")
        case .dueToday:
            pick("Đến hạn hôm nay", "Due today")
        case .overdue(let workingDays, let days):
            workingDays > 0
                ? pick("Quá hạn \(self.workingDays(workingDays))", "Overdue by \(self.workingDays(workingDays))")
                : pick("Quá hạn \(self.days(days))", "Overdue by \(self.days(days))")
        }
    }

    /// The timing in a subject line, lower case: "sắp đến hạn (01/04/2024)", "đến hạn hôm nay", "quá hạn 3 ngày làm việc".
    func subjectTiming(_ timing: ReminderTiming, due: LocalDate) -> String {
        switch timing {
        case .upcoming: pick("sắp đến hạn (\(plainDate(due)))", "due \(plainDate(due))")
        case .dueToday: pick("đến hạn hôm nay", "due today")
        case .overdue: self.timing(timing).lowercasedFirst
        }
    }

    func taskStatus(_ status: TaskStatus) -> String {
        guard isEnglish else { return status.vietnameseName }
        return switch status {
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .done: "Done"
        case .blocked: "Blocked"
        }
    }

    // MARK: Counting

    /// "2 nhiệm vụ quá hạn, 1 đến hạn hôm nay, 1 sắp đến hạn" / "2 tasks overdue, 1 due today, 1 due soon".
    /// `counts` are indexed by ``ReminderTiming/group``; the noun goes on the first group.
    func counts(_ counts: [Int], noun: Noun) -> String {
        let states = [
            pick("quá hạn", "overdue"), pick("đến hạn hôm nay", "due today"), pick("sắp đến hạn", "due soon"),
        ]
        var parts: [String] = []
        for (group, count) in counts.enumerated() where count > 0 {
            let word = parts.isEmpty ? " " + self.noun(noun, count: count) : ""
            parts.append("\(count)\(word) \(states[group])")
        }
        return parts.joined(separator: ", ")
    }

    enum Noun {
        case task, report, item
    }

    func noun(_ noun: Noun, count: Int) -> String {
        let plural = count != 1
        return switch noun {
        case .task: pick("nhiệm vụ", plural ? "tasks" : "task")
        case .report: pick("báo cáo", plural ? "reports" : "report")
        case .item: pick("việc", plural ? "items" : "item")
        }
    }

    // MARK: Helpers

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "1 working day", "3 working days".
    static func counted(_ count: Int, _ unit: String) -> String {
        "\(count) \(unit)\(count == 1 ? "" : "s")"
    }
}

extension String {
    /// The string with its first letter in lower case ("Quá hạn" → "quá hạn").
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
