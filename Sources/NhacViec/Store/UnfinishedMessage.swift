import Foundation

/// A message whose items still owe an outcome: recorded as intended but never
/// reported back (the process died mid-send), or waiting for a retry.
///
/// It holds what the daemon needs to rebuild the message without the scheduler:
/// the recipient, channel and time of the message and, per item, which step of
/// which duty occurrence it is; the text is re-rendered from the config. It must
/// go out again under the same ``key`` so receivers can drop a duplicate.
package struct UnfinishedMessage: Sendable, Hashable {
    package struct Item: Sendable, Hashable {
        package var key: String
        package var duty: Duty
        package var occurrence: String
        package var step: StepKind
        package var recipient: Recipient
        package var channel: Channel
    }

    package var key: String
    package var recipient: Recipient
    package var channel: Channel
    package var cc: [Recipient]
    /// The digest's time.
    package var at: Date
    /// The first intent: what `give_up_after` counts from.
    package var firstRecordedAt: Date
    /// `.pending` (no outcome at all: resend now) or `.retrying`.
    package var status: DeliveryStatus
    package var attempts: Int
    /// When the next attempt is due; nil for pending messages (due now).
    package var nextAttemptAt: Date?
    package var lastError: String?
    /// In the ledger's key order.
    package var items: [Item]
}
