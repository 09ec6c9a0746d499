import Foundation

/// HMAC-SHA256 signatures for URLs (unit calendars, unit links) and CSRF tokens,
/// base64url without padding, compared in constant time (DESIGN §15).
package struct WebSignature: Sendable {
    private let key: [UInt8]

    package init(key: [UInt8]) {
        self.key = key
    }

    /// base64url(HMAC-SHA256(key, message)).
    package func sign(_ message: String) -> String {
        Self.base64URL(WebhookSignature.hmacSHA256(key: key, message: Array(message.utf8)))
    }

    /// Whether `signature` is `sign(message)`, without an early exit that would tell how much matched.
    package func isValid(_ signature: String, for message: String) -> Bool {
        Self.constantTimeEqual(Array(sign(message).utf8), Array(signature.utf8))
    }

    /// The calendar URL's signature: `"ics|<unit>"`.
    package func calendarSignature(unit: String) -> String { sign("ics|\(unit)") }

    package static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares every byte whatever differs; only the lengths (public: a signature's length is fixed) short-cut.
    package static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
