/// A day the government announced as a day off or a make-up working day.
///
/// The name says why, in Vietnamese, for `nhacviec holidays` and for the
/// admin reading the file (e.g. "Làm bù cho ngày nghỉ thứ Hai 29/4").
package struct AnnouncedDay: Hashable, Sendable {
    package let date: LocalDate
    package let name: String

    package init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}
