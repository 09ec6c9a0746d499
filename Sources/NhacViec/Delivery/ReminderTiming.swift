/// Where the day a message goes out stands against an item's due date, in the
/// organization's working days (what the reader can still use) and calendar days.
///
/// Computed from the digest's own day, not the step's: a step sent late after a
/// restart (catch-up) still tells the truth about how much time is left.
enum ReminderTiming: Equatable, Sendable {
    /// Working days after today up to and including the due date (`before-5wd` → 5).
    case upcoming(workingDays: Int, days: Int)
    case dueToday
    /// Working days after the due date up to and including today (`overdue-1` at 3wd → 3).
    case overdue(workingDays: Int, days: Int)

    init(today: LocalDate, due: LocalDate, calendar: WorkingCalendar) {
        if today < due {
            self = .upcoming(
                workingDays: calendar.workingDays(from: today.adding(days: 1), through: due),
                days: today.days(until: due))
        } else if today == due {
            self = .dueToday
        } else {
            self = .overdue(
                workingDays: calendar.workingDays(from: due.adding(days: 1), through: today),
                days: due.days(until: today))
        }
    }

    var tone: MessageBody.Tone {
        switch self {
        case .upcoming: .upcoming
        case .dueToday: .dueToday
        case .overdue: .overdue
        }
    }

    /// Subjects count items in three groups, the most urgent first.
    var group: Int {
        switch self {
        case .overdue: 0
        case .dueToday: 1
        case .upcoming: 2
        }
    }
}
