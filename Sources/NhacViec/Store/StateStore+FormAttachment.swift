import Foundation
import GRDB

extension StateStore {
    /// Whether a message other than `messageKey` already took `duty`'s `occurrence` to
    /// `recipient` by e-mail and was sent: the unit's report form rides on the first such
    /// e-mail only (DESIGN §13). Skipped, failed and dead ones don't count, so the form
    /// passes on to the next step actually sent.
    package func emailSent(duty: Duty, occurrence: String, recipient: Recipient, otherThan messageKey: String)
        throws(StoreError) -> Bool
    {
        try read("reading whether \(duty)/\(occurrence) was already e-mailed to \(recipient)") { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM delivery
                        WHERE duty = ? AND occurrence = ? AND recipient = ? AND channel = 'email'
                          AND status = 'sent' AND message_key <> ?)
                    """,
                arguments: [duty.description, occurrence, recipient.description, messageKey]) ?? false
        }
    }
}
