import Dispatch
import Synchronization

/// Messages handed to ``DeliveryService/start(emails:webhooks:)``, whose outcomes
/// the caller takes one at a time as each becomes known (``next(timeout:)``), so
/// it can commit each outcome before the next arrives (DESIGN §5: a crash re-sends
/// at most the messages in flight).
///
/// Network transfers run on the curl worker thread and report here; outbox
/// writes are done by ``next(timeout:)`` itself, one per call, on the caller's
/// thread. Not `Sendable`: one thread drains it.
package final class DeliveryBatch {
    /// Which message an outcome belongs to: its position in the `emails` or `webhooks` given.
    package enum Index: Hashable, Sendable {
        case email(Int)
        case webhook(Int)
    }

    package enum Event: Sendable {
        case outcome(Index, DeliveryOutcome)
        /// Nothing finished within the timeout; more will come.
        case waiting
        /// Every message has its outcome (or was cancelled before it started).
        case finished
    }

    /// Completions from the worker thread.
    final class Mailbox: Sendable {
        private struct State {
            var outcomes: [(Index, DeliveryOutcome)] = []
            var cancelled = false
            /// Messages that will never report: cancelled before they started.
            var dropped = 0
        }
        private let state = Mutex(State())
        private let arrived = DispatchSemaphore(value: 0)

        func complete(_ index: Index, _ outcome: DeliveryOutcome) {
            state.withLock { $0.outcomes.append((index, outcome)) }
            arrived.signal()
        }

        /// Asked by the worker just before a transfer starts: false once cancelled
        /// (the message is then dropped and never reports).
        func shouldStart() -> Bool {
            let start = state.withLock { state -> Bool in
                if state.cancelled { state.dropped += 1 }
                return !state.cancelled
            }
            if !start { arrived.signal() }
            return start
        }

        func cancel() { state.withLock { $0.cancelled = true } }

        fileprivate func take() -> (outcome: (Index, DeliveryOutcome)?, dropped: Int) {
            state.withLock { state in
                let dropped = state.dropped
                state.dropped = 0
                return (state.outcomes.isEmpty ? nil : state.outcomes.removeFirst(), dropped)
            }
        }

        fileprivate func wait(timeout: Duration) -> Bool {
            let nanoseconds = max(
                0, timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
            return arrived.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success
        }
    }

    let mailbox = Mailbox()
    private var local: [(Index, () -> DeliveryOutcome)] = []
    /// Messages whose outcome has not been handed out yet.
    private var remaining: Int
    private var cancelled = false

    init(count: Int) {
        remaining = count
    }

    /// Work done on the draining thread when ``next(timeout:)`` gets to it (outbox writes).
    func addLocal(_ index: Index, _ work: @escaping () -> DeliveryOutcome) {
        local.append((index, work))
    }

    /// The next outcome, waiting up to `timeout` for one.
    package func next(timeout: Duration) -> Event {
        while remaining > 0 {
            let (outcome, dropped) = mailbox.take()
            remaining -= dropped
            if let outcome {
                remaining -= 1
                return .outcome(outcome.0, outcome.1)
            }
            if !local.isEmpty {
                let (index, work) = local.removeFirst()
                remaining -= 1
                return .outcome(index, work())
            }
            if dropped > 0 { continue }
            guard remaining > 0 else { break }
            if !mailbox.wait(timeout: timeout) { return .waiting }
        }
        return .finished
    }

    /// Messages not yet started are dropped: they never report, their intents stay
    /// `pending` for the next start. Transfers under way still report.
    package func cancel() {
        guard !cancelled else { return }
        cancelled = true
        remaining -= local.count
        local.removeAll()
        mailbox.cancel()
    }
}
