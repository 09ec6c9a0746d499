import CCurl

/// Reads an SMTP conversation through `CURLOPT_DEBUGFUNCTION` to learn what curl
/// does not report: which `RCPT TO` got which reply, and the server's reply text.
///
/// Only the recipient of each `RCPT TO` is kept from what the client sends, so AUTH
/// exchanges (which pass through the same callback) are never stored.
final class CurlTranscript {
    /// A server reply: code and the text of its last line.
    struct Reply: Equatable {
        var code: Int
        var text: String
    }

    /// Each `RCPT TO` address in order, with the reply it got.
    private(set) var recipientReplies: [(address: String, reply: Reply)] = []
    /// The last complete reply the server sent.
    private(set) var lastReply: Reply?
    private var pendingRecipient: String?
    private var replyLines: [String] = []

    func reset() {
        recipientReplies.removeAll()
        lastReply = nil
        pendingRecipient = nil
        replyLines.removeAll()
    }

    func clientSent(_ line: String) {
        let upper = line.uppercased()
        if upper.hasPrefix("RCPT TO:"), let open = line.firstIndex(of: "<"),
            let close = line[open...].firstIndex(of: ">")
        {
            pendingRecipient = String(line[line.index(after: open)..<close])
        } else {
            pendingRecipient = nil
        }
    }

    func serverSent(_ line: String) {
        // "250-first line" continues a reply, "250 last line" ends it (RFC 5321 4.2).
        let scalars = Array(line.utf8)
        guard scalars.count >= 3, let code = Int(String(decoding: scalars[0..<3], as: UTF8.self)) else { return }
        let isLast = scalars.count == 3 || scalars[3] != UInt8(ascii: "-")
        let text = scalars.count > 4 ? String(decoding: scalars[4...], as: UTF8.self) : ""
        replyLines.append(text)
        guard isLast else { return }
        let reply = Reply(code: code, text: replyLines.joined(separator: " "))
        replyLines.removeAll()
        lastReply = reply
        if let recipient = pendingRecipient {
            recipientReplies.append((recipient, reply))
            pendingRecipient = nil
        }
    }

    /// A C debug callback: `userdata` is an unretained `CurlTranscript`.
    static let callback: curl_debug_callback = { _, type, data, size, userdata in
        // curl_infotype's constants do not import by name (they clash with CURLINFO):
        // 1 is CURLINFO_HEADER_IN (server lines), 2 is CURLINFO_HEADER_OUT (client lines).
        let isIncoming = type.rawValue == 1
        guard let userdata, let data, size > 0, isIncoming || type.rawValue == 2 else { return 0 }
        let transcript = Unmanaged<CurlTranscript>.fromOpaque(userdata).takeUnretainedValue()
        let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            if isIncoming {
                transcript.serverSent(String(line))
            } else {
                transcript.clientSent(String(line))
            }
        }
        return 0
    }
}
