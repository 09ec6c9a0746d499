/// How to reach the SMTP server: what `delivery.email` in the config maps to.
///
/// Transport-level only: the envelope sender and header `From` come from each
/// ``EmailMessage``. Certificate verification cannot be turned off; a private CA
/// is trusted through ``caFile``.
package struct SMTPSettings: Sendable, Equatable {
    /// The config's ``NhacViec/TLSMode``; the name transport code has always used.
    package typealias TLSMode = NhacViec.TLSMode

    /// `smtp://host[:port]` (STARTTLS per ``tls``) or `smtps://host[:port]` (implicit TLS).
    package var url: String
    package var tls: TLSMode
    package var username: String?
    package var password: String?
    /// A PEM bundle of extra trusted CAs.
    package var caFile: String?
    /// The limit for one message, connecting included.
    package var timeout: Duration
    /// The limit for connecting (TCP + TLS + greeting); at most ``timeout``.
    package var connectTimeout: Duration
    /// The name sent in EHLO; curl's default is the local host name.
    package var heloName: String?

    package init(
        url: String, tls: TLSMode = .required, username: String? = nil, password: String? = nil,
        caFile: String? = nil, timeout: Duration = .seconds(30), connectTimeout: Duration? = nil,
        heloName: String? = nil
    ) {
        self.url = url
        self.tls = tls
        self.username = username
        self.password = password
        self.caFile = caFile
        self.timeout = timeout
        self.connectTimeout = min(connectTimeout ?? .seconds(10), timeout)
        self.heloName = heloName
    }

    /// Why these settings cannot work, or nil. Checked again before every batch.
    package var problem: String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            return "the SMTP URL must start with smtp:// or smtps://"
        }
        if lower.hasPrefix("smtps://") && tls == .none {
            return "smtps:// always uses TLS; tls: none contradicts it"
        }
        if url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
            return "the SMTP URL contains spaces or control characters"
        }
        if let heloName, heloName.isEmpty || !heloName.unicodeScalars.allSatisfy(Self.isHostCharacter) {
            return "the EHLO name must be a host name"
        }
        return nil
    }

    /// The URL given to curl: its path is the EHLO name.
    var curlURL: String {
        guard let heloName else { return url }
        let afterScheme = url.range(of: "://").map { url[$0.upperBound...] } ?? url[...]
        if afterScheme.contains("/") { return url }
        return url + "/" + heloName
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".": return true
        default: return false
        }
    }
}
