import Foundation
import Logging

/// Sends composed messages whose intents are committed and commits each outcome
/// the moment it is known (DESIGN §5): a crash re-sends at most the messages in
/// flight, never a whole batch. Shared by reminders, consolidated reports and
/// admin alerts, so every message the daemon sends follows the same ledger rules.
final class MessageDispatcher {
    /// After a stop request, how long transfers already under way may still finish
    /// and be recorded (the daemon's hard limit, ``Daemon/stopGrace``, is longer).
    static let stopWait: Duration = .seconds(5)
    /// How long the main thread waits for an outcome before checking for a stop.
    static let pollInterval: Duration = .milliseconds(250)

    let delivery: DeliveryService
    private let store: StateStore
    private let retry: RetryPolicy
    private let logger: Logger
    private let clock: WallClock
    private let stop: StopRequest
    /// Server-configuration failures seen since the admins were last told,
    /// by the config key to fix (``AdminAlerts`` reads and clears them).
    var configurationProblems: [String: String] = [:]
    /// Whether an e-mail was delivered since ``AdminAlerts`` last looked: the mail
    /// server's configuration works, so the problems it was told about are over.
    var emailDelivered = false

    init(
        delivery: DeliveryService, store: StateStore, retry: RetryPolicy, logger: Logger, clock: WallClock,
        stop: StopRequest
    ) {
        self.delivery = delivery
        self.store = store
        self.retry = retry
        self.logger = logger
        self.clock = clock
        self.stop = stop
    }

    /// Sends the messages, most urgent first, recording each outcome as it comes.
    /// Returns early when a stop is requested: messages not started stay `pending`.
    func deliver(
        _ outgoing: OutgoingMessages, now: Date, summary: inout PassSummary,
        attemptsSoFar: [String: (attempts: Int, first: Date)] = [:]
    ) {
        guard !outgoing.isEmpty else { return }
        let ordered = outgoing.mostUrgentFirst()
        let batch = delivery.start(composing: ordered.emails.map(\.1), webhooks: ordered.calls.map(\.1))
        let monotonic = ContinuousClock()
        var stopDeadline: ContinuousClock.Instant?
        while true {
            if stop.isRequested && stopDeadline == nil {
                batch.cancel()
                stopDeadline = monotonic.now.advanced(by: Self.stopWait)
                summary.stopped = true
                logger.notice("stopping: no new messages are started; those under way are awaited")
            }
            if let stopDeadline, monotonic.now >= stopDeadline { return }
            switch batch.next(timeout: Self.pollInterval) {
            case .outcome(let index, let outcome):
                let digest =
                    switch index {
                    case .email(let position): ordered.emails[position].0
                    case .webhook(let position): ordered.calls[position].0
                    }
                let previous = attemptsSoFar[digest.key]
                record(
                    outcome, for: digest, now: now, attempts: (previous?.attempts ?? 0) + 1,
                    firstAttempt: previous?.first ?? now, summary: &summary)
            case .waiting:
                continue
            case .finished:
                return
            }
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
                if digest.channel == .email { emailDelivered = true }
                try store.recordSent(messageKey: digest.key, at: now, reply: reply)
                summary.sent += 1
                logger.info("sent", metadata: metadata.merging(["delivery.reply": "\(receipt.replyCode)"]) { $1 })
            case .failed(let failure):
                if let fix = failure.configurationFix { configurationProblems[fix] = failure.reason }
                guard failure.isTransient else {
                    recordDead(digest.key, now: now, error: failure.description, summary: &summary)
                    return
                }
                switch retry.decide(
                    key: digest.key, attempts: attempts, firstAttempt: firstAttempt, now: now,
                    retryAfter: failure.retryAfter)
                {
                case .retry(let at):
                    try store.recordFailure(messageKey: digest.key, at: now, error: failure.description, retryAt: at)
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
        } catch {
            summary.storeFailures += 1
            logger.error("cannot record a delivery outcome", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    func recordDead(_ key: String, now: Date, error: String, summary: inout PassSummary) {
        do {
            try store.recordDead(messageKey: key, at: now, error: error)
            summary.dead += 1
            logger.error("dead letter", metadata: ["delivery.key": "\(key)", "delivery.error": "\(error)"])
        } catch {
            summary.storeFailures += 1
            logger.error("cannot record a dead letter", metadata: ["delivery.key": "\(key)", "error": "\(error)"])
        }
    }
}
