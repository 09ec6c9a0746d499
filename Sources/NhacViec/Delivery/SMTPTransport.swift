import Dispatch

/// Sends email through one SMTP server with libcurl, one connection for a batch.
///
/// All curl work runs on a private serial dispatch queue, never on the Swift
/// cooperative pool: `send` suspends until the queue has sent the batch. The
/// queue owns one long-lived libcurl handle, so messages sent back to back (and
/// batches close together) share a connection; curl reconnects when the server
/// has closed it. Messages are sent one after another, never in parallel.
///
/// Failure classes (DESIGN §5): no connection, timeouts and SMTP 4xx replies are
/// transient; SMTP 5xx replies are permanent. Also permanent, because only a person
/// can fix them and retrying for a day would only hide them: `tls: required`
/// against a server that offers no STARTTLS (a wrong port, or someone stripping
/// STARTTLS on the way), a certificate that does not verify, a refused login
/// without a reply code, and invalid settings.
package final class SMTPTransport: @unchecked Sendable {
    package let settings: SMTPSettings
    private let queue = DispatchQueue(label: "nhacviec.smtp")
    /// Only touched on `queue`.
    private var connection: CurlSMTPConnection?

    package init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// Sends the messages in order; one outcome per message, in the same order.
    package func send(_ messages: [EmailMessage]) async -> [DeliveryOutcome] {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.sendOnQueue(messages))
            }
        }
    }

    package func send(_ message: EmailMessage) async -> DeliveryOutcome {
        await send([message])[0]
    }

    /// Sends the messages in order on the calling thread (the queue is only used to
    /// serialise access to the connection: `sync` runs the work right here), for the
    /// daemon, which keeps off Dispatch's worker threads (see `Daemon`).
    package func sendBlocking(_ messages: [EmailMessage]) -> [DeliveryOutcome] {
        queue.sync { sendOnQueue(messages) }
    }

    private func sendOnQueue(_ messages: [EmailMessage]) -> [DeliveryOutcome] {
        if let problem = settings.problem {
            return messages.map { _ in .failed(.permanent("invalid SMTP settings: \(problem)")) }
        }
        let connection: CurlSMTPConnection
        do {
            connection = try self.connection ?? CurlSMTPConnection(options: curlOptions)
        } catch {
            return messages.map { _ in .failed(.transient("cannot set up libcurl: \(error)")) }
        }
        self.connection = connection
        return messages.map { send($0, through: connection) }
    }

    private var curlOptions: CurlSMTPConnection.Options {
        let tls: CurlSMTPConnection.TLSUse =
            switch settings.tls {
            case .required: .required
            case .opportunistic: .ifAvailable
            case .none: .never
            }
        return CurlSMTPConnection.Options(
            url: settings.curlURL, tls: tls, username: settings.username, password: settings.password,
            caFile: settings.caFile, connectTimeout: settings.connectTimeout, timeout: settings.timeout)
    }

    private func send(_ message: EmailMessage, through connection: CurlSMTPConnection) -> DeliveryOutcome {
        let recipients = message.envelopeRecipients
        guard !recipients.isEmpty else { return .failed(.permanent("the message has no recipients")) }
        let result = connection.send(sender: message.from.address, recipients: recipients, message: message.rendered())
        let rejected = result.recipientReplies.filter { $0.reply.code >= 400 }.map {
            RejectedRecipient(address: $0.address, replyCode: $0.reply.code, replyText: $0.reply.text)
        }
        guard let error = result.error else {
            let reply = result.lastReply ?? CurlTranscript.Reply(code: 250, text: "")
            return .delivered(
                DeliveryReceipt(replyCode: reply.code, replyText: reply.text, rejectedRecipients: rejected))
        }
        return .failed(
            Self.failure(error, lastReply: result.lastReply, rejected: rejected, recipientCount: recipients.count))
    }

    static func failure(
        _ error: CurlError, lastReply: CurlTranscript.Reply?, rejected: [RejectedRecipient], recipientCount: Int
    ) -> DeliveryFailure {
        let code = error.responseCode > 0 ? error.responseCode : (lastReply?.code ?? 0)
        let text = lastReply?.code == code ? lastReply?.text : nil
        func make(_ disposition: DeliveryFailure.Disposition, _ reason: String) -> DeliveryFailure {
            DeliveryFailure(
                disposition, reason: reason, replyCode: code > 0 ? code : nil, replyText: text,
                curlCode: error.rawCode, rejectedRecipients: rejected)
        }
        if !rejected.isEmpty && rejected.count >= recipientCount {
            // Every mailbox refused: transient only if some refusal was temporary.
            let list = rejected.map(\.description).joined(separator: "; ")
            let disposition: DeliveryFailure.Disposition =
                rejected.contains(where: \.isTransient) ? .transient(retryAfter: nil) : .permanent
            return make(disposition, "every recipient was refused: \(list)")
        }
        let serverSaid =
            code > 0 ? "server replied \(code)" + (text.map { " \($0)" } ?? "") + " (\(error))" : "\(error)"
        switch error.category {
        case .rejected:
            return make(code >= 500 ? .permanent : .transient(retryAfter: nil), serverSaid)
        case .connection, .timeout, .tlsHandshake, .other:
            return make(.transient(retryAfter: nil), serverSaid)
        case .tlsUnavailable:
            return make(.permanent, "the server does not offer STARTTLS and tls is required (\(error))")
        case .tlsCertificate:
            return make(.permanent, "the server's TLS certificate did not verify (\(error))")
        case .authentication:
            return make(.permanent, "the server refused the login (\(error))")
        case .invalidRequest:
            return make(.permanent, serverSaid)
        }
    }
}
