import Foundation

/// The scheduler's duty occurrence a submission answers, and whether it came in time.
///
/// A monthly report answers `.monthlyReport(unit:)` for its period (occurrence
/// `YYYY-MM`); an answer to a request answers `.request(id:unit:)` for the
/// request's due date (occurrence = that date, moved off days off). The
/// occurrence is looked up through `OccurrenceExpander`, so it is exactly the
/// one whose reminders the scheduler sends, and receiving it stops them.
package struct SubmissionTarget: Hashable, Sendable {
    /// The occurrence as the scheduler knows it (duty, occurrence id, due date, title).
    package let dutyOccurrence: DutyOccurrence
    /// The organisation's zone: the due day ends at local midnight.
    package let timeZone: TimeZone

    package var duty: Duty { dutyOccurrence.duty }
    /// `YYYY-MM` for a monthly report, the due date `YYYY-MM-DD` for a request.
    package var occurrence: String { dutyOccurrence.occurrence }
    /// The due date after moving off a day off.
    package var due: LocalDate { dutyOccurrence.due }

    package init(dutyOccurrence: DutyOccurrence, timeZone: TimeZone) {
        self.dutyOccurrence = dutyOccurrence
        self.timeZone = timeZone
    }

    /// Received after the end of the due day, local time.
    package func isLate(_ receivedAt: Date) -> Bool {
        receivedAt >= WallClock(timeZone: timeZone).startOfDay(due.adding(days: 1))
    }

    /// Calendar days between the due day and the (local) day of receipt; 0 when on time.
    package func daysLate(_ receivedAt: Date) -> Int {
        guard isLate(receivedAt) else { return 0 }
        return due.days(until: WallClock(timeZone: timeZone).localDate(of: receivedAt))
    }

    /// The occurrence `submission` answers.
    ///
    /// A request with a one-off date has one occurrence. A recurring request
    /// ("Hằng quý") has many; the answer goes to the one due nearest to the day
    /// it was received (the later one on a tie), so an answer a few days late
    /// counts, late, against the occurrence just past rather than early against
    /// the next. Throws when the config gives the report no occurrence (which
    /// `SubmissionParser` already rules out for files it accepted).
    package static func resolve(_ submission: Submission, config: Config, calendar: WorkingCalendar)
        throws(SubmissionError) -> SubmissionTarget
    {
        let expander = OccurrenceExpander(config: config, calendar: calendar)
        let zone = config.organization.timeZone
        let receivedOn = WallClock(timeZone: zone).localDate(of: submission.receivedAt)
        var found: DutyOccurrence?
        if submission.report == "monthly" {
            if let monthly = config.reports.monthly, let text = submission.period,
                let period = ReportPeriod(parsing: text, kind: monthly.period)
            {
                // A due date is at most a month and a half after the period ends, plus a move past Tết.
                let e = period.dayAfterEnd
                let duty = Duty.monthlyReport(unit: submission.unit)
                found = expander.occurrences(dueIn: e...e.adding(days: 120))
                    .first { $0.duty == duty && $0.occurrence == period.description }
            }
        } else if let request = config.reports.requests.first(where: { $0.id == submission.report }) {
            let window: ClosedRange<LocalDate>? =
                switch request.due.kind {
                case .date(let nominal): nominal.adding(days: -31)...nominal.adding(days: 31)
                case .recurring: receivedOn.adding(days: -400)...receivedOn.adding(days: 400)
                case .ongoing, .onDemand: nil
                }
            let duty = Duty.request(id: request.id, unit: submission.unit)
            let candidates = window.map { expander.occurrences(dueIn: $0).filter { $0.duty == duty } } ?? []
            found = candidates.min { a, b in
                let da = abs(receivedOn.days(until: a.due))
                let db = abs(receivedOn.days(until: b.due))
                return da != db ? da < db : a.due > b.due
            }
        }
        guard let found else {
            let what = submission.period.map { "\(submission.report) \($0)" } ?? submission.report
            throw SubmissionError(
                code: .invalid, file: submission.sourceName, path: "report",
                message: SubmissionMessages(config).owesNoReport(unit: submission.unit, report: what))
        }
        return SubmissionTarget(dutyOccurrence: found, timeZone: zone)
    }
}
