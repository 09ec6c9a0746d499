import Foundation

/// One webhook call: where, what, and how to sign it.
package struct WebhookRequest: Sendable, Equatable {
    /// The delivery key, sent as `Idempotency-Key` so receivers can drop a resend.
    package var key: String
    /// `http://` or `https://` only; anything else fails permanently.
    package var url: String
    package var body: [UInt8]
    package var contentType: String
    /// With a secret the request carries `X-Nhacviec-Timestamp` and `X-Nhacviec-Signature`.
    package var secret: [UInt8]?
    /// The limit for the whole call; connecting gets at most 10 s of it.
    package var timeout: Duration
    /// The signing time (`X-Nhacviec-Timestamp`, whole Unix seconds); an input so
    /// tests and resends are reproducible.
    package var timestamp: Date

    package init(
        key: String, url: String, body: [UInt8], contentType: String = "application/json", secret: [UInt8]? = nil,
        timeout: Duration = .seconds(10), timestamp: Date
    ) {
        self.key = key
        self.url = url
        self.body = body
        self.contentType = contentType
        self.secret = secret
        self.timeout = timeout
        self.timestamp = timestamp
    }

    /// The header lines sent with the body.
    package var headerLines: [String] {
        let contentType =
            contentType.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            ? contentType : "application/json"
        var lines = [
            "Content-Type: \(contentType)",
            "Idempotency-Key: \(DeliveryKey.headerValue(key))",
            "User-Agent: nhacviec/\(NhacViecVersion.current)",
        ]
        if let secret {
            let seconds = Int64(timestamp.timeIntervalSince1970.rounded(.down))
            lines.append("X-Nhacviec-Timestamp: \(seconds)")
            lines.append(
                "X-Nhacviec-Signature: \(WebhookSignature.signature(secret: secret, timestamp: seconds, body: body))")
        }
        return lines
    }
}
