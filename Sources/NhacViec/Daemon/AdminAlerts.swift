import Foundation
import Logging

/// What `organization.admins` must hear about (DESIGN §5): each dead letter once,
/// and a failure of the mail server's configuration at once, naming the fix.
final class AdminAlerts {
    /// Metadata key of the configuration problems the admins were told about and no
    /// delivery has shown fixed yet: a JSON object, problem id → when first seen.
    static let openProblemsKey = "server_configuration_problems"

    private let store: StateStore
    private let dispatcher: MessageDispatcher
    private let composer: MessageComposer
    private let storedMessages: StoredMessageSender
    private let logger: Logger
    private let clock: WallClock

    init(
        store: StateStore, dispatcher: MessageDispatcher, composer: MessageComposer,
        storedMessages: StoredMessageSender, logger: Logger
    ) {
        self.store = store
        self.dispatcher = dispatcher
        self.composer = composer
        self.storedMessages = storedMessages
        self.logger = logger
        self.clock = WallClock(timeZone: composer.config.organization.timeZone)
    }

    /// Tells the admins about configuration failures seen since the last call, each
    /// problem once, through the ledger (a stored message with a stable key), so a
    /// restart or a reload that does not fix it tells nobody again.
    ///
    /// A problem is the config key to fix plus a fingerprint of the failure's words:
    /// the same failure is one problem however often it recurs; a different failure
    /// (the certificate now verifies but the login is refused) is a new one. A problem
    /// lasts until an e-mail is delivered (the server's configuration works again):
    /// if it breaks again after that, it is a new episode with its own key (the
    /// episode's start is in the key) and the admins are told again.
    ///
    /// A new alert is sent at once. Mail to the admins may well fail for the very same
    /// reason, so it is also logged (the journal names the fix) and, if it cannot be
    /// sent, written to the outbox; it stays in the ledger and is retried like every
    /// stored message (the pass sends those due after this).
    func reportConfigurationProblems(now: Date, summary: inout PassSummary) {
        let seen = dispatcher.configurationProblems
        let mailWorked = dispatcher.emailDelivered
        dispatcher.configurationProblems.removeAll()
        dispatcher.emailDelivered = false
        do {
            var open = try openProblems()
            if seen.isEmpty {
                if mailWorked && !open.isEmpty {
                    try store.setMetadata(Self.openProblemsKey, to: nil)
                    logger.notice(
                        "the mail server configuration works again",
                        metadata: ["config.key": "\(Set(open.keys.map(Self.fix(ofProblem:))).sorted())"])
                }
            } else {
                var alerts: [(key: String, email: EmailMessage)] = []
                for (fix, reason) in seen.sorted(by: { $0.key < $1.key }) {
                    let problem = Self.problemID(fix: fix, reason: reason)
                    let since: Date
                    let isNew: Bool
                    if let known = open[problem], let date = clock.parse(known) {
                        since = date
                        isNew = false
                    } else {
                        isNew = true
                        since = now
                        open[problem] = clock.iso8601(now)
                        try store.setMetadata(Self.openProblemsKey, to: Self.encode(open))
                    }
                    let key = "alert:server-configuration/\(clock.iso8601(since))/\(problem)/admins/email"
                    // Told already (this process, an earlier one, or before a reload).
                    if try store.storedMessage(key) != nil { continue }
                    let alert = composer.configurationAlert([(fix, reason)], key: key, now: now)
                    // Without admins nothing enters the ledger: the journal hears of the problem once.
                    guard alert != nil || isNew else { continue }
                    logger.error(
                        "the mail server configuration needs fixing; e-mails wait and are retried",
                        metadata: ["config.key": "\(fix)", "error": "\(reason)"])
                    guard let alert else {
                        logger.warning("no organization.admins to tell about the mail server configuration")
                        continue
                    }
                    try store.recordStoredMessage(
                        StoredMessage(
                            key: key, sender: alert.from.address, recipients: alert.envelopeRecipients,
                            mime: alert.rendered(), createdAt: now))
                    alerts.append((key, alert))
                }
                guard !alerts.isEmpty else { return }
                summary.sent += try storedMessages.sendDue(now: now)
                for alert in alerts { try reportOutcome(of: alert.key, email: alert.email) }
            }
        } catch {
            summary.storeFailures += 1
            logger.error("cannot record or send an alert to the admins", metadata: ["error": "\(error)"])
        }
    }

    /// Logs how a new alert's first attempt went; if it could not be e-mailed, writes
    /// a copy to the outbox, where the admin looking for why mail stopped finds it.
    private func reportOutcome(of key: String, email: EmailMessage) throws(StoreError) {
        guard let stored = try store.storedMessage(key) else { return }
        if stored.status == .sent {
            logger.notice("the admins were told about the mail server configuration")
            return
        }
        let saved = dispatcher.delivery.writeToOutbox(email)
        logger.error(
            "cannot e-mail the admins about the mail server configuration; the alert is retried",
            metadata: [
                "error": "\(stored.lastError ?? "no outcome")",
                "alert.copy": "\(saved.receipt?.replyText ?? saved.failure?.description ?? "not written")",
            ])
    }

    /// `delivery.email.ca_file-<16 hex digits>`: the setting, and a fingerprint of the failure.
    static func problemID(fix: String, reason: String) -> String {
        "\(fix)-\(DeliveryKey.hash(fix + "\n" + reason))"
    }

    static func fix(ofProblem id: String) -> String {
        id.lastIndex(of: "-").map { String(id[..<$0]) } ?? id
    }

    private func openProblems() throws(StoreError) -> [String: String] {
        guard let text = try store.metadata(Self.openProblemsKey) else { return [:] }
        // Unreadable (written by hand?): start afresh rather than stop alerting.
        return (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    private static func encode(_ open: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(open)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Tells the admins about each dead letter once.
    func reportDeadLetters(now: Date, summary: inout PassSummary) {
        do {
            let letters = try store.deadLettersNotYetReported()
            guard !letters.isEmpty else { return }
            guard let alert = composer.deadLetterAlert(letters, now: now) else {
                logger.warning(
                    "dead letters but no organization.admins to tell",
                    metadata: ["delivery.count": "\(letters.count)"])
                try store.markDeadLettersReported(keys: letters.map(\.messageKey), at: now)
                return
            }
            let outcome = dispatcher.delivery.sendAll(emails: [alert], webhooks: []).emails.first
            if case .delivered = outcome {
                try store.markDeadLettersReported(keys: letters.map(\.messageKey), at: now)
                logger.notice("dead letters reported to the admins", metadata: ["delivery.count": "\(letters.count)"])
            } else {
                logger.error(
                    "cannot report dead letters to the admins; will try again",
                    metadata: [
                        "delivery.count": "\(letters.count)",
                        "error": "\(outcome?.failure?.description ?? "no outcome")",
                    ])
            }
        } catch {
            summary.storeFailures += 1
            logger.error("cannot read or mark dead letters", metadata: ["error": "\(error)"])
        }
    }
}
