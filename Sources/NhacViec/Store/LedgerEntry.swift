import Foundation

/// One row of the delivery ledger, as `status` shows it.
///
/// The identifying fields are kept as the text written in the key (`task:II.3`,
/// `before-5wd`, `head:phong-qldt`, `webhook:zalo`) so the ledger stays readable
/// even for duties the current config no longer has.
package struct LedgerEntry: Sendable, Hashable {
    package var key: String
    package var duty: String
    package var occurrence: String
    package var step: String
    package var recipient: String
    package var channel: String
    package var status: DeliveryStatus
    /// Send attempts with a recorded outcome (the successful one included).
    package var attempts: Int
    package var nextAttemptAt: Date?
    /// The last failure, with the server's reply.
    package var lastError: String?
    /// The server's reply to the successful send.
    package var reply: String?
    /// The message that carried (or carries) it; nil for skipped steps.
    package var messageKey: String?
    /// `superseded` or `too_old` for skipped steps.
    package var skipReason: String?
    package var createdAt: Date
    package var updatedAt: Date
    package var sentAt: Date?
}
