import Foundation

/// A message the report mailbox refused without answering its sender (an address no
/// unit lists, a missing `require_header`, no usable `From`): the Office is told of
/// it in its next e-mail digest (DESIGN §12, issue 10), once.
package struct IntakeRejection: Sendable, Hashable {
    /// SHA-256 of the message's bytes, as in `intake_message`.
    package var contentHash: String
    /// `From` as written (name and address), or empty when it had none.
    package var sender: String
    package var subject: String
    /// When the mailbox received it (IMAP INTERNALDATE, or the poll's time).
    package var receivedAt: Date
    /// Why it was refused, in the Office's language.
    package var reason: String
    /// Where it was left: the rejected folder, or the inbox when the server can only flag it.
    package var folder: String

    package init(
        contentHash: String, sender: String, subject: String, receivedAt: Date, reason: String, folder: String
    ) {
        self.contentHash = contentHash
        self.sender = sender
        self.subject = subject
        self.receivedAt = receivedAt
        self.reason = reason
        self.folder = folder
    }
}
