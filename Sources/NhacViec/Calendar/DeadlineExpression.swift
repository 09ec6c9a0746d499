/// A task deadline (`due:`) as Vietnamese plan appendices write it, with its meaning.
///
/// The parsed date is nominal: a date that falls on a day off is moved by the
/// working-day calendar (`deadline_on_day_off`, or back for a written limit), not
/// here. DESIGN.md §4 lists the forms.
package struct DeadlineExpression: Hashable, Sendable {
    /// The text as the admin wrote it, unchanged, to be shown next to the parsed date.
    package let text: String
    package let kind: Kind
    /// A *before* form ("Trước ngày 15/12/2024", "…, trước ngày 20", "Trước tháng 6"):
    /// the date is a written limit that a day off never moves past, so it moves back
    /// to the last working day before it whatever `deadline_on_day_off` says.
    package let isWrittenLimit: Bool

    package enum Kind: Hashable, Sendable {
        /// A one-off due date.
        case date(LocalDate)
        /// Due at the end (or on a given day) of each month, quarter, half-year or year.
        case recurring(Recurrence)
        /// "Thường xuyên", "Liên tục": no deadline; the task is listed in every report.
        case ongoing
        /// "Theo yêu cầu", "Đột xuất", …: no deadline until someone sets one.
        case onDemand
    }

    package init(text: String, kind: Kind, isWrittenLimit: Bool = false) {
        self.text = text
        self.kind = kind
        self.isWrittenLimit = isWrittenLimit
    }

    /// Parses a deadline; `planYear` (`organization.plan_year`) supplies the year of
    /// year-less one-off forms such as "Quý II" or "Tháng 3".
    ///
    /// Matching ignores case, diacritics, Unicode normalization form, extra spaces and a
    /// trailing period. Dates are always day/month/year. "Trước ngày X" means due the day
    /// before X ("Trước tháng 6" the last day of May). Years must have four digits and
    /// lie in 1900–2100.
    package static func parse(_ text: String, planYear: Int?) -> Result<DeadlineExpression, DeadlineParseError> {
        DeadlineExpressionParser(text: text, planYear: planYear).parse()
            .map { DeadlineExpression(text: text, kind: $0.kind, isWrittenLimit: $0.isWrittenLimit) }
    }
}

/// Why a deadline expression could not be understood.
package struct DeadlineParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as written.
    package let text: String
    /// What is wrong, in English, specific enough to fix the text.
    package let message: String

    package init(text: String, message: String) {
        self.text = text
        self.message = message
    }

    package var description: String {
        "'\(text)': \(message)"
    }
}
