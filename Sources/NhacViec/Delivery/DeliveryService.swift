import Foundation

/// Sends composed messages the way the config says: SMTP when `delivery.email` is
/// set, else the outbox (the embedded default); webhooks through the webhook
/// transport. With `dryRun`, everything goes to the outbox and nothing leaves.
///
/// Secrets (SMTP password, webhook URLs and signing keys kept outside the file)
/// are resolved once, when the service is made, so a missing one is reported at
/// start-up rather than at 8 a.m. on a deadline day.
package final class DeliveryService: Sendable {
    package enum Mode: Sendable {
        case live
        /// `run --dry-run`: write every email and webhook body to the outbox instead.
        case dryRun
    }

    package let mode: Mode
    /// The thread that carries the webhook calls (DESIGN §10); SMTP sessions have
    /// threads of their own (``SMTPTransport``).
    private let worker: CurlMultiWorker
    private let smtp: SMTPTransport?
    private let webhooks: WebhookTransport
    private let outbox: Outbox
    private let resolvedWebhooks: [String: ResolvedWebhook]

    /// A webhook with its secrets read.
    package struct ResolvedWebhook: Sendable {
        package let config: WebhookConfig
        package let url: String
        package let secret: [UInt8]?
    }

    /// - Throws: `ConfigError` naming each secret that can't be read.
    package init(config: Config, stateDirectory: String, mode: Mode, environment: [String: String]) throws(ConfigError)
    {
        self.mode = mode
        var problems: [ConfigIssue] = []
        func problem(_ path: String, _ message: String) {
            problems.append(ConfigIssue(file: config.path, line: 0, column: 0, path: path, message: message))
        }

        let secrets = SecretResolver(config: config, environment: environment)
        do {
            worker = try CurlMultiWorker(name: "nhacviec.curl")
        } catch {
            problem("delivery", "cannot start the transfer thread (libcurl): \(error)")
            throw ConfigError(code: .invalid, issues: problems)
        }
        var smtp: SMTPTransport?
        if mode == .live, let email = config.delivery.email {
            var password: String?
            do {
                password = try secrets.smtpPassword(email)
            } catch {
                problem("delivery.email.password", "cannot read the SMTP password: \(error.message)")
            }
            let settings = SMTPSettings(
                url: email.url, tls: email.tls,
                username: email.username, password: password, caFile: email.caFile,
                timeout: email.timeout.duration ?? .seconds(30))
            if let issue = settings.problem { problem("delivery.email", issue) }
            smtp = SMTPTransport(settings: settings, connections: email.connections)
        }
        self.smtp = smtp

        // Only webhooks some unit or group uses are resolved: an example config can
        // describe a webhook whose secret this machine doesn't have.
        let used = Set(config.units.flatMap(\.webhooks) + config.groups.flatMap(\.webhooks))
        var resolved: [String: ResolvedWebhook] = [:]
        for (index, webhook) in config.webhooks.enumerated() where used.contains(webhook.id) {
            var url: String?
            do {
                url = try secrets.webhookURL(webhook)
            } catch {
                problem("webhooks[\(index)].url", "cannot read the URL: \(error.message)")
            }
            var secret: [UInt8]?
            do {
                secret = try secrets.webhookSigningKey(webhook)
            } catch {
                problem("webhooks[\(index)].secret", "cannot read the signing secret: \(error.message)")
            }
            if let url { resolved[webhook.id] = ResolvedWebhook(config: webhook, url: url, secret: secret) }
        }
        self.resolvedWebhooks = resolved

        self.webhooks = WebhookTransport(worker: worker)
        let outboxPath =
            config.delivery.outbox.hasPrefix("/")
            ? config.delivery.outbox : stateDirectory + "/" + config.delivery.outbox
        self.outbox = Outbox(directory: outboxPath)
        if !problems.isEmpty { throw ConfigError(code: .invalid, issues: problems) }
    }

    deinit {
        // Transfers under way finish (their outcomes are no longer awaited), then the thread ends.
        worker.shutdown()
    }

    /// Webhook calls out at once (with the worker or awaiting their commit): enough
    /// to fill the per-host connections of two hosts.
    static let webhookWindow = 16

    /// Once a burst is over: closes the SMTP sessions left idle, so an idle daemon
    /// keeps no connections, threads or TLS state (the next burst opens new ones).
    package func closeIdleSessions() {
        smtp?.closeIdleSessions()
    }

    /// The webhook with its URL and secret, if it is used and could be resolved.
    package func webhook(_ id: String) -> ResolvedWebhook? {
        resolvedWebhooks[id]
    }

    /// Where emails go, for logs and `status`.
    package var emailDestination: String {
        smtp == nil ? "outbox" : "smtp"
    }

    /// An e-mail composed when its turn to be sent comes, on the thread draining the
    /// batch; nil when it cannot be composed any more (its recipient has no address).
    package typealias ComposeEmail = () -> EmailMessage?

    /// The outcome of an e-mail that could not be composed when its turn came.
    static let notComposed = DeliveryOutcome.failed(
        DeliveryFailure(.permanent, reason: "the message could not be composed: its recipient has no e-mail address"))

    /// Starts sending composed messages; see ``start(composing:webhooks:)``.
    package func start(emails: [EmailMessage], webhooks requests: [WebhookRequest]) -> DeliveryBatch {
        start(composing: emails.map { message in { message } }, webhooks: requests)
    }

    /// Starts sending: e-mails (over up to `delivery.email.connections` SMTP sessions,
    /// each on its own thread) and webhook calls (on the curl worker thread) at once,
    /// in the order given (the caller puts the most urgent first); outbox writes as
    /// the caller drains the batch. The caller takes each
    /// outcome with ``DeliveryBatch/next(timeout:)`` and commits it before the next
    /// (DESIGN §5); the calling thread only ever waits with a timeout, so a stop
    /// request is seen within that timeout. Each e-mail is composed on the calling
    /// thread just before it is handed over, so only a window of them exists at once.
    package func start(composing emails: [ComposeEmail], webhooks requests: [WebhookRequest]) -> DeliveryBatch {
        // Twice the sessions: each session has its next message ready while the
        // caller commits the last one's outcome.
        let batch = DeliveryBatch(
            count: emails.count + requests.count, emailWindow: 2 * (smtp?.connections ?? 1),
            webhookWindow: Self.webhookWindow)
        let mailbox = batch.mailbox
        for (index, request) in requests.enumerated() {
            if mode == .dryRun {
                batch.addLocal(.webhook(index)) { [outbox] in
                    Self.write { () throws(DeliveryError) in try outbox.write(request) }
                }
            } else {
                batch.addTransfer(.webhook(index)) { [webhooks] in
                    webhooks.start(request, shouldStart: { mailbox.shouldStart() }) {
                        mailbox.complete(.webhook(index), $0)
                    }
                }
            }
        }
        for (index, compose) in emails.enumerated() {
            if let smtp {
                batch.addTransfer(.email(index)) {
                    guard let message = compose() else { return mailbox.complete(.email(index), Self.notComposed) }
                    smtp.start(message, shouldStart: { mailbox.shouldStart() }) { mailbox.complete(.email(index), $0) }
                }
            } else {
                batch.addLocal(.email(index)) { [outbox] in
                    guard let message = compose() else { return Self.notComposed }
                    return Self.write { () throws(DeliveryError) in try outbox.write(message) }
                }
            }
        }
        return batch
    }

    /// Sends everything and waits for every outcome (for `send-test`, which has no
    /// ledger to record into); outcomes in the order given.
    package func sendAll(emails: [EmailMessage], webhooks requests: [WebhookRequest]) -> (
        emails: [DeliveryOutcome], webhooks: [DeliveryOutcome]
    ) {
        var emailOutcomes = [DeliveryOutcome?](repeating: nil, count: emails.count)
        var webhookOutcomes = [DeliveryOutcome?](repeating: nil, count: requests.count)
        let batch = start(emails: emails, webhooks: requests)
        loop: while true {
            switch batch.next(timeout: .seconds(1)) {
            case .outcome(.email(let index), let outcome): emailOutcomes[index] = outcome
            case .outcome(.webhook(let index), let outcome): webhookOutcomes[index] = outcome
            case .waiting: continue
            case .finished: break loop
            }
        }
        let missing = DeliveryOutcome.failed(.transient("the send did not complete"))
        return (emailOutcomes.map { $0 ?? missing }, webhookOutcomes.map { $0 ?? missing })
    }

    /// Writes an e-mail to the outbox whatever the mode (an admin alert that could
    /// not be sent is kept there for a person to read).
    package func writeToOutbox(_ message: EmailMessage) -> DeliveryOutcome {
        Self.write { () throws(DeliveryError) in try outbox.write(message) }
    }

    private static func write(_ body: () throws(DeliveryError) -> Outbox.WriteResult) -> DeliveryOutcome {
        do {
            let result = try body()
            return .delivered(DeliveryReceipt(replyCode: 250, replyText: "written to \(result.path)"))
        } catch {
            // A full disk or a permission problem: worth retrying once fixed.
            return .failed(.transient("cannot write to the outbox: \(error)"))
        }
    }
}
