/// A failed conversation with the intake mailbox, in terms the poller acts on.
///
/// Never carries the password: messages come from libcurl's error text and the
/// server's replies, which do not contain it.
package struct IMAPError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Hashable {
        /// Unreachable, refused, dropped or timed out: tried again at the next poll.
        case connection
        /// Login refused: the password or the username is wrong (alert at once).
        case authentication
        /// TLS failed or the certificate is not trusted (alert at once; `ca_file`, `tls`).
        case tls
        /// The mailbox changed under us (UIDVALIDITY) or a command was refused.
        case rejected
    }

    package let kind: Kind
    package let message: String

    package init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { message }

    /// Whether only a person can fix it (the config or the server), so admins hear of it at once.
    package var needsAttention: Bool { kind == .authentication || kind == .tls }

    init(_ error: CurlError, doing what: String) {
        let kind: Kind =
            switch error.category {
            case .connection, .timeout: .connection
            case .authentication: .authentication
            case .tlsHandshake, .tlsCertificate, .tlsUnavailable: .tls
            default: .rejected
            }
        let hint: String =
            switch error.category {
            case .authentication: " (check intake.email.username and the password)"
            case .tlsCertificate: " (the server's certificate is not trusted: set intake.email.ca_file)"
            case .tlsUnavailable: " (the server offers no STARTTLS: use imaps:// or check intake.email.tls)"
            case .tlsHandshake: " (TLS handshake failed: check the port and intake.email.tls)"
            default: ""
            }
        self.init(kind: kind, message: "\(what): \(error)\(hint)")
    }
}
