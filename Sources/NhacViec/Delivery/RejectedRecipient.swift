/// A recipient address the SMTP server refused at `RCPT TO`, with its reply.
package struct RejectedRecipient: Sendable, Equatable, CustomStringConvertible {
    package var address: String
    package var replyCode: Int
    package var replyText: String

    package init(address: String, replyCode: Int, replyText: String) {
        self.address = address
        self.replyCode = replyCode
        self.replyText = replyText
    }

    /// A 4xx refusal: that mailbox may accept the message later.
    package var isTransient: Bool { (400..<500).contains(replyCode) }

    package var description: String { "\(address): \(replyCode) \(replyText)" }
}
