import Foundation

/// `nhacviec send-test TARGET`: a clearly marked test message to a unit, a group,
/// a webhook or an email address, through the configured delivery.
package struct TestMessageSender {
    package let config: Config
    private let delivery: DeliveryService
    private let composer: MessageComposer
    private let secrets: SecretResolver

    package struct Attempt: Sendable {
        /// `email:<addresses>` or `webhook:<id>`.
        package let channel: String
        package let outcome: DeliveryOutcome
    }

    package enum TargetError: Error, CustomStringConvertible {
        case unknown(String, known: [String])
        case unreachable(String)
        case secret(String)

        package var description: String {
            switch self {
            case .unknown(let target, let known):
                "unknown target '\(target)': not a unit, group or webhook id, nor an email address (known: \(known.prefix(10).joined(separator: ", "))\(known.count > 10 ? ", …" : ""))"
            case .unreachable(let target): "'\(target)' has no email address and no webhook"
            case .secret(let message): message
            }
        }
    }

    package init(config: Config, delivery: DeliveryService, environment: [String: String]) {
        self.config = config
        self.delivery = delivery
        self.composer = MessageComposer(config: config)
        self.secrets = SecretResolver(config: config, environment: environment)
    }

    /// Sends to every channel of the target; one attempt per channel.
    package func send(to target: String, now: Date) throws(TargetError) -> [Attempt] {
        var emails: [(String, EmailMessage)] = []
        var webhooks: [WebhookConfig] = []
        if let unit = config.unit(target) {
            if !unit.email.isEmpty {
                emails.append(
                    (
                        "email:" + unit.email.map(\.address).joined(separator: ","),
                        composer.testEmail(to: unit.email, recipientName: unit.name, now: now)
                    ))
            }
            webhooks = unit.webhooks.compactMap(config.webhook)
        } else if let group = config.group(target) {
            if !group.email.isEmpty {
                emails.append(
                    (
                        "email:" + group.email.map(\.address).joined(separator: ","),
                        composer.testEmail(to: group.email, recipientName: group.name, now: now)
                    ))
            }
            webhooks = group.webhooks.compactMap(config.webhook)
        } else if let webhook = config.webhook(target) {
            webhooks = [webhook]
        } else if let mailbox = Mailbox(parsing: target) {
            emails.append(
                (
                    "email:" + mailbox.address,
                    composer.testEmail(to: [mailbox], recipientName: mailbox.displayName ?? mailbox.address, now: now)
                ))
        } else {
            let known = config.units.map(\.id) + config.groups.map(\.id) + config.webhooks.map(\.id)
            throw .unknown(target, known: known)
        }
        if emails.isEmpty && webhooks.isEmpty { throw .unreachable(target) }

        var requests: [(String, WebhookRequest)] = []
        for webhook in webhooks {
            do {
                let url = try secrets.webhookURL(webhook)
                let secret = try secrets.webhookSigningKey(webhook)
                requests.append(
                    (
                        "webhook:\(webhook.id)",
                        composer.testWebhook(webhook: webhook, url: url, secret: secret, now: now)
                    ))
            } catch {
                throw .secret("webhook '\(webhook.id)': \(error.message)")
            }
        }
        let (emailOutcomes, webhookOutcomes) = delivery.sendAll(emails: emails.map(\.1), webhooks: requests.map(\.1))
        return zip(emails.map(\.0), emailOutcomes).map { Attempt(channel: $0, outcome: $1) }
            + zip(requests.map(\.0), webhookOutcomes).map { Attempt(channel: $0, outcome: $1) }
    }
}
