/// `web:`, the Office's pages, units' signed links and calendar feeds (DESIGN §15).
/// Every key is optional: without `users_file` no Office page opens (401), without
/// a secret no signed link or unit calendar can be made or checked.
package struct WebSettings: Sendable {
    /// `https://nhacviec.example.gov.vn`, without a trailing slash: the start of links in e-mails.
    package var baseURL: String?
    /// The htpasswd file (bcrypt lines only), absolute (resolved next to the config when written relative).
    package var usersFile: String?
    /// The HMAC key that signs unit links and calendar URLs.
    package var secret: SecretReference?
    /// How long a unit link stays valid after its period's end (or a request's due date).
    package var linkValid: ConfigDuration

    package static let defaultLinkValid = ConfigDuration(amount: 45, unit: .days)

    package init(
        baseURL: String? = nil, usersFile: String? = nil, secret: SecretReference? = nil,
        linkValid: ConfigDuration = WebSettings.defaultLinkValid
    ) {
        self.baseURL = baseURL
        self.usersFile = usersFile
        self.secret = secret
        self.linkValid = linkValid
    }
}
