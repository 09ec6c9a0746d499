/// What makes a day a working day: the `calendar:` section of the config.
///
/// A working day is not a weekend day, not a statutory holiday, not a
/// compensatory day and not an announced day off, unless it is an announced
/// work day, which overrides all of those.
package struct CalendarRules: Hashable, Sendable {
    /// The weekly days off. Must leave at least one day of the week working.
    package var weekend: Set<Weekday>
    /// `holidays: vietnam` (true) or `holidays: none` (false).
    package var statutoryHolidays: Bool
    /// Announced extra days off (swaps, days off given before Tết, …).
    package var daysOff: [AnnouncedDay]
    /// Announced working days: make-up Saturdays, and computed days off the
    /// announcement did not grant.
    package var workDays: [AnnouncedDay]

    package init(
        weekend: Set<Weekday> = [.saturday, .sunday],
        statutoryHolidays: Bool = true,
        daysOff: [AnnouncedDay] = [],
        workDays: [AnnouncedDay] = []
    ) {
        self.weekend = weekend
        self.statutoryHolidays = statutoryHolidays
        self.daysOff = daysOff
        self.workDays = workDays
    }

    /// These rules with an announced schedule's days added.
    package func including(_ schedule: AnnouncedSchedule) -> CalendarRules {
        var rules = self
        rules.daysOff += schedule.daysOff
        rules.workDays += schedule.workDays
        return rules
    }
}
