import CCurl
import CurlShim

/// One IMAP client session through libcurl: an easy handle for one server,
/// reused for every command so they share one logged-in connection.
///
/// libcurl speaks IMAP for us (login, STARTTLS, SELECT, literals); commands it
/// has no URL form for go through `CURLOPT_CUSTOMREQUEST`, and their untagged
/// responses come back as text lines. libcurl does not expose a mailbox's
/// UIDVALIDITY, so callers read it with `STATUS`, and fetches carry it in the
/// URL (`;UIDVALIDITY=`) so a mailbox rebuilt meanwhile fails instead of
/// handing over some other message. Not `Sendable`; every call blocks.
final class CurlIMAPConnection {
    /// How STARTTLS is used on an `imap://` URL (`CURLOPT_USE_SSL`).
    enum TLSUse: Sendable {
        case required
        case ifAvailable
        case never
    }

    struct Options: Sendable {
        /// `imap://host[:port]` or `imaps://host[:port]`, no path.
        var serverURL: String
        var tls: TLSUse
        var username: String
        var password: String
        var caFile: String?
        var connectTimeout: Duration
        /// The limit for one command, a message fetch included.
        var timeout: Duration
        /// Asked about once a second during every command; true ends it at once (a
        /// SIGTERM must not wait for a stalled server's timeout, DESIGN §10).
        var shouldAbort: (@Sendable () -> Bool)? = nil
    }

    private let easy: CurlEasy
    private let serverURL: String
    private let abortCheck: CurlIMAPAbortCheck?

    init(options: Options) throws(CurlError) {
        easy = try CurlEasy()
        serverURL = options.serverURL
        try easy.set(CURLOPT_PROTOCOLS_STR, "imap,imaps")
        switch options.tls {
        case .required: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        case .ifAvailable: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue))
        case .never: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue))
        }
        // Verification is never optional; a private CA is added with caFile instead.
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = options.caFile { try easy.set(CURLOPT_CAINFO, caFile) }
        try easy.set(CURLOPT_USERNAME, options.username)
        try easy.set(CURLOPT_PASSWORD, options.password)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.curlMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, options.timeout.curlMilliseconds)
        if let shouldAbort = options.shouldAbort {
            let check = CurlIMAPAbortCheck(shouldAbort)
            try check.install(on: easy)
            abortCheck = check
        } else {
            abortCheck = nil
        }
    }

    /// Runs `command` (e.g. `STATUS "INBOX" (UIDVALIDITY)`) with `mailbox` selected first
    /// when given, and returns the untagged response lines, without `* ` and line ends.
    /// With `uidValidity`, libcurl refuses the command if the selected mailbox has another.
    func command(
        _ command: String, selecting mailbox: String? = nil, uidValidity: UInt32? = nil, limit: Int = 16 << 20
    ) throws(CurlError) -> [String] {
        var url = serverURL + "/" + (mailbox.map(Self.pathComponent) ?? "")
        if mailbox != nil, let uidValidity { url += ";UIDVALIDITY=\(uidValidity)" }
        try easy.set(CURLOPT_URL, url)
        try easy.set(CURLOPT_CUSTOMREQUEST, command)
        try easy.captureResponse(limit: limit)
        try easy.perform()
        let text = String(decoding: easy.responseBody, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { line in
            line.hasPrefix("* ") ? String(line.dropFirst(2)) : String(line)
        }
    }

    /// The whole message `uid` of `mailbox` (`UID FETCH uid BODY[]`, which marks it `\Seen`),
    /// refused by libcurl if the mailbox's UIDVALIDITY is no longer `uidValidity`.
    func fetch(uid: UInt32, uidValidity: UInt32, mailbox: String, section: String? = nil, limit: Int) throws(CurlError)
        -> [UInt8]
    {
        var url = serverURL + "/" + Self.pathComponent(mailbox) + ";UIDVALIDITY=\(uidValidity)/;UID=\(uid)"
        if let section { url += "/;SECTION=\(section)" }
        try easy.set(CURLOPT_URL, url)
        try easy.clear(CURLOPT_CUSTOMREQUEST)
        try easy.captureResponse(limit: limit)
        try easy.perform()
        return easy.responseBody
    }

    /// A mailbox name as an IMAP quoted string (names are ASCII without `"` or `\`, see Config).
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A mailbox name for the URL path: everything but unreserved characters percent-encoded
    /// (libcurl decodes the path back into the name).
    static func pathComponent(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
