import CCurl

/// An HTTP(S) POST through libcurl, described in Swift terms.
///
/// Only `http` and `https` are allowed, for the request and for redirects, and a
/// redirect may not change the scheme (an `https` webhook never falls back to
/// plain text). The method stays POST across redirects.
struct CurlHTTPPost: Sendable {
    var url: String
    /// Complete header lines, `Name: value`.
    var headers: [String]
    var body: [UInt8]
    var connectTimeout: Duration
    /// The limit for the whole exchange.
    var timeout: Duration
    var maxRedirects = 3
    /// How much of the response body to keep for error messages.
    var responseLimit = 2048

    /// The scheme of `url`, lower-cased, if it is http or https.
    static func scheme(of url: String) -> String? {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") { return "https" }
        if lower.hasPrefix("http://") { return "http" }
        return nil
    }

    /// `scheme://host:port` of the URL, lower-cased: the unit of the per-host connection limit.
    var hostKey: String {
        let lower = url.lowercased()
        guard let separator = lower.range(of: "://") else { return lower }
        let rest = lower[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(lower[..<separator.upperBound]) + authority
    }

    /// A configured easy handle for this request.
    func makeEasy() throws(CurlError) -> CurlEasy {
        guard let scheme = Self.scheme(of: url) else {
            throw CurlError(code: CURLE_UNSUPPORTED_PROTOCOL, detail: "only http and https URLs are allowed")
        }
        let easy = try CurlEasy()
        try easy.set(CURLOPT_URL, url)
        try easy.set(CURLOPT_PROTOCOLS_STR, scheme)
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, scheme)
        try easy.set(CURLOPT_FOLLOWLOCATION, 1)
        try easy.set(CURLOPT_MAXREDIRS, maxRedirects)
        try easy.set(CURLOPT_POSTREDIR, Int(CURL_REDIR_POST_301 | CURL_REDIR_POST_302 | CURL_REDIR_POST_303))
        try easy.set(CURLOPT_POST, 1)
        try easy.setPostBody(body)
        // "Expect:" stops curl from waiting for "100 Continue" on larger bodies.
        try easy.set(CURLOPT_HTTPHEADER, list: headers + ["Expect:"])
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1)
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, connectTimeout.curlMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, timeout.curlMilliseconds)
        try easy.captureResponse(limit: responseLimit)
        return easy
    }
}
