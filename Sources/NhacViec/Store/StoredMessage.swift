import Foundation

/// A message kept in the ledger as the exact bytes to send (DESIGN §5, §12).
///
/// For messages rendered once, at the moment something happened (a receipt, an
/// error reply, a notice to the Office), rather than rebuilt from the config like
/// reminders: a retry or a resend after a crash carries the same bytes and the
/// same `Message-ID`. Recording is idempotent by ``key``: the second record of a
/// key changes nothing, which is what makes a reply go out exactly once.
///
/// Use: ``StateStore/recordStoredMessage(_:)`` inside the transaction that
/// records what the message is about, then ``StateStore/dueStoredMessages(at:)``
/// and ``StateStore/recordStoredMessageOutcome(key:status:at:error:reply:nextAttemptAt:)``
/// around the send.
package struct StoredMessage: Sendable, Hashable {
    /// The ledger key, `<duty>/<occurrence>/<step>/<recipient>/<channel>` like every other.
    package var key: String
    /// The envelope sender (bare address).
    package var sender: String
    /// The envelope recipients (bare addresses).
    package var recipients: [String]
    /// The RFC 5322 bytes, CRLF line ends.
    package var mime: [UInt8]
    package var status: DeliveryStatus
    package var attempts: Int
    package var nextAttemptAt: Date?
    package var lastError: String?
    package var createdAt: Date

    package init(
        key: String, sender: String, recipients: [String], mime: [UInt8], status: DeliveryStatus = .pending,
        attempts: Int = 0, nextAttemptAt: Date? = nil, lastError: String? = nil, createdAt: Date
    ) {
        self.key = key
        self.sender = sender
        self.recipients = recipients
        self.mime = mime
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
    }
}
