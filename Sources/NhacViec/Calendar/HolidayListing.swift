/// `nhacviec holidays` output: a year's days off and announced work days (DESIGN §9).
package struct HolidayListing: Sendable {
    package let entries: [CalendarEntry]

    package init(calendar: WorkingCalendar, year: Int) {
        self.entries = calendar.entries(year: year)
    }

    /// `YYYY-MM-DD  kind  name`, one per line.
    package var text: String {
        entries.map { "\($0.date)  \($0.kind.rawValue)  \($0.name)" }.joined(separator: "\n")
    }

    /// A JSON array of `{"date","kind","name"}`.
    package var json: String {
        JSONValue.array(
            entries.map {
                .object([
                    ("date", .string($0.date.description)), ("kind", .string($0.kind.rawValue)),
                    ("name", .string($0.name)),
                ])
            }
        ).rendered
    }
}
