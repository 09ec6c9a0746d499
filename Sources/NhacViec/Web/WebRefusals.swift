import Logging
import Synchronization

/// Requests `serve` answered 503 without building their page: counted by reason for
/// `/metrics` (`nhacviec_web_requests_refused_total`), and logged at warning level through
/// ``RefusalLog``, so a burst of refusals (a full pool answers hundreds a second) writes a
/// line now and then, never one per request.
package final class WebRefusals: Sendable {
    package enum Reason: String, CaseIterable, Sendable {
        /// Every worker thread busy and the queue full (``WebBusy``).
        case busy
        /// The store's setup lock (the daemon creating or migrating the state) held past `--state-wait`.
        case stateSetup = "state_setup"
    }

    private struct State {
        var totals: [Reason: Int] = [:]
        var log: RefusalLog
    }

    private let state: Mutex<State>
    private let logger: Logger

    package init(logger: Logger, logInterval: Duration = RefusalLog.defaultInterval) {
        self.logger = logger
        state = Mutex(State(log: RefusalLog(interval: logInterval)))
    }

    /// Counts a refusal and logs the refusals not yet logged when the log's interval allows.
    package func record(_ reason: Reason, now: ContinuousClock.Instant = .now) {
        let line = state.withLock { state in
            state.totals[reason, default: 0] += 1
            return state.log.record(reason, at: now)
        }
        guard let line else { return }
        var metadata: Logger.Metadata = [:]
        for reason in Reason.allCases { metadata["web.refused.\(reason.rawValue)"] = "\(line[reason] ?? 0)" }
        logger.warning("requests refused with 503 since the last such line", metadata: metadata)
    }

    /// Refusals since `serve` started, every reason present (0 when none).
    package var totals: [Reason: Int] {
        let totals = state.withLock { $0.totals }
        return Dictionary(uniqueKeysWithValues: Reason.allCases.map { ($0, totals[$0] ?? 0) })
    }
}
