/// One due instance of a duty: a one-off task, one month of a recurring task,
/// one unit's report for one period.
///
/// A class, immutable: every step of the occurrence refers to the same instance,
/// so the tens of thousands of steps of a year copy a pointer, not the fields.
/// Identity is (duty, occurrence), as in delivery keys.
package final class DutyOccurrence: Hashable, Sendable {
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
    package let isRecurring: Bool
    /// For `difficulty:<id>` duties: the record as it stood when the steps were planned
    /// (messages quote its text, status and the direction given).
    package let difficulty: Difficulty?

    package init(
        duty: Duty, occurrence: String, due: LocalDate, nominalDue: LocalDate, dueText: String, title: String,
        policy: Policy, recipient: Recipient, cc: [Recipient], responsibleUnit: String, isRecurring: Bool = false,
        difficulty: Difficulty? = nil
    ) {
        self.duty = duty
        self.occurrence = occurrence
        self.due = due
        self.nominalDue = nominalDue
        self.dueText = dueText
        self.title = title
        self.policy = policy
        self.recipient = recipient
        self.cc = cc
        self.responsibleUnit = responsibleUnit
        self.isRecurring = isRecurring
        self.difficulty = difficulty
    }

    package static func == (lhs: DutyOccurrence, rhs: DutyOccurrence) -> Bool {
        lhs.duty == rhs.duty && lhs.occurrence == rhs.occurrence
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(duty)
        hasher.combine(occurrence)
    }
}
