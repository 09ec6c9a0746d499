import Foundation
import Logging

/// One pass of the daemon's work at a given instant: resend what a crash left
/// unsent, retry what is due, ask the scheduler what fired, record intents,
/// deliver and record each outcome, then let the report sender and the admin
/// alerts do their part. `run --once` is one pass; the daemon runs a pass
/// whenever its timer fires.
///
/// Every send follows the same order (DESIGN §5): the intent is committed, then
/// the message goes out, then its outcome is committed, message by message
/// (``MessageDispatcher``). A crash in between leaves a `pending` row that the
/// next pass resends with the same key.
package final class ReminderEngine {
    package let config: Config
    private let store: StateStore
    private let delivery: DeliveryService
    private let composer: MessageComposer
    private let rebuilder: DigestRebuilder
    private let logger: Logger
    private let stop: StopRequest
    private var scheduler: Scheduler
    private var snapshot: StoreSnapshot
    private let dispatcher: MessageDispatcher
    private let reports: ConsolidatedReportSender
    private let alerts: AdminAlerts
    private var lastRunRecorded: Date?
    private let forms: ReminderFormAttacher
    private let storedMessages: StoredMessageSender
    private let rejectedMail: RejectedMailLister

    /// - Parameters:
    ///   - stop: checked between messages; a stop ends the pass early.
    ///   - unitLinks: signs the units' page links reminders carry (nil: none).
    package init(
        config: Config, store: StateStore, delivery: DeliveryService, logger: Logger, reportsDirectory: String,
        stop: StopRequest = StopRequest(), unitLinks: WebLinks? = nil
    ) throws(StoreError) {
        self.config = config
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        self.store = store
        self.delivery = delivery
        var composer = MessageComposer(config: config, calendar: calendar)
        composer.unitLinks = unitLinks
        self.composer = composer
        self.rebuilder = DigestRebuilder(config: config, calendar: calendar)
        self.logger = logger
        self.stop = stop
        self.scheduler = Scheduler(config: config, calendar: calendar)
        self.snapshot = try store.loadSnapshot()
        let dispatcher = MessageDispatcher(
            delivery: delivery, store: store, retry: RetryPolicy(config.delivery.retry), logger: logger,
            clock: WallClock(timeZone: config.organization.timeZone), stop: stop)
        self.dispatcher = dispatcher
        self.reports = ConsolidatedReportSender(
            config: config, calendar: calendar, store: store, dispatcher: dispatcher, logger: logger,
            reportsDirectory: reportsDirectory)
        self.storedMessages = StoredMessageSender(
            delivery: delivery, store: store, retry: RetryPolicy(config.delivery.retry), stop: stop)
        self.alerts = AdminAlerts(
            store: store, dispatcher: dispatcher, composer: composer, storedMessages: storedMessages, logger: logger)
        self.forms = ReminderFormAttacher(config: config, store: store, logger: logger)
        self.rejectedMail = RejectedMailLister(config: config, store: store, logger: logger)
    }

    /// Does everything due at or before `now`; returns what it did and when to come back.
    package func pass(now: Date) -> PassSummary {
        var summary = PassSummary(nextWake: now.addingTimeInterval(3600))
        do {
            try store.refresh(&snapshot)
            resendUnfinished(now: now, summary: &summary)
            try store.refresh(&snapshot)
            if !stop.isRequested { try sendScheduled(now: now, summary: &summary) }
            if !stop.isRequested {
                try store.refresh(&snapshot)
                if let next = try reports.publishDue(now: now, snapshot: snapshot, summary: &summary) {
                    summary.nextWake = min(summary.nextWake, next)
                }
            }
            alerts.reportConfigurationProblems(now: now, summary: &summary)
            // Receipts, error replies and notices recorded by the intake, `serve` or `submit` go out
            // on every pass, not only on mailbox polls (a stop ends it between messages).
            if !stop.isRequested { summary.sent += try storedMessages.sendDue(now: now) }
            if !stop.isRequested { alerts.reportDeadLetters(now: now, summary: &summary) }
            if let retryAt = try store.unfinishedMessages().compactMap(\.nextAttemptAt).min() {
                summary.nextWake = min(summary.nextWake, max(retryAt, now))
            }
            // A pending stored message (recorded by another process) or a stored retry wakes the daemon.
            if let storedAt = try store.nextStoredMessageAttempt() {
                summary.nextWake = min(summary.nextWake, max(storedAt, now))
            }
            // `last run` is for people reading `status`: written when the pass did something,
            // else hourly, so an idle daemon doesn't sync the database every minute.
            if summary.didWork || lastRunRecorded.map({ now.timeIntervalSince($0) >= 3600 || now < $0 }) ?? true {
                try store.setLastRun(now)
                lastRunRecorded = now
            }
            try store.refresh(&snapshot)
        } catch {
            // The store failing (disk full, permissions) is logged and retried at the
            // next wake; nothing was sent without its intent being recorded first.
            summary.storeFailures += 1
            logger.error("state store error; will retry", metadata: ["error": "\(error)"])
            summary.nextWake = min(summary.nextWake, now.addingTimeInterval(60))
        }
        // The burst is over: idle SMTP sessions close rather than sleep on open connections.
        delivery.closeIdleSessions()
        return summary
    }

    /// `nhacviec report --send`: the period's report, compiled now, to every
    /// recipient that has not had it yet.
    package func sendReport(period: ReportPeriod, now: Date) throws -> PassSummary {
        var summary = PassSummary(nextWake: now)
        try store.refresh(&snapshot)
        try reports.send(period: period, now: now, snapshot: snapshot, summary: &summary)
        return summary
    }

    /// What the scheduler says is due now: skips recorded, intents recorded, messages sent.
    private func sendScheduled(now: Date, summary: inout PassSummary) throws {
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
                    "skip.count": "\(summary.skipped)",
                    "skip.reasons": "\(Set(skipped.map(\.reason)).sorted().joined(separator: ", "))",
                ])
        }
        // Every intent is committed before the first message goes out (DESIGN §5).
        try store.recordIntents(digests, now: now)
        dispatcher.deliver(compose(digests, now: now, summary: &summary), now: now, summary: &summary)
    }

    /// Intents without an outcome (a crash mid-send) and retries whose time has come.
    private func resendUnfinished(now: Date, summary: inout PassSummary) {
        let unfinished: [UnfinishedMessage]
        do {
            unfinished = try store.unfinishedMessages()
        } catch {
            summary.storeFailures += 1
            logger.error("cannot read unfinished deliveries", metadata: ["error": "\(error)"])
            return
        }
        var digests: [Digest] = []
        var reportEmails: [(Digest, EmailMessage)] = []
        for message in unfinished where message.status == .pending || (message.nextAttemptAt ?? now) <= now {
            if message.items.first?.duty == .consolidatedReport {
                switch reports.email(resending: message) {
                case .success(let email): reportEmails.append(email)
                case .failure(let error):
                    dispatcher.recordDead(message.key, now: now, error: error.description, summary: &summary)
                }
                continue
            }
            switch rebuilder.digest(for: message, difficulties: snapshot.difficulties) {
            case .success(let digest):
                digests.append(digest)
            case .failure(.noLongerScheduled(let key)):
                dispatcher.recordDead(
                    message.key, now: now, error: "no longer in the config (item \(key)); not sent", summary: &summary)
            }
        }
        guard !digests.isEmpty || !reportEmails.isEmpty else { return }
        summary.retried += digests.count + reportEmails.count
        logger.info(
            "resending unfinished deliveries", metadata: ["delivery.count": "\(digests.count + reportEmails.count)"])
        var outgoing = compose(digests, now: now, summary: &summary)
        outgoing.emails += reportEmails.map { digest, email in (digest, { email }) }
        dispatcher.deliver(
            outgoing, now: now, summary: &summary,
            attemptsSoFar: Dictionary(
                unfinished.map { ($0.key, ($0.attempts, $0.firstRecordedAt)) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// Turns digests into emails and webhook calls; a digest that can't be composed
    /// (no address, an unusable webhook) is dead-lettered with the reason. E-mails are
    /// composed, their refused-mail list claimed and their forms attached when their
    /// turn to be sent comes (see ``OutgoingMessages``).
    private func compose(_ digests: [Digest], now: Date, summary: inout PassSummary) -> OutgoingMessages {
        var outgoing = OutgoingMessages()
        guard !digests.isEmpty else { return outgoing }
        let statuses = (try? store.currentTaskStatuses()) ?? [:]
        let taskStatus = { (id: String) in statuses[id]?.status }
        var unusable: [(String, String)] = []
        for digest in digests {
            switch digest.channel {
            case .email:
                guard composer.hasEmailAddress(digest) else {
                    unusable.append((digest.key, "\(digest.recipient) has no email address"))
                    continue
                }
                outgoing.emails.append((digest, composing(digest, taskStatus: taskStatus)))
            case .webhook(let id):
                guard let webhook = delivery.webhook(id),
                    let request = composer.webhook(
                        for: digest, url: webhook.url, secret: webhook.secret, now: signingTime(digest, now),
                        taskStatus: taskStatus)
                else {
                    unusable.append((digest.key, "webhook '\(id)' is not configured or its URL cannot be read"))
                    continue
                }
                outgoing.calls.append((digest, request))
            }
        }
        for (key, reason) in unusable { dispatcher.recordDead(key, now: now, error: reason, summary: &summary) }
        return outgoing
    }

    /// The digest's e-mail, composed when called: its refused-mail list claimed and its
    /// forms attached then, when its turn to be sent comes.
    private func composing(
        _ digest: Digest, taskStatus: @escaping (String) -> TaskStatus?
    ) -> DeliveryService.ComposeEmail {
        { [composer, forms, rejectedMail] in
            let rejections = rejectedMail.rejections(for: digest)
            guard var message = composer.email(for: digest, taskStatus: taskStatus, rejectedMail: rejections)
            else { return nil }
            message.attachments += forms.attachments(for: digest)
            return message
        }
    }

    /// When a webhook body says it was sent and is signed: the attempt's time, so a
    /// receiver checking signature freshness accepts a retry; in a dry run the
    /// digest's own time, so the outbox copy is the same on every run.
    private func signingTime(_ digest: Digest, _ now: Date) -> Date {
        delivery.mode == .dryRun ? digest.at : now
    }
}
