/// A step on one channel that is recorded as skipped instead of sent.
package struct SkippedDelivery: Sendable, Hashable {
    package var key: String
    package var duty: Duty
    package var occurrence: String
    package var step: StepKind
    package var recipient: Recipient
    package var channel: Channel
    /// `superseded`, `too_old`, or another reason the daemon gives.
    package var reason: String

    package init(
        key: String, duty: Duty, occurrence: String, step: StepKind, recipient: Recipient, channel: Channel,
        reason: String
    ) {
        self.key = key
        self.duty = duty
        self.occurrence = occurrence
        self.step = step
        self.recipient = recipient
        self.channel = channel
        self.reason = reason
    }

    /// From the scheduler's `.skip(key:step:channel:reason:)` action.
    package init(key: String, step: ScheduledStep, channel: Channel, reason: Scheduler.SkipReason) {
        self.init(
            key: key, duty: step.occurrence.duty, occurrence: step.occurrence.occurrence, step: step.kind,
            recipient: step.recipient, channel: channel, reason: reason.rawValue)
    }
}
