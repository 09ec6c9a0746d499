/// `calendar:`, which days are working days and how deadlines on days off move.
package struct CalendarSettings: Sendable {
    /// Weekend, statutory holidays and announced days, merged from the config
    /// and every `include`d schedule file.
    package var rules: CalendarRules
    package var deadlineOnDayOff: DayOffShift
    /// The announced-schedule files read through `include`, resolved paths.
    package var includedFiles: [String]
}

/// What happens to a due date that is not a working day (DESIGN §4).
package enum DayOffShift: String, Sendable {
    /// Civil Code 2015 art. 148(5): the deadline ends on the next working day.
    case nextWorkingDay = "next_working_day"
    case previousWorkingDay = "previous_working_day"
    case keep
}
