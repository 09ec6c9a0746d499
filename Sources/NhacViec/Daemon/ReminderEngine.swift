import Foundation
import Logging

/// One pass of the daemon's work at a given instant: resend what a crash left
/// unsent, retry what is due, ask the scheduler what fired, record intents,
/// deliver, record outcomes, report dead letters. `run --once` is one pass; the
/// daemon runs a pass whenever its timer fires.
///
/// Every send follows the same order (DESIGN §5): the intent is committed, then
/// the message goes out, then the outcome is committed. A crash in between leaves
/// a `pending` row that the next pass resends with the same key.
package final class ReminderEngine {
    package let config: Config
    private let calendar: WorkingCalendar
    private let store: StateStore
    private let delivery: DeliveryService
    private let composer: MessageComposer
    private let rebuilder: DigestRebuilder
    private let retry: RetryPolicy
    private let logger: Logger
    private let clock: WallClock
    private var scheduler: Scheduler
    private var snapshot: StoreSnapshot

    /// What one pass did, for logs, `STATUS=` and tests.
    package struct PassSummary: Sendable, Equatable {
        package var sent = 0
        package var failed = 0
        package var dead = 0
        package var skipped = 0
        package var retried = 0
        /// When the next reminder step is due (nil: none within the scheduler's horizon).
        package var nextStep: Date?
        package var nextWake: Date
    }

    package init(config: Config, store: StateStore, delivery: DeliveryService, logger: Logger) throws(StoreError) {
        self.config = config
        self.calendar = WorkingCalendar(rules: config.calendar.rules)
        self.store = store
        self.delivery = delivery
        self.composer = MessageComposer(config: config, calendar: calendar)
        self.rebuilder = DigestRebuilder(config: config, calendar: calendar)
        self.retry = RetryPolicy(config.delivery.retry)
        self.logger = logger
        self.clock = WallClock(timeZone: config.organization.timeZone)
        self.scheduler = Scheduler(config: config, calendar: calendar)
        self.snapshot = try store.loadSnapshot()
    }

    /// Does everything due at or before `now`; returns what it did and when to come back.
    package func pass(now: Date) async -> PassSummary {
        var summary = PassSummary(nextWake: now.addingTimeInterval(3600))
        do {
            try store.refresh(&snapshot)
            await resendUnfinished(now: now, summary: &summary)
            try store.refresh(&snapshot)
            let actions = scheduler.tick(now: now, state: snapshot)
            var skipped: [SkippedDelivery] = []
            var digests: [Digest] = []
            for action in actions {
                switch action {
                case .skip(let key, let step, let channel, let reason):
                    skipped.append(SkippedDelivery(key: key, step: step, channel: channel, reason: reason))
                case .send(let digest):
                    digests.append(digest)
                case .wake(let at):
                    summary.nextStep = at
                    summary.nextWake = min(summary.nextWake, at)
                }
            }
            if !skipped.isEmpty {
                summary.skipped = try store.recordSkipped(skipped, at: now)
                logger.notice(
                    "catch-up: steps recorded as skipped",
                    metadata: [
                        "skip.count": "\(summary.skipped)", "skip.reasons": "\(Set(skipped.map(\.reason)).sorted())",
                    ])
            }
            for digest in digests {
                try store.recordIntent(digest: digest, now: now)
            }
            await deliver(digests, now: now, summary: &summary)
            await reportDeadLetters(now: now)
            if let retryAt = try store.unfinishedMessages().compactMap(\.nextAttemptAt).min() {
                summary.nextWake = min(summary.nextWake, max(retryAt, now))
            }
            try store.setLastRun(now)
            try store.refresh(&snapshot)
        } catch {
            // The store failing (disk full, permissions) is logged and retried at the
            // next wake; nothing was sent without its intent being recorded first.
            logger.error("state store error; will retry", metadata: ["error": "\(error)"])
            summary.nextWake = min(summary.nextWake, now.addingTimeInterval(60))
        }
        return summary
    }

    /// Intents without an outcome (a crash mid-send) and retries whose time has come.
    private func resendUnfinished(now: Date, summary: inout PassSummary) async {
        let unfinished: [UnfinishedMessage]
        do {
            unfinished = try store.unfinishedMessages()
        } catch {
            logger.error("cannot read unfinished deliveries", metadata: ["error": "\(error)"])
            return
        }
        var digests: [Digest] = []
        for message in unfinished where message.status == .pending || (message.nextAttemptAt ?? now) <= now {
            switch rebuilder.digest(for: message) {
            case .success(let digest):
                digests.append(digest)
            case .failure(.noLongerScheduled(let key)):
                recordDead(
                    message.key, now: now, error: "no longer in the config (item \(key)); not sent", summary: &summary)
            }
        }
        guard !digests.isEmpty else { return }
        summary.retried += digests.count
        logger.info("resending unfinished deliveries", metadata: ["delivery.count": "\(digests.count)"])
        await deliver(
            digests, now: now, summary: &summary,
            attemptsSoFar: Dictionary(
                unfinished.map { ($0.key, ($0.attempts, $0.firstRecordedAt)) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// Composes and sends digests whose intents are recorded, then records each outcome.
    private func deliver(
        _ digests: [Digest], now: Date, summary: inout PassSummary,
        attemptsSoFar: [String: (attempts: Int, first: Date)] = [:]
    ) async {
        var emails: [(Digest, EmailMessage)] = []
        var calls: [(Digest, WebhookRequest)] = []
        let statuses = (try? store.currentTaskStatuses()) ?? [:]
        let taskStatus = { (id: String) in statuses[id]?.status }
        for digest in digests {
            switch digest.channel {
            case .email:
                guard let message = composer.email(for: digest, taskStatus: taskStatus) else {
                    recordDead(
                        digest.key, now: now, error: "\(digest.recipient) has no email address", summary: &summary)
                    continue
                }
                emails.append((digest, message))
            case .webhook(let id):
                guard let webhook = delivery.webhook(id),
                    let request = composer.webhook(
                        for: digest, url: webhook.url, secret: webhook.secret, now: digest.at, taskStatus: taskStatus)
                else {
                    recordDead(
                        digest.key, now: now, error: "webhook '\(id)' is not configured or its URL cannot be read",
                        summary: &summary)
                    continue
                }
                calls.append((digest, request))
            }
        }
        // Emails (one SMTP connection) and webhooks (concurrent calls) go out side by side.
        let delivery = self.delivery
        let emailMessages = emails.map(\.1)
        let requests = calls.map(\.1)
        async let emailOutcomes = delivery.send(emails: emailMessages)
        async let callOutcomes = delivery.send(webhooks: requests)
        let outcomes = Array(zip(emails.map(\.0), await emailOutcomes)) + Array(zip(calls.map(\.0), await callOutcomes))
        for (digest, outcome) in outcomes {
            let previous = attemptsSoFar[digest.key]
            record(
                outcome, for: digest, now: now, attempts: (previous?.attempts ?? 0) + 1,
                firstAttempt: previous?.first ?? now, summary: &summary)
        }
    }

    private func record(
        _ outcome: DeliveryOutcome, for digest: Digest, now: Date, attempts: Int, firstAttempt: Date,
        summary: inout PassSummary
    ) {
        let metadata: Logger.Metadata = [
            "delivery.key": "\(digest.key)", "delivery.recipient": "\(digest.recipient)",
            "delivery.channel": "\(digest.channel)", "delivery.items": "\(digest.items.count)",
        ]
        do {
            switch outcome {
            case .delivered(let receipt):
                var reply = "\(receipt.replyCode) \(receipt.replyText)"
                if !receipt.rejectedRecipients.isEmpty {
                    reply +=
                        "; refused: "
                        + receipt.rejectedRecipients.map { "\($0.address) (\($0.replyCode))" }.joined(separator: ", ")
                    logger.warning(
                        "some recipients were refused",
                        metadata: metadata.merging(["delivery.reply": "\(reply)"]) { $1 })
                }
                try store.recordSent(messageKey: digest.key, at: now, reply: reply)
                summary.sent += 1
                logger.info("sent", metadata: metadata.merging(["delivery.reply": "\(receipt.replyCode)"]) { $1 })
            case .failed(let failure):
                switch failure.disposition {
                case .permanent:
                    recordDead(digest.key, now: now, error: failure.description, summary: &summary)
                case .transient(let retryAfter):
                    switch retry.decide(
                        key: digest.key, attempts: attempts, firstAttempt: firstAttempt, now: now,
                        retryAfter: retryAfter)
                    {
                    case .retry(let at):
                        try store.recordFailure(
                            messageKey: digest.key, at: now, error: failure.description, retryAt: at)
                        summary.failed += 1
                        logger.warning(
                            "delivery failed; will retry",
                            metadata: metadata.merging([
                                "delivery.error": "\(failure)", "delivery.retry_at": "\(clock.iso8601(at))",
                            ]) { $1 })
                    case .giveUp:
                        recordDead(
                            digest.key, now: now, error: "gave up after retrying: \(failure.description)",
                            summary: &summary)
                    }
                }
            }
        } catch {
            logger.error("cannot record a delivery outcome", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    private func recordDead(_ key: String, now: Date, error: String, summary: inout PassSummary) {
        do {
            try store.recordDead(messageKey: key, at: now, error: error)
            summary.dead += 1
            logger.error("dead letter", metadata: ["delivery.key": "\(key)", "delivery.error": "\(error)"])
        } catch {
            logger.error("cannot record a dead letter", metadata: ["delivery.key": "\(key)", "error": "\(error)"])
        }
    }

    /// Tells `organization.admins` about each dead letter once.
    private func reportDeadLetters(now: Date) async {
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
            let outcome = await delivery.send(emails: [alert]).first
            if case .delivered = outcome {
                try store.markDeadLettersReported(keys: letters.map(\.messageKey), at: now)
                logger.notice("dead letters reported to the admins", metadata: ["delivery.count": "\(letters.count)"])
            } else {
                logger.error(
                    "cannot report dead letters to the admins; will try again",
                    metadata: ["error": "\(String(describing: outcome))"])
            }
        } catch {
            logger.error("cannot read dead letters", metadata: ["error": "\(error)"])
        }
    }
}
