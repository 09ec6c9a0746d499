/// Proof that the server took a message: its reply and any recipients it refused.
package struct DeliveryReceipt: Sendable, Equatable {
    /// SMTP reply to the end of DATA (250), or the HTTP status (2xx).
    package var replyCode: Int
    /// The server's reply text (SMTP), or the start of the response body (HTTP).
    package var replyText: String
    /// SMTP only: recipients refused while others accepted the message. Sending the
    /// message again would duplicate it for the others, so the daemon records these
    /// (and alerts) instead of retrying the whole message.
    package var rejectedRecipients: [RejectedRecipient]

    package init(replyCode: Int, replyText: String, rejectedRecipients: [RejectedRecipient] = []) {
        self.replyCode = replyCode
        self.replyText = replyText
        self.rejectedRecipients = rejectedRecipients
    }
}
