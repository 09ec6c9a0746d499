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
///
/// Transfers are handed to the worker a window at a time (e-mails and webhook
/// calls each their own window, so neither waits for the other): a new one
/// starts only when an earlier outcome has been taken by the caller. So however
/// far the caller's commits lag behind the network, a crash can only re-send the
/// messages of one window.
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

    /// Transfers of one kind not yet handed to the worker, and how many may be out at once.
    private struct Lane {
        var window: Int
        var waiting: [() -> Void] = []
        var out = 0
    }

    let mailbox = Mailbox()
    private var local: [(Index, () -> DeliveryOutcome)] = []
    private var emails = Lane(window: 1)
    private var webhooks = Lane(window: 1)
    /// Messages whose outcome has not been handed out yet.
    private var remaining: Int
    private var cancelled = false

    /// - Parameters:
    ///   - emailWindow: how many e-mails may be with the worker or awaiting their
    ///     commit at once; `webhookWindow` the same for webhook calls.
    init(count: Int, emailWindow: Int = 1, webhookWindow: Int = 1) {
        remaining = count
        emails.window = max(1, emailWindow)
        webhooks.window = max(1, webhookWindow)
    }

    /// Work done on the draining thread when ``next(timeout:)`` gets to it (outbox writes).
    func addLocal(_ index: Index, _ work: @escaping () -> DeliveryOutcome) {
        local.append((index, work))
    }

    /// A transfer for the worker; `submit` hands it over (it must end in
    /// ``Mailbox/complete(_:_:)`` or a refused ``Mailbox/shouldStart()``).
    func addTransfer(_ index: Index, submit: @escaping () -> Void) {
        switch index {
        case .email:
            emails.waiting.append(submit)
            refill(&emails)
        case .webhook:
            webhooks.waiting.append(submit)
            refill(&webhooks)
        }
    }

    private func refill(_ lane: inout Lane) {
        while !cancelled, lane.out < lane.window, !lane.waiting.isEmpty {
            lane.out += 1
            lane.waiting.removeFirst()()
        }
    }

    /// A transfer's outcome was handed out: its lane may send another.
    private func settled(_ index: Index) {
        switch index {
        case .email:
            emails.out -= 1
            refill(&emails)
        case .webhook:
            webhooks.out -= 1
            refill(&webhooks)
        }
    }

    /// The next outcome, waiting up to `timeout` for one.
    package func next(timeout: Duration) -> Event {
        while remaining > 0 {
            let (outcome, dropped) = mailbox.take()
            remaining -= dropped
            if let outcome {
                remaining -= 1
                settled(outcome.0)
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
        remaining -= local.count + emails.waiting.count + webhooks.waiting.count
        local.removeAll()
        emails.waiting.removeAll()
        webhooks.waiting.removeAll()
        mailbox.cancel()
    }
}
