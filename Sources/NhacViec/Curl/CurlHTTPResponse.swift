/// What a finished HTTP transfer returned: status, `Retry-After`, start of the body.
struct CurlHTTPResponse: Sendable, Equatable {
    var status: Int
    var retryAfter: String?
    var bodyPrefix: [UInt8]

    init(status: Int, retryAfter: String?, bodyPrefix: [UInt8]) {
        self.status = status
        self.retryAfter = retryAfter
        self.bodyPrefix = bodyPrefix
    }

    /// Reads the response of the last transfer on `easy`.
    init(_ easy: CurlEasy) {
        self.init(
            status: easy.responseCode, retryAfter: easy.responseHeader("Retry-After"), bodyPrefix: easy.responseBody)
    }
}
