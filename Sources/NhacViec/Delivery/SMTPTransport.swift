/// Sends email through one SMTP server with libcurl, over up to `connections`
/// sessions at once (`delivery.email.connections`, DESIGN §5).
///
/// Each session is a thread of its own with a long-lived easy handle that carries
/// message after message over its connection (``CurlSMTPSessionPool``), apart from
/// the curl worker that carries the webhook calls: libcurl waits for the reply to
/// the end of a message's data blocking (`smtp_done`), so on a shared multi handle
/// one slow or hung server would hold every other session and every webhook call.
/// Apart, a hung server holds only the session it hangs. Messages start in the
/// order given, so the caller puts the most urgent first. Outcomes come back one
/// by one, as each message's is known, for the caller to commit before the next.
///
/// Failure classes (DESIGN §5): no connection, timeouts and SMTP 4xx replies are
/// transient; SMTP 5xx replies are permanent. A failure of the server's
/// configuration rather than of the message (`tls: required` against a server
/// that offers no STARTTLS, a certificate that does not verify, a refused login)
/// is retried like a transient one, but named as such so the admins are told at
/// once what to fix; invalid settings are permanent.
package final class SMTPTransport: Sendable {
    package let settings: SMTPSettings
    private let sessions: CurlSMTPSessionPool
    /// How many SMTP sessions may be open at once.
    let connections: Int

    /// - Parameter connections: how many SMTP sessions may be open at once (1–32).
    init(settings: SMTPSettings, connections: Int) {
        self.settings = settings
        self.connections = min(max(1, connections), 32)
        self.sessions = CurlSMTPSessionPool(
            options: Self.curlOptions(settings), size: self.connections, name: "nhacviec.smtp")
    }

    deinit {
        sessions.shutdown()
    }

    /// Queues one message for the next free session; `completion` runs on that
    /// session's thread with its outcome. `shouldStart` is asked just before the
    /// message starts: false drops it without a completion (a stop under way; its
    /// intent stays pending).
    package func start(
        _ message: EmailMessage, shouldStart: @escaping @Sendable () -> Bool = { true },
        completion: @escaping @Sendable (DeliveryOutcome) -> Void
    ) {
        if let problem = settings.problem {
            completion(.failed(.permanent("invalid SMTP settings: \(problem)")))
            return
        }
        let recipients = message.envelopeRecipients
        guard !recipients.isEmpty else {
            completion(.failed(.permanent("the message has no recipients")))
            return
        }
        sessions.submit(
            CurlSMTPSessionPool.Job(
                shouldStart: shouldStart, sender: message.from.address, recipients: recipients,
                message: message.rendered(),
                finish: { result in
                    switch result {
                    case .success(let result):
                        completion(Self.outcome(result, recipientCount: recipients.count))
                    case .failure(let error):
                        completion(.failed(.transient("cannot set up libcurl: \(error)")))
                    }
                }))
    }

    /// Ends the sessions that are idle once a burst is over: their connections are
    /// closed and their memory freed; the next burst opens new ones.
    func closeIdleSessions() {
        sessions.retireIdleSessions()
    }

    /// How many session threads are running, busy or idle.
    var sessionCount: Int { sessions.sessionCount }

    private static func curlOptions(_ settings: SMTPSettings) -> CurlSMTPConnection.Options {
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

    private static func outcome(_ result: CurlSMTPConnection.Result, recipientCount: Int) -> DeliveryOutcome {
        let rejected = result.recipientReplies.filter { $0.reply.code >= 400 }.map {
            RejectedRecipient(address: $0.address, replyCode: $0.reply.code, replyText: $0.reply.text)
        }
        guard let error = result.error else {
            let reply = result.lastReply ?? CurlTranscript.Reply(code: 250, text: "")
            return .delivered(
                DeliveryReceipt(replyCode: reply.code, replyText: reply.text, rejectedRecipients: rejected))
        }
        return .failed(
            Self.failure(error, lastReply: result.lastReply, rejected: rejected, recipientCount: recipientCount))
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
        // 535 (credentials refused) and 530/534 (login required, mechanism too weak):
        // curl reports them as a refused command, but only the password can fix them.
        let category = [530, 534, 535].contains(code) ? .authentication : error.category
        switch category {
        case .rejected:
            return make(code >= 500 ? .permanent : .transient(retryAfter: nil), serverSaid)
        case .connection, .timeout, .tlsHandshake, .other:
            return make(.transient(retryAfter: nil), serverSaid)
        case .tlsUnavailable:
            return make(
                .configuration(fix: "delivery.email.tls"),
                "the server does not offer STARTTLS and tls is required (\(error)); check the port in "
                    + "delivery.email.url, or set delivery.email.tls if this server really has no TLS")
        case .tlsCertificate:
            return make(
                .configuration(fix: "delivery.email.ca_file"),
                "the server's TLS certificate did not verify (\(error)); if the server uses a private CA, "
                    + "point delivery.email.ca_file at that CA's certificate (PEM)")
        case .authentication:
            return make(
                .configuration(fix: "delivery.email.password"),
                "the server refused the login (\(serverSaid)); check delivery.email.username and the password "
                    + "(password_env or password_file)")
        case .invalidRequest:
            return make(.permanent, serverSaid)
        }
    }
}
