import Foundation
import Logging

/// One poll of the intake mailbox (DESIGN §12): take the new messages by UID,
/// file their reports as `submit` would, record the replies in the ledger, move
/// each message out, then send the replies.
///
/// Order makes it crash-safe: the submission is committed first, then the
/// message's record with its replies (one transaction, keyed by the hash of the
/// message's bytes), then the message is moved and its UID remembered. A crash
/// anywhere re-reads the message: a known hash is only moved again, and a
/// submission already recorded comes back `unchanged` from the store.
package struct EmailIntakePass {
    /// DESIGN §12: at most 1,000 messages a poll; the rest wait, in UID order, for the next.
    package static let maximumPerPoll = 1000
    static let uidValidityKey = "intake.email.uid_validity"
    static let lastUIDKey = "intake.email.last_uid"
    static let lastPollKey = "intake.email.last_poll"
    static let resultKey = "intake.email.result"
    static let backlogKey = "intake.email.backlog"
    static let failingSinceKey = "intake.email.failing_since"

    /// What one poll did.
    package struct Summary: Sendable {
        package var accepted = 0
        package var rejected = 0
        package var ignored = 0
        /// The messages left for the next poll; nil when the mailbox could not be listed.
        package var backlog: Int?
        package var lastUID: UInt32 = 0
        package var repliesSent = 0
        package var error: IMAPError?
        /// A stop (SIGTERM) ended the poll early; not a failure of the mailbox.
        package var interrupted = false

        package var line: String {
            if let error { return "failed: \(error.message)" }
            let counts = "\(accepted) accepted, \(rejected) rejected, \(ignored) ignored"
            let left = backlog.map { ", \($0) left for the next poll" } ?? ""
            return interrupted ? "interrupted by a stop: \(counts)\(left)" : "ok: \(counts)\(left)"
        }
    }

    package let config: Config
    package let settings: EmailIntakeSettings
    package let store: StateStore
    package let mailbox: IMAPMailbox
    package let delivery: DeliveryService
    package let logger: Logger
    /// A stop (the daemon's SIGTERM) ends the pass between messages and before the replies.
    package let stop: StopRequest
    /// The messages one poll takes in (``maximumPerPoll``; smaller in tests of a backlog).
    package let maximumPerPoll: Int

    package init(
        config: Config, settings: EmailIntakeSettings, store: StateStore, mailbox: IMAPMailbox,
        delivery: DeliveryService, logger: Logger, stop: StopRequest = StopRequest(),
        maximumPerPoll: Int = EmailIntakePass.maximumPerPoll
    ) {
        self.maximumPerPoll = maximumPerPoll
        self.config = config
        self.settings = settings
        self.store = store
        self.mailbox = mailbox
        self.delivery = delivery
        self.logger = logger
        self.stop = stop
    }

    /// Polls once at `now`. IMAP failures are logged and recorded (the next poll tries
    /// again); a store failure is thrown (nothing half-recorded is lost: see above).
    package func run(now: Date) throws(StoreError) -> Summary {
        var summary = Summary()
        do {
            try poll(now: now, into: &summary)
            try store.setMetadata(Self.failingSinceKey, to: nil)
            summary.interrupted = stop.isRequested && (summary.backlog ?? 0) > 0
        } catch is IMAPError where stop.isRequested {
            // The stop ended the command under way (see IMAPMailbox.Settings.shouldAbort): the
            // server did nothing wrong, so no failure is recorded and no admin is alerted.
            summary.interrupted = true
        } catch let error as IMAPError {
            summary.error = error
            logger.error(
                "intake mailbox unavailable",
                metadata: ["intake.error": "\(error.message)", "intake.url": "\(settings.serverURL)"])
            try recordFailure(error, now: now)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(code: .database, path: store.databasePath, message: "intake: \(error)")
        }
        try store.setMetadata(Self.lastPollKey, to: WallClock(timeZone: config.organization.timeZone).iso8601(now))
        try store.setMetadata(Self.resultKey, to: summary.line)
        if let backlog = summary.backlog { try store.setMetadata(Self.backlogKey, to: String(backlog)) }
        let retry = RetryPolicy(config.delivery.retry)
        summary.repliesSent = try StoredMessageSender(delivery: delivery, store: store, retry: retry, stop: stop)
            .sendDue(now: now)
        return summary
    }

    private func poll(now: Date, into summary: inout Summary) throws {
        let status = try mailbox.status()
        var lastUID = UInt32(try store.metadata(Self.lastUIDKey) ?? "0") ?? 0
        if let known = try store.metadata(Self.uidValidityKey), known != String(status.uidValidity) {
            // The mailbox was rebuilt: its UIDs mean nothing any more. Rescan it; the
            // hashes of the messages already taken in keep anything from counting twice.
            logger.warning(
                "intake mailbox UIDVALIDITY changed: rescanning",
                metadata: ["intake.old": "\(known)", "intake.new": "\(status.uidValidity)"])
            lastUID = 0
        }
        try store.setMetadata(Self.uidValidityKey, to: String(status.uidValidity))
        try store.setMetadata(Self.lastUIDKey, to: String(lastUID))
        summary.lastUID = lastUID
        if try mailbox.leaveMethod() != .flag {
            try mailbox.ensureFolder(settings.acceptedFolder)
            try mailbox.ensureFolder(settings.rejectedFolder)
        }
        let listing = try mailbox.waiting(after: lastUID, status: status, limit: maximumPerPoll)
        var left = listing.backlog + listing.messages.count
        summary.backlog = left
        for message in listing.messages where !stop.isRequested {
            let outcome = try take(message, uidValidity: status.uidValidity, now: now)
            switch outcome {
            case .accepted: summary.accepted += 1
            case .rejected: summary.rejected += 1
            case .ignored: summary.ignored += 1
            }
            try mailbox.leave(
                uid: message.uid, to: outcome == .accepted ? settings.acceptedFolder : settings.rejectedFolder)
            try store.setMetadata(Self.lastUIDKey, to: String(message.uid))
            summary.lastUID = message.uid
            left -= 1
            summary.backlog = left
        }
    }

    /// Reads, judges and records one message; returns where it goes.
    func take(_ waiting: IMAPMailbox.Waiting, uidValidity: UInt32, now: Date) throws -> EmailIntakeDecision.Outcome {
        let tooLarge = waiting.size > EmailReportExtractor.maximumMessageSize
        let raw = try mailbox.fetch(
            uid: waiting.uid, uidValidity: uidValidity, headerOnly: tooLarge,
            limit: tooLarge ? 1 << 20 : max(waiting.size, 0) + (64 << 10))
        let hash = EmailIntakeDecision.contentHash(raw)
        if let known = try store.intakeMessageOutcome(contentHash: hash) {
            logger.info("intake message already taken in", metadata: ["intake.uid": "\(waiting.uid)"])
            return EmailIntakeDecision.Outcome(rawValue: known) ?? .rejected
        }
        let email = IncomingEmail(raw: raw)
        let receivedAt = min(waiting.arrivedAt ?? now, now)
        var decision = try EmailIntakeDecision.decide(
            email, contentHash: hash, tooLarge: tooLarge, config: config, settings: settings, store: store,
            receivedAt: receivedAt, now: now)
        if decision.rejection != nil, try mailbox.leaveMethod() == .flag {
            // The server can neither move nor expunge: the message stays in the inbox, flagged.
            decision.rejection?.folder = "\(settings.mailbox) (\(IMAPMailbox.doneFlag))"
        }
        try store.recordIntakeMessage(
            contentHash: hash, messageID: email.messageID, sender: email.from?.address, uidValidity: uidValidity,
            uid: waiting.uid, outcome: decision.outcome.rawValue, summary: decision.summary, at: now,
            messages: decision.messages, rejection: decision.rejection)
        logger.info(
            "intake message taken in",
            metadata: [
                "intake.uid": "\(waiting.uid)", "intake.outcome": "\(decision.outcome.rawValue)",
                "intake.summary": "\(decision.summary)",
            ])
        return decision.outcome
    }

    /// Remembers the failure and, once per failure episode, alerts the admins: at once for a
    /// login or TLS problem, after `retry.give_up_after` for an unreachable server.
    private func recordFailure(_ error: IMAPError, now: Date) throws(StoreError) {
        let clock = WallClock(timeZone: config.organization.timeZone)
        let since: Date
        if let text = try store.metadata(Self.failingSinceKey), let date = clock.parse(text) {
            since = date
        } else {
            since = now
            try store.setMetadata(Self.failingSinceKey, to: clock.iso8601(now))
        }
        let giveUp = TimeInterval(config.delivery.retry.giveUpAfter.seconds ?? 86_400)
        guard error.needsAttention || now.timeIntervalSince(since) >= giveUp else { return }
        let admins = config.organization.admins
        guard !admins.isEmpty else { return }
        let english = config.organization.language == .english
        let key = "alert:intake/\(clock.iso8601(since))/imap-failure/admins/email"
        let body =
            english
            ? "nhacviec cannot read the report mailbox \(settings.serverURL)/\(settings.mailbox) since \(clock.iso8601(since)):\n\n\(error.message)\n\nReports sent by e-mail wait in the mailbox until this is fixed."
            : "nhacviec không đọc được hộp thư nhận báo cáo \(settings.serverURL)/\(settings.mailbox) từ \(clock.iso8601(since)):\n\n\(error.message)\n\nBáo cáo gửi qua thư điện tử vẫn nằm trong hộp thư cho đến khi lỗi được khắc phục."
        let message = EmailMessage(
            key: key, from: config.delivery.email?.from ?? settings.address, to: admins,
            subject: english
                ? "[nhacviec] The report mailbox cannot be read" : "[nhacviec] Không đọc được hộp thư nhận báo cáo",
            textBody: body, date: now, timeZone: config.organization.timeZone)
        try store.recordStoredMessage(
            StoredMessage(
                key: key, sender: message.from.address, recipients: message.envelopeRecipients,
                mime: message.rendered(), createdAt: now))
    }
}
