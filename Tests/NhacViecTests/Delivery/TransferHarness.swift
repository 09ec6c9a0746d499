import Foundation

@testable import NhacViec

/// Runs the transports exactly as ``DeliveryService`` does: jobs on one curl
/// worker thread, outcomes taken one by one from a ``DeliveryBatch``.
final class TransferHarness {
    let worker: CurlMultiWorker

    init() throws {
        worker = try CurlMultiWorker(name: "nhacviec.test-curl")
    }

    deinit {
        worker.shutdown()
    }

    /// Starts every message with `start` and waits for all outcomes (in the order given).
    func run<Message>(
        _ messages: [Message],
        start: (Message, @escaping @Sendable () -> Bool, @escaping @Sendable (DeliveryOutcome) -> Void) -> Void
    ) -> [DeliveryOutcome] {
        let batch = DeliveryBatch(count: messages.count)
        let mailbox = batch.mailbox
        for (index, message) in messages.enumerated() {
            start(message, { mailbox.shouldStart() }) { mailbox.complete(.email(index), $0) }
        }
        var outcomes = [DeliveryOutcome?](repeating: nil, count: messages.count)
        while true {
            switch batch.next(timeout: .seconds(1)) {
            case .outcome(.email(let index), let outcome), .outcome(.webhook(let index), let outcome):
                outcomes[index] = outcome
            case .waiting: continue
            case .finished: return outcomes.map { $0 ?? .failed(.transient("no outcome")) }
            }
        }
    }
}

/// An SMTP transport with its own sessions, sending the way the daemon does.
final class TestSMTP {
    let harness: TransferHarness
    let transport: SMTPTransport

    init(settings: SMTPSettings, connections: Int = 1) throws {
        harness = try TransferHarness()
        transport = SMTPTransport(settings: settings, connections: connections)
    }

    func send(_ messages: [EmailMessage]) -> [DeliveryOutcome] {
        harness.run(messages) { message, shouldStart, completion in
            transport.start(message, shouldStart: shouldStart, completion: completion)
        }
    }

    func send(_ message: EmailMessage) -> DeliveryOutcome {
        send([message])[0]
    }
}

/// A webhook transport on its own worker, calling the way the daemon does.
final class TestWebhooks {
    let harness: TransferHarness
    let transport: WebhookTransport

    init(maxConnectionsPerHost: Int = 8, now: @escaping @Sendable () -> Date = { Date() }) throws {
        harness = try TransferHarness()
        transport = WebhookTransport(worker: harness.worker, maxConnectionsPerHost: maxConnectionsPerHost, now: now)
    }

    func send(_ requests: [WebhookRequest]) -> [DeliveryOutcome] {
        harness.run(requests) { request, shouldStart, completion in
            transport.start(request, shouldStart: shouldStart, completion: completion)
        }
    }

    func send(_ request: WebhookRequest) -> DeliveryOutcome {
        send([request])[0]
    }
}
