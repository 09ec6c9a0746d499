import Foundation
import Logging

/// What `organization.admins` must hear about (DESIGN §5): each dead letter once,
/// and a failure of the mail server's configuration at once, naming the fix.
final class AdminAlerts {
    private let store: StateStore
    private let dispatcher: MessageDispatcher
    private let composer: MessageComposer
    private let logger: Logger
    /// Configuration problems already told, by config key (once per loaded config:
    /// a reload that does not fix it tells again).
    private var toldConfigurationProblems: Set<String> = []

    init(store: StateStore, dispatcher: MessageDispatcher, composer: MessageComposer, logger: Logger) {
        self.store = store
        self.dispatcher = dispatcher
        self.composer = composer
        self.logger = logger
    }

    /// Tells the admins about configuration failures seen since the last call.
    /// Mail to the admins may well fail for the very same reason, so the alert is
    /// also logged (the journal names the fix) and, if it cannot be sent, written
    /// to the outbox.
    func reportConfigurationProblems(now: Date) {
        let problems = dispatcher.configurationProblems
            .filter { !toldConfigurationProblems.contains($0.key) }
            .sorted { $0.key < $1.key }
            .map { (fix: $0.key, reason: $0.value) }
        dispatcher.configurationProblems.removeAll()
        guard !problems.isEmpty else { return }
        for problem in problems {
            toldConfigurationProblems.insert(problem.fix)
            logger.error(
                "the mail server configuration needs fixing; e-mails wait and are retried",
                metadata: ["config.key": "\(problem.fix)", "error": "\(problem.reason)"])
        }
        guard let alert = composer.configurationAlert(problems, now: now) else {
            logger.warning("no organization.admins to tell about the mail server configuration")
            return
        }
        let outcome = dispatcher.delivery.sendAll(emails: [alert], webhooks: []).emails.first
        if case .delivered = outcome {
            logger.notice("the admins were told about the mail server configuration")
            return
        }
        let saved = dispatcher.delivery.writeToOutbox(alert)
        logger.error(
            "cannot e-mail the admins about the mail server configuration",
            metadata: [
                "error": "\(outcome?.failure?.description ?? "no outcome")",
                "alert.copy": "\(saved.receipt?.replyText ?? saved.failure?.description ?? "not written")",
            ])
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
