import Foundation
import Logging

/// The daemon's side of the e-mail intake (DESIGN §10, §12): polls the mailbox
/// on the daemon's one timer, every `intake.email.poll`, on the main thread
/// (libcurl calls block with timeouts; no thread or queue of its own).
package final class EmailIntakePoller {
    private let config: Config
    private let settings: EmailIntakeSettings
    private let store: StateStore
    private let delivery: DeliveryService
    private let environment: [String: String]
    private let logger: Logger
    private let stop: StopRequest
    private var mailbox: IMAPMailbox?
    /// When the next poll is due; the first comes at once.
    package private(set) var nextPoll = Date.distantPast

    /// nil when `intake.email` is not configured.
    package init?(
        config: Config, store: StateStore, stateDirectory: String, environment: [String: String], logger: Logger,
        stop: StopRequest = StopRequest()
    ) throws(ConfigError) {
        guard let settings = config.intake.email else { return nil }
        self.config = config
        self.settings = settings
        self.store = store
        self.environment = environment
        self.logger = logger
        self.stop = stop
        delivery = try DeliveryService(
            config: config, stateDirectory: stateDirectory, mode: .live, environment: environment)
        mailbox = try EmailIntakeRunner.mailbox(settings, config: config, environment: environment, stop: stop)
    }

    package var interval: TimeInterval { TimeInterval(settings.poll.seconds ?? 120) }

    /// Polls if due at `now`; returns when the next poll is due.
    @discardableResult
    package func pollIfDue(now: Date) -> Date {
        guard now >= nextPoll else { return nextPoll }
        nextPoll = now.addingTimeInterval(interval)
        poll(now: now)
        return nextPoll
    }

    /// Polls now (`run --once`). A SIGTERM ends the IMAP command under way within a second
    /// (DESIGN §10: a stop never waits for a stalled server).
    package func poll(now: Date) {
        guard !stop.isRequested else { return }
        do {
            let mailbox =
                try self.mailbox
                ?? EmailIntakeRunner.mailbox(settings, config: config, environment: environment, stop: stop)
            self.mailbox = mailbox
            let summary = try EmailIntakePass(
                config: config, settings: settings, store: store, mailbox: mailbox, delivery: delivery, logger: logger,
                stop: stop
            ).run(now: now)
            if summary.error == nil {
                logger.notice("intake: \(summary.line)", metadata: ["intake.replies": "\(summary.repliesSent)"])
            }
        } catch {
            logger.error("intake poll failed", metadata: ["error": "\(error)"])
        }
    }
}
