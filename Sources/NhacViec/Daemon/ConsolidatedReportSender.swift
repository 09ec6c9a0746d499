import Foundation
import Logging

/// Compiles the consolidated report when its moment comes (DESIGN §8), writes its
/// files, and e-mails it to each recipient through the ledger like any message:
/// the intent first, then the send, each outcome committed as it comes.
final class ConsolidatedReportSender {
    private let config: Config
    private let store: StateStore
    private let dispatcher: MessageDispatcher
    private let publisher: ReportPublisher
    private let logger: Logger

    init(
        config: Config, calendar: WorkingCalendar, store: StateStore, dispatcher: MessageDispatcher, logger: Logger,
        reportsDirectory: String
    ) {
        self.config = config
        self.store = store
        self.dispatcher = dispatcher
        self.logger = logger
        self.publisher = ReportPublisher(config: config, calendar: calendar, stateDirectory: reportsDirectory)
    }

    struct RebuildError: Error, CustomStringConvertible {
        let description: String
    }

    /// Rebuilds a consolidated-report e-mail after a crash or for a retry: the same
    /// period compiled as of its compile moment, so the same content.
    func email(resending message: UnfinishedMessage) -> Result<(Digest, EmailMessage), RebuildError> {
        guard let item = message.items.first,
            let period = ReportPeriod(parsing: item.occurrence, kind: publisher.periodKind),
            let at = publisher.compileMoment(for: period),
            let digest = publisher.digests(for: period, at: message.at).first(where: { $0.key == message.key })
        else {
            return .failure(RebuildError(description: "the consolidated report is no longer in the config; not sent"))
        }
        do {
            let compiled = try publisher.compile(period: period, asOf: at, data: store)
            guard let email = publisher.email(compiled, digest: digest) else {
                return .failure(RebuildError(description: "\(digest.recipient) has no email address"))
            }
            return .success((digest, email))
        } catch {
            return .failure(RebuildError(description: "cannot compile the report for \(period): \(error)"))
        }
    }

    /// `nhacviec report --send`: compiles the period's report as of `now` and sends it
    /// to every recipient that hasn't had it yet (same keys as the scheduled send,
    /// so the daemon won't send it again on the compile day).
    func send(period: ReportPeriod, now: Date, snapshot: StoreSnapshot, summary: inout PassSummary) throws {
        let open = publisher.digests(for: period, at: now).filter { digest in
            digest.items.allSatisfy { !snapshot.isRecorded(key: $0.key) }
        }
        try publish(period: period, digests: open, asOf: now, now: now, summary: &summary)
    }

    /// Compiles and sends the report of every period whose compile moment has come,
    /// under the same catch-up rule as reminders; returns the next compile moment.
    func publishDue(now: Date, snapshot: StoreSnapshot, summary: inout PassSummary) throws -> Date? {
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
        return publisher.periods(compiledAfter: now, upTo: now.addingTimeInterval(62 * 86_400)).first?.at
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
                "consolidated report compiled",
                metadata: ["report.period": "\(period)", "report.files": "\(paths.joined(separator: ", "))"])
        } catch {
            logger.error(
                "cannot compile the consolidated report", metadata: ["report.period": "\(period)", "error": "\(error)"])
            return
        }
        var outgoing = OutgoingMessages()
        try store.recordIntents(digests, now: now)
        for digest in digests {
            if let email = publisher.email(compiled, digest: digest) {
                outgoing.emails.append((digest, { email }))
            } else {
                dispatcher.recordDead(
                    digest.key, now: now, error: "\(digest.recipient) has no email address", summary: &summary)
            }
        }
        dispatcher.deliver(outgoing, now: now, summary: &summary)
    }
}
