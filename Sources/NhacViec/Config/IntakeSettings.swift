/// `intake:`, the channels by which units answer (DESIGN §12). Absent keys mean
/// the channel is off.
package struct IntakeSettings: Sendable {
    /// `intake.email`: reports read from the Office's mailbox over IMAP.
    package var email: EmailIntakeSettings?

    package init(email: EmailIntakeSettings? = nil) {
        self.email = email
    }
}

/// `intake.email`: the mailbox units reply to, and how the daemon reads it.
package struct EmailIntakeSettings: Sendable {
    /// `imap://host[:port]` or `imaps://host[:port]`, without the mailbox path.
    package var serverURL: String
    /// The mailbox polled (the URL's path, `INBOX` when it has none), `/`-separated.
    package var mailbox: String
    package var tls: TLSMode
    /// Absolute (resolved against the config's folder when written relative).
    package var caFile: String?
    package var username: String
    package var password: SecretReference
    /// Where units send reports: `Reply-To` of reminders and `From` of receipts.
    package var address: Mailbox
    /// Seconds between polls (30…3600).
    package var poll: ConfigDuration
    /// `/`-separated, ASCII; mapped to the server's delimiter when used.
    package var acceptedFolder: String
    package var rejectedFolder: String
    /// `Name: glob`: the topmost instance of the header must match.
    package var requireHeader: RequiredHeader?

    /// A header a message must carry (added by the receiving server, e.g. DMARC results).
    package struct RequiredHeader: Sendable, Hashable {
        /// Compared without case.
        package var name: String
        /// `*` matches any run of characters, `?` one; compared without case.
        package var pattern: String
    }

    package static let defaultAcceptedFolder = "nhacviec/accepted"
    package static let defaultRejectedFolder = "nhacviec/rejected"
    package static let pollRange = 30...3600
}
