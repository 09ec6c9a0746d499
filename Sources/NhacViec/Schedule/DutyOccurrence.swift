/// One due instance of a duty: a one-off task, one month of a recurring task,
/// one unit's report for one period.
package struct DutyOccurrence: Hashable, Sendable {
    package let duty: Duty
    /// The due date for tasks and requests (after moving off a day off), the period
    /// `YYYY-MM` for monthly reports. Part of every delivery key, so it must stay
    /// stable while the duty is unchanged.
    package let occurrence: String
    /// The due date reminders count from (already moved per `deadline_on_day_off`).
    package let due: LocalDate
    /// The date as the plan wrote it, before moving (for messages).
    package let nominalDue: LocalDate
    /// The deadline as written in the config (`Tháng 3/2024`), or the report rule (`day 16`).
    package let dueText: String
    package let title: String
    package let policy: Policy
    /// Who the ordinary steps go to.
    package let recipient: Recipient
    /// Copied on the ordinary steps (a task's supporting units).
    package let cc: [Recipient]
    /// The unit whose head an escalation reaches.
    package let responsibleUnit: String
    /// One of a recurring task's occurrences ("Hằng tháng"): marking the task done
    /// finishes only the occurrences already under way.
    package var isRecurring = false
}
