import CCrypto

/// `X-Nhacviec-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`
/// computed with OpenSSL's libcrypto.
///
/// Signing the timestamp with the body lets a receiver reject replays outside
/// a window it chooses.
enum WebhookSignature {
    static func signature(secret: [UInt8], timestamp: Int64, body: [UInt8]) -> String {
        let message = Array("\(timestamp).".utf8) + body
        return "sha256=" + hmacSHA256(key: secret, message: message).map(hex).joined()
    }

    static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // Non-empty buffers so the pointers are never NULL; the lengths say what counts.
        let keyBuffer = key.isEmpty ? [0] : key
        let messageBuffer = message.isEmpty ? [0] : message
        let ok = keyBuffer.withUnsafeBytes { keyBytes in
            messageBuffer.withUnsafeBufferPointer { messageBytes in
                digest.withUnsafeMutableBufferPointer { out in
                    HMAC(
                        EVP_sha256(), keyBytes.baseAddress, Int32(key.count), messageBytes.baseAddress, message.count,
                        out.baseAddress, &length) != nil
                }
            }
        }
        // HMAC fails only without memory or a SHA-256 implementation, neither of
        // which a running libcrypto lacks.
        precondition(ok, "HMAC-SHA256 failed in libcrypto")
        return Array(digest.prefix(Int(length)))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
