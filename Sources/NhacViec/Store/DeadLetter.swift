import Foundation

/// A message the daemon gave up on, to be reported once to organization.admins.
package struct DeadLetter: Sendable, Hashable {
    package var messageKey: String
    /// As written in delivery keys (`phong-qldt`, `head:phong-qldt`).
    package var recipient: String
    package var channel: String
    /// The digest's time.
    package var at: Date
    /// When it was declared dead.
    package var diedAt: Date
    package var attempts: Int
    /// Why, with the server's reply.
    package var error: String
    package var items: [LedgerEntry]
}
