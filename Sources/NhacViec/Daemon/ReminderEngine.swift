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
    private let publisher: ReportPublisher
    private var lastRunRecorded: Date?

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

    package init(
        config: Config, store: StateStore, delivery: DeliveryService, logger: Logger, reportsDirectory: String
    ) throws(StoreError) {
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
        self.publisher = ReportPublisher(config: config, calendar: calendar, stateDirectory: reportsDirectory)
    }

    /// Does everything due at or before `now`; returns what it did and when to come back.
    package func pass(now: Date) -> PassSummary {
        var summary = PassSummary(nextWake: now.addingTimeInterval(3600))
        do {
            try store.refresh(&snapshot)
            resendUnfinished(now: now, summary: &summary)
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
            let composed = compose(digests, now: now, summary: &summary)
            deliver(composed, now: now, summary: &summary)
            try publishReports(now: now, summary: &summary)
            reportDeadLetters(now: now)
            if let retryAt = try store.unfinishedMessages().compactMap(\.nextAttemptAt).min() {
                summary.nextWake = min(summary.nextWake, max(retryAt, now))
            }
            // `last run` is for people reading `status`: written when the pass did something,
            // else hourly, so an idle daemon doesn't sync the database every minute.
            let didWork = summary.sent + summary.failed + summary.dead + summary.skipped + summary.retried > 0
            if didWork || lastRunRecorded.map({ now.timeIntervalSince($0) >= 3600 || now < $0 }) ?? true {
                try store.setLastRun(now)
                lastRunRecorded = now
            }
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
    private func resendUnfinished(now: Date, summary: inout PassSummary) {
        let unfinished: [UnfinishedMessage]
        do {
            unfinished = try store.unfinishedMessages()
        } catch {
            logger.error("cannot read unfinished deliveries", metadata: ["error": "\(error)"])
            return
        }
        var digests: [Digest] = []
        var reports: [(Digest, EmailMessage)] = []
        for message in unfinished where message.status == .pending || (message.nextAttemptAt ?? now) <= now {
            if message.items.first?.duty == .consolidatedReport {
                switch reportEmail(for: message) {
                case .success(let email): reports.append(email)
                case .failure(let error): recordDead(message.key, now: now, error: error.description, summary: &summary)
                }
                continue
            }
            switch rebuilder.digest(for: message, difficulties: snapshot.difficulties) {
            case .success(let digest):
                digests.append(digest)
            case .failure(.noLongerScheduled(let key)):
                recordDead(
                    message.key, now: now, error: "no longer in the config (item \(key)); not sent", summary: &summary)
            }
        }
        guard !digests.isEmpty || !reports.isEmpty else { return }
        summary.retried += digests.count + reports.count
        logger.info("resending unfinished deliveries", metadata: ["delivery.count": "\(digests.count + reports.count)"])
        var composed = compose(digests, now: now, summary: &summary)
        composed.emails += reports
        deliver(
            composed, now: now, summary: &summary,
            attemptsSoFar: Dictionary(
                unfinished.map { ($0.key, ($0.attempts, $0.firstRecordedAt)) }, uniquingKeysWith: { first, _ in first })
        )
    }

    private struct ReportError: Error, CustomStringConvertible {
        let description: String
    }

    /// Rebuilds a consolidated-report email after a crash or for a retry: the same
    /// period compiled as of its compile moment, so the same content.
    private func reportEmail(for message: UnfinishedMessage) -> Result<(Digest, EmailMessage), ReportError> {
        guard let item = message.items.first,
            let period = ReportPeriod(parsing: item.occurrence, kind: publisher.periodKind),
            let at = publisher.compileMoment(for: period),
            let digest = publisher.digests(for: period, at: message.at).first(where: { $0.key == message.key })
        else {
            return .failure(ReportError(description: "the consolidated report is no longer in the config; not sent"))
        }
        do {
            let compiled = try publisher.compile(period: period, asOf: at, data: store)
            guard let email = publisher.email(compiled, digest: digest) else {
                return .failure(ReportError(description: "\(digest.recipient) has no email address"))
            }
            return .success((digest, email))
        } catch {
            return .failure(ReportError(description: "cannot compile the report for \(period): \(error)"))
        }
    }

    /// `nhacviec report --send`: compiles the period's report as of `now` and sends it
    /// to every recipient that hasn't had it yet (same keys as the scheduled send,
    /// so the daemon won't send it again on the compile day).
    package func sendReport(period: ReportPeriod, now: Date) throws -> PassSummary {
        var summary = PassSummary(nextWake: now)
        try store.refresh(&snapshot)
        let open = publisher.digests(for: period, at: now).filter { digest in
            digest.items.allSatisfy { !snapshot.isRecorded(key: $0.key) }
        }
        try publish(period: period, digests: open, asOf: now, now: now, summary: &summary)
        return summary
    }

    private func publish(
        period: ReportPeriod, digests: [Digest], asOf: Date, now: Date, summary: inout PassSummary
    ) throws {
        guard !digests.isEmpty else { return }
        let compiled: CompiledReport
        do {
            compiled = try publisher.compile(period: period, asOf: asOf, data: store)
            let paths = try publisher.write(compiled)
            logger.notice(
                "consolidated report compiled", metadata: ["report.period": "\(period)", "report.files": "\(paths)"])
        } catch {
            logger.error(
                "cannot compile the consolidated report", metadata: ["report.period": "\(period)", "error": "\(error)"])
            return
        }
        var emails: [(Digest, EmailMessage)] = []
        for digest in digests {
            try store.recordIntent(digest: digest, now: now)
            if let email = publisher.email(compiled, digest: digest) {
                emails.append((digest, email))
            } else {
                recordDead(digest.key, now: now, error: "\(digest.recipient) has no email address", summary: &summary)
            }
        }
        deliver(Composed(emails: emails, calls: []), now: now, summary: &summary)
    }

    /// Compiles and sends the consolidated report of every period whose compile moment
    /// has come (DESIGN §8), under the same catch-up rule as reminders.
    private func publishReports(now: Date, summary: inout PassSummary) throws {
        let catchUp = TimeInterval(config.delivery.catchUp.seconds ?? 3 * 86_400)
        for (period, at) in publisher.periods(compiledAfter: now.addingTimeInterval(-Scheduler.lookback), upTo: now) {
            let open = publisher.digests(for: period, at: at).filter { !snapshot.isRecorded(key: $0.key) }
            guard !open.isEmpty else { continue }
            if now.timeIntervalSince(at) > catchUp {
                let skipped = open.flatMap { digest in
                    digest.items.map { SkippedDelivery(key: $0.key, step: $0.step, channel: .email, reason: .tooOld) }
                }
                summary.skipped += try store.recordSkipped(skipped, at: now)
                continue
            }
            try publish(period: period, digests: open, asOf: at, now: now, summary: &summary)
        }
        if let next = publisher.periods(compiledAfter: now, upTo: now.addingTimeInterval(62 * 86_400)).first?.at {
            summary.nextWake = min(summary.nextWake, next)
        }
    }

    private struct Composed {
        var emails: [(Digest, EmailMessage)]
        var calls: [(Digest, WebhookRequest)]
    }

    /// Turns digests into emails and webhook calls; a digest that can't be composed
    /// (no address, an unusable webhook) is dead-lettered with the reason.
    private func compose(_ digests: [Digest], now: Date, summary: inout PassSummary) -> Composed {
        var composed = Composed(emails: [], calls: [])
        guard !digests.isEmpty else { return composed }
        let statuses = (try? store.currentTaskStatuses()) ?? [:]
        let taskStatus = { (id: String) in statuses[id]?.status }
        var unusable: [(String, String)] = []
        for digest in digests {
            switch digest.channel {
            case .email:
                guard let message = composer.email(for: digest, taskStatus: taskStatus) else {
                    unusable.append((digest.key, "\(digest.recipient) has no email address"))
                    continue
                }
                composed.emails.append((digest, message))
            case .webhook(let id):
                guard let webhook = delivery.webhook(id),
                    let request = composer.webhook(
                        for: digest, url: webhook.url, secret: webhook.secret, now: signingTime(digest, now),
                        taskStatus: taskStatus)
                else {
                    unusable.append((digest.key, "webhook '\(id)' is not configured or its URL cannot be read"))
                    continue
                }
                composed.calls.append((digest, request))
            }
        }
        for (key, reason) in unusable { recordDead(key, now: now, error: reason, summary: &summary) }
        return composed
    }

    /// When a webhook body says it was sent and is signed: the attempt's time, so a
    /// receiver checking signature freshness accepts a retry; in a dry run the
    /// digest's own time, so the outbox copy is the same on every run.
    private func signingTime(_ digest: Digest, _ now: Date) -> Date {
        delivery.mode == .dryRun ? digest.at : now
    }

    /// Sends composed messages whose intents are recorded, then records each outcome.
    private func deliver(
        _ composed: Composed, now: Date, summary: inout PassSummary,
        attemptsSoFar: [String: (attempts: Int, first: Date)] = [:]
    ) {
        let emails = composed.emails
        let calls = composed.calls
        // Emails (one SMTP connection) and webhooks (concurrent calls) go out side by side.
        let sent = delivery.send(emails: emails.map(\.1), webhooks: calls.map(\.1))
        let outcomes = Array(zip(emails.map(\.0), sent.emails)) + Array(zip(calls.map(\.0), sent.webhooks))
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
    private func reportDeadLetters(now: Date) {
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
            let outcome = delivery.send(emails: [alert]).first
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
