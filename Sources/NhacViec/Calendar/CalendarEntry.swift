/// One line of `nhacviec holidays`: a day off or an announced working day.
package struct CalendarEntry: Hashable, Sendable {
    package let date: LocalDate
    package let kind: CalendarEntryKind
    package let name: String

    package init(date: LocalDate, kind: CalendarEntryKind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }
}
