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
            smtp = SMTPTransport(settings: settings)
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

        do {
            self.webhooks = try WebhookTransport()
        } catch {
            problem("webhooks", "cannot start the webhook transport: \(error)")
            throw ConfigError(code: .invalid, issues: problems)
        }
        let outboxPath =
            config.delivery.outbox.hasPrefix("/")
            ? config.delivery.outbox : stateDirectory + "/" + config.delivery.outbox
        self.outbox = Outbox(directory: outboxPath)
        if !problems.isEmpty { throw ConfigError(code: .invalid, issues: problems) }
    }

    /// The webhook with its URL and secret, if it is used and could be resolved.
    package func webhook(_ id: String) -> ResolvedWebhook? {
        resolvedWebhooks[id]
    }

    /// Where emails go, for logs and `status`.
    package var emailDestination: String {
        smtp == nil ? "outbox" : "smtp"
    }

    /// Sends emails (one SMTP connection for the batch) and calls webhooks (all at
    /// once, on the webhook transport's thread) side by side; blocks the calling
    /// thread until both are done. Outcomes are in the order given.
    ///
    /// Blocking on purpose: the daemon runs on the main thread alone (see `Daemon`).
    package func send(emails: [EmailMessage], webhooks requests: [WebhookRequest]) -> (
        emails: [DeliveryOutcome], webhooks: [DeliveryOutcome]
    ) {
        let calls: WebhookTransport.PendingCalls? =
            requests.isEmpty || mode == .dryRun ? nil : webhooks.startAll(requests)
        let emailOutcomes = send(emails: emails)
        let webhookOutcomes =
            calls?.wait()
            ?? requests.map { request in write { () throws(DeliveryError) in try outbox.write(request) } }
        return (emailOutcomes, webhookOutcomes)
    }

    /// Sends emails (one SMTP connection for the batch), or writes them to the outbox.
    package func send(emails: [EmailMessage]) -> [DeliveryOutcome] {
        guard !emails.isEmpty else { return [] }
        if let smtp { return smtp.sendBlocking(emails) }
        return emails.map { message in
            write { () throws(DeliveryError) in try outbox.write(message) }
        }
    }

    private func write(_ body: () throws(DeliveryError) -> Outbox.WriteResult) -> DeliveryOutcome {
        do {
            let result = try body()
            return .delivered(DeliveryReceipt(replyCode: 250, replyText: "written to \(result.path)"))
        } catch {
            // A full disk or a permission problem: worth retrying once fixed.
            return .failed(.transient("cannot write to the outbox: \(error)"))
        }
    }
}
