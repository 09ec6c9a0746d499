import Foundation

/// One reminder step for one recipient: what the plan shows and the daemon sends.
package struct ScheduledStep: Hashable, Sendable {
    package let occurrence: DutyOccurrence
    package let kind: StepKind
    /// The working day it fires on.
    package let date: LocalDate
    /// `send_time` on `date`, local.
    package let at: Date
    package let recipient: Recipient
    package let cc: [Recipient]
    /// Where it goes; empty when the recipient has no email and no webhook.
    package let channels: [Channel]

    /// The stable delivery key of this step on one channel (DESIGN §5):
    /// `task:II.3/2024-04-01/before-5wd/phong-qldt/email`.
    package func key(for channel: Channel) -> String {
        "\(occurrence.duty)/\(occurrence.occurrence)/\(kind)/\(recipient)/\(channel)"
    }

    /// Most urgent first: escalations, then the most overdue, then due, then the nearest before-step.
    package static func moreUrgent(_ lhs: ScheduledStep, _ rhs: ScheduledStep) -> Bool {
        if lhs.kind.urgency != rhs.kind.urgency { return lhs.kind.urgency > rhs.kind.urgency }
        if lhs.occurrence.due != rhs.occurrence.due { return lhs.occurrence.due < rhs.occurrence.due }
        return lhs.occurrence.duty.description < rhs.occurrence.duty.description
    }
}
