import CCurl

/// A failed libcurl call: the `CURLcode`, the text of `CURLOPT_ERRORBUFFER`, and the
/// server's last reply code if there was one.
///
/// Transports outside `Curl/` never see `CURLcode`; they use ``category`` to decide
/// whether a failure is worth retrying.
struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is, in terms a delivery policy can act on.
    enum Category: Sendable, Equatable {
        /// DNS, refused or unreachable connection, connection dropped mid-transfer.
        case connection
        /// A connect or transfer timeout.
        case timeout
        /// The TLS handshake failed (not a certificate problem).
        case tlsHandshake
        /// The server's certificate did not verify, or the CA file is unusable.
        case tlsCertificate
        /// TLS was required but the server does not offer it (no STARTTLS).
        case tlsUnavailable
        /// The server refused the credentials.
        case authentication
        /// The server replied with an error to a protocol command (see ``responseCode``).
        case rejected
        /// The URL or an option is wrong: retrying cannot help.
        case invalidRequest
        /// Anything else.
        case other
    }

    /// The raw `CURLcode` value.
    let rawCode: Int
    /// The error buffer text (empty if curl wrote none).
    let detail: String
    /// The server's last reply code (HTTP status or SMTP reply), 0 if none.
    var responseCode: Int = 0

    init(code: CURLcode, detail: String, responseCode: Int = 0) {
        self.rawCode = Int(code.rawValue)
        self.detail = detail
        self.responseCode = responseCode
    }

    var code: CURLcode { CURLcode(rawValue: UInt32(truncatingIfNeeded: rawCode)) }

    /// curl's generic text for the code, e.g. "Couldn't connect to server".
    var summary: String { String(cString: curl_easy_strerror(code)) }

    var description: String {
        "curl error \(rawCode) (\(summary))" + (detail.isEmpty ? "" : ": \(detail)")
    }

    var category: Category {
        // A server error reply explains the failure better than the transfer error
        // curl reports for it (SMTP "RCPT failed: 550" comes back as CURLE_SEND_ERROR).
        if responseCode >= 400 && code != CURLE_USE_SSL_FAILED { return .rejected }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT,
            CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
            CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connection
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_SSL_CONNECT_ERROR:
            return .tlsHandshake
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE:
            return .tlsCertificate
        case CURLE_USE_SSL_FAILED:
            return .tlsUnavailable
        case CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR:
            return .authentication
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_BAD_FUNCTION_ARGUMENT,
            CURLE_UNKNOWN_OPTION, CURLE_NOT_BUILT_IN, CURLE_TOO_MANY_REDIRECTS:
            return .invalidRequest
        default:
            return .other
        }
    }
}
