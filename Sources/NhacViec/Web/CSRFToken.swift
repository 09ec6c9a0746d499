import Foundation

/// CSRF tokens for the Office's forms: `<expiry>.<base64url HMAC(key, "csrf|user|expiry")>`,
/// bound to the logged-in user, valid for 12 hours. The key is random per process, so a
/// restart only asks for a reload of the form; nothing is stored.
package struct CSRFToken: Sendable {
    private let signature: WebSignature
    package static let lifetime: TimeInterval = 12 * 3600

    package init(key: [UInt8]) {
        signature = WebSignature(key: key)
    }

    /// A fresh random key (32 bytes from the system's CSPRNG).
    package static func randomKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `now` is real time (tokens expire on the real clock, whatever `--now` pretends).
    package func token(user: String, now: Date = Date()) -> String {
        let expiry = Int64(now.timeIntervalSince1970 + Self.lifetime)
        return "\(expiry).\(signature.sign("csrf|\(user)|\(expiry)"))"
    }

    package func isValid(_ token: String, user: String, now: Date = Date()) -> Bool {
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let expiry = Int64(parts[0]), Double(expiry) > now.timeIntervalSince1970 else {
            return false
        }
        return signature.isValid(String(parts[1]), for: "csrf|\(user)|\(expiry)")
    }
}
