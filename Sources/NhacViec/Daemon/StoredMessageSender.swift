import Foundation

/// Sends the ledger's stored messages that are due (DESIGN §5, §12) and records
/// each outcome as soon as it is known: sent, retried with backoff, or dead.
package struct StoredMessageSender {
    package let delivery: DeliveryService
    package let store: StateStore
    package let retry: RetryPolicy
    /// Checked between messages: a stop leaves the rest due for the next run.
    package let stop: StopRequest

    package init(delivery: DeliveryService, store: StateStore, retry: RetryPolicy, stop: StopRequest = StopRequest()) {
        self.delivery = delivery
        self.store = store
        self.retry = retry
        self.stop = stop
    }

    /// Sends what is due at `now`; returns how many went out.
    @discardableResult
    package func sendDue(now: Date) throws(StoreError) -> Int {
        let due = try store.dueStoredMessages(at: now)
        var sent = 0
        for stored in due where !stop.isRequested {
            guard let from = Mailbox(address: stored.sender) else {
                try store.recordStoredMessageOutcome(
                    key: stored.key, status: .dead, at: now, error: "invalid sender \(stored.sender)")
                continue
            }
            var message = EmailMessage(
                key: stored.key, from: from, to: stored.recipients.compactMap { Mailbox(address: $0) }, subject: "",
                textBody: "", date: now, timeZone: .current)
            message.prerendered = stored.mime
            let outcome =
                delivery.sendAll(emails: [message], webhooks: []).emails.first ?? .failed(.transient("no outcome"))
            switch outcome {
            case .delivered(let receipt):
                sent += 1
                try store.recordStoredMessageOutcome(
                    key: stored.key, status: .sent, at: now, reply: "\(receipt.replyCode) \(receipt.replyText)")
            case .failed(let failure):
                var status = DeliveryStatus.dead
                var next: Date?
                if failure.isTransient,
                    case .retry(let at) = retry.decide(
                        key: stored.key, attempts: stored.attempts + 1, firstAttempt: stored.createdAt, now: now,
                        retryAfter: failure.retryAfter)
                {
                    status = .retrying
                    next = at
                }
                try store.recordStoredMessageOutcome(
                    key: stored.key, status: status, at: now, error: failure.description, nextAttemptAt: next)
            }
        }
        return sent
    }
}
