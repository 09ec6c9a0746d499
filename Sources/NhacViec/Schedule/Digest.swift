import Foundation

/// Everything that goes to one recipient on one channel at one moment: one
/// email or one webhook call (DESIGN §5).
package struct Digest: Hashable, Sendable {
    package struct Item: Hashable, Sendable {
        package let step: ScheduledStep
        /// The item's own delivery key (recorded in the ledger).
        package let key: String
    }

    package let recipient: Recipient
    package let channel: Channel
    /// Union of the items' Cc recipients (email only).
    package let cc: [Recipient]
    /// Most urgent first.
    package let items: [Item]
    /// When it is sent (the tick's time; for a catch-up burst, the start).
    package let at: Date

    package init(recipient: Recipient, channel: Channel, items: [Item], at: Date) {
        self.recipient = recipient
        self.channel = channel
        self.items = items.sorted { ScheduledStep.moreUrgent($0.step, $1.step) }
        var cc: [Recipient] = []
        for item in self.items {
            for recipient in item.step.cc where recipient != self.recipient && !cc.contains(recipient) {
                cc.append(recipient)
            }
        }
        self.cc = cc
        self.at = at
    }

    /// The message's key (email `Message-ID`, webhook `Idempotency-Key`): derived
    /// from its items' keys, so a resend after a crash carries the same key.
    package var key: String {
        if items.count == 1, let only = items.first { return only.key }
        let joined = items.map(\.key).sorted().joined(separator: "\n")
        return "digest/\(recipient)/\(channel)/\(FNV1a.hex(joined))"
    }

}
