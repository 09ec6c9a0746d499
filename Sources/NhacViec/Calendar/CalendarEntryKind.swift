/// Why a date appears in `nhacviec holidays`; the raw value is what it prints.
package enum CalendarEntryKind: String, Sendable, CaseIterable {
    /// A statutory holiday (art. 112), even one that falls on a weekend.
    case holiday
    /// A day off in lieu of a holiday that fell on a weekend day (art. 111(3)).
    case compensatory
    /// An announced extra day off.
    case dayOff = "day_off"
    /// An announced working day; it overrides any computed day off.
    case workDay = "work_day"
}
