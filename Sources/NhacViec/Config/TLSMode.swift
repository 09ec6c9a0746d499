/// STARTTLS policy for a plain-text URL (`smtp://`, `imap://`): the config's `tls` key.
///
/// A URL whose scheme is already TLS (`smtps://`, `imaps://`) is TLS from the first byte.
package enum TLSMode: String, Sendable, Equatable, CaseIterable {
    /// STARTTLS or fail: a server that doesn't offer it gets nothing, not even credentials.
    case required
    /// STARTTLS when offered, plain text otherwise.
    case opportunistic
    /// Never STARTTLS (a local relay on 127.0.0.1).
    case none
}
