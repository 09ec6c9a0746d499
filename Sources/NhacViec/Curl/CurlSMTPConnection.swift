import CCurl

/// One SMTP client session through libcurl: an easy handle configured for one
/// server and reused for message after message by one thread of
/// ``CurlSMTPSessionPool`` with `curl_easy_perform`.
///
/// Between messages the connection waits in this handle's own connection cache
/// (never shared with another session) and the next message picks it up again
/// (curl reconnects by itself if the server closed it). Not `Sendable`: one
/// thread uses it, one message at a time.
final class CurlSMTPConnection {
    /// How STARTTLS is used on an `smtp://` URL (`CURLOPT_USE_SSL`).
    enum TLSUse: Sendable {
        /// Fail unless the server offers STARTTLS.
        case required
        /// STARTTLS if offered, plain text otherwise.
        case ifAvailable
        /// Never start TLS.
        case never
    }

    struct Options: Sendable {
        /// `smtp://host[:port][/helo-name]` or `smtps://…`.
        var url: String
        var tls: TLSUse
        var username: String?
        var password: String?
        /// An extra trusted CA bundle (PEM) for this server.
        var caFile: String?
        var connectTimeout: Duration
        /// The limit for one message, connection set-up included.
        var timeout: Duration
    }

    /// What happened to one message.
    struct Result {
        /// nil when the server accepted the message.
        var error: CurlError?
        /// The server's last reply: 250 for an accepted message.
        var lastReply: CurlTranscript.Reply?
        /// Each `RCPT TO` address with the reply code and text it got.
        var recipientReplies: [(address: String, reply: CurlTranscript.Reply)]
        /// Whether this message needed a new connection.
        var openedConnection: Bool
    }

    private let easy: CurlEasy
    private let transcript: CurlTranscript

    init(options: Options) throws(CurlError) {
        easy = try CurlEasy()
        try easy.set(CURLOPT_URL, options.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        switch options.tls {
        case .required: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        case .ifAvailable: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue))
        case .never: try easy.set(CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue))
        }
        // Verification is never optional; a private CA is added with caFile instead.
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = options.caFile {
            // Replaces the bundle file only: Debian's libcurl still reads the
            // system CA directory (/etc/ssl/certs), so public CAs stay trusted.
            try easy.set(CURLOPT_CAINFO, caFile)
        }
        if let username = options.username { try easy.set(CURLOPT_USERNAME, username) }
        if let password = options.password { try easy.set(CURLOPT_PASSWORD, password) }
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.curlMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, options.timeout.curlMilliseconds)
        try easy.set(CURLOPT_UPLOAD, 1)
        // One refused recipient must not stop delivery to the others (curl 7.69+;
        // the option is spelled ALLLOWFAILS in 7.88's header).
        try easy.set(CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1)
        transcript = try easy.recordTranscript()
    }

    /// Sends one message to `recipients` with envelope sender `sender` (bare
    /// addresses), blocking until the server's final reply, a failure or the timeout.
    /// Throws only when the handle cannot be set up; a failed transfer is the
    /// result's `error`.
    func send(sender: String, recipients: [String], message: [UInt8]) throws(CurlError) -> Result {
        try easy.set(CURLOPT_MAIL_FROM, "<\(sender)>")
        try easy.set(CURLOPT_MAIL_RCPT, list: recipients.map { "<\($0)>" })
        try easy.setUpload(message)
        var failure: CurlError?
        do {
            try easy.perform()
        } catch {
            failure = error
        }
        // Not kept past the transfer: a burst's messages are not held by idle sessions.
        try easy.setUpload([])
        return Result(
            error: failure, lastReply: transcript.lastReply, recipientReplies: transcript.recipientReplies,
            openedConnection: easy.newConnections > 0)
    }
}
