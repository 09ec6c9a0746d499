import Foundation
import Synchronization

/// Calls webhooks through one libcurl multi handle on a dedicated thread, many at once.
///
/// `send` suspends the calling task until its call is done; the transfers run
/// concurrently on the transport's thread (never on the Swift cooperative pool),
/// with at most `maxConnectionsPerHost` connections to one host and kept-alive
/// connections reused across calls. Dropping the transport lets calls in flight
/// finish and then ends the thread.
///
/// Classes (DESIGN §5): 2xx delivered; 408, 429, 5xx, no connection and timeouts
/// transient (with the server's `Retry-After`, seconds or HTTP-date, as a
/// duration); every other status permanent, redirects included once they run out
/// or would change the scheme. TLS certificate failures and bad URLs are permanent.
package final class WebhookTransport: Sendable {
    private let worker: CurlMultiWorker
    private let now: @Sendable () -> Date

    /// - Parameter now: the wall clock, for `Retry-After` given as an HTTP-date.
    package init(maxConnectionsPerHost: Int = 4, now: @escaping @Sendable () -> Date = { Date() }) throws {
        do {
            worker = try CurlMultiWorker(maxHostConnections: maxConnectionsPerHost, name: "nhacviec.webhooks")
        } catch {
            throw DeliveryError(.io, path: "libcurl", message: "cannot start the webhook worker: \(error)")
        }
        self.now = now
    }

    deinit {
        worker.shutdown()
    }

    /// Makes one call; returns when it is done.
    package func send(_ request: WebhookRequest) async -> DeliveryOutcome {
        await withCheckedContinuation { continuation in
            start(request) { continuation.resume(returning: $0) }
        }
    }

    /// Starts one call on the transport's thread; `completion` runs there when it is done.
    package func start(_ request: WebhookRequest, completion: @escaping @Sendable (DeliveryOutcome) -> Void) {
        guard CurlHTTPPost.scheme(of: request.url) != nil else {
            completion(.failed(.permanent("the webhook URL must start with http:// or https://")))
            return
        }
        let post = CurlHTTPPost(
            url: request.url, headers: request.headerLines, body: request.body,
            connectTimeout: min(request.timeout, .seconds(10)), timeout: request.timeout)
        let now = self.now
        worker.submit(
            CurlMultiWorker.Job(
                group: post.hostKey,
                start: { () throws(CurlError) -> CurlEasy in try post.makeEasy() },
                finish: { easy, error in
                    let response = easy.map(CurlHTTPResponse.init)
                    completion(Self.outcome(response: response, error: error, now: now()))
                }))
    }

    /// Starts all calls at once; `wait()` on the result blocks the calling thread until
    /// they are done and gives the outcomes in the order of `requests`.
    package func startAll(_ requests: [WebhookRequest]) -> PendingCalls {
        let pending = PendingCalls(count: requests.count)
        for (index, request) in requests.enumerated() {
            start(request) { pending.complete(index, $0) }
        }
        return pending
    }

    /// Calls started with `startAll`, completed on the transport's thread.
    package final class PendingCalls: Sendable {
        private let outcomes: Mutex<[DeliveryOutcome?]>
        private let done = DispatchSemaphore(value: 0)
        private let count: Int

        init(count: Int) {
            self.count = count
            self.outcomes = Mutex(Array(repeating: nil, count: count))
        }

        func complete(_ index: Int, _ outcome: DeliveryOutcome) {
            outcomes.withLock { $0[index] = outcome }
            done.signal()
        }

        /// Blocks until every call is done.
        package func wait() -> [DeliveryOutcome] {
            for _ in 0..<count { done.wait() }
            return outcomes.withLock { $0.map { $0 ?? .failed(.transient("the call did not complete")) } }
        }
    }

    /// Makes all calls concurrently; outcomes in the order of `requests`.
    package func send(_ requests: [WebhookRequest]) async -> [DeliveryOutcome] {
        await withTaskGroup(of: (Int, DeliveryOutcome).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { (index, await self.send(request)) }
            }
            var outcomes = [DeliveryOutcome?](repeating: nil, count: requests.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0 ?? .failed(.transient("the call did not complete")) }
        }
    }

    static func outcome(response: CurlHTTPResponse?, error: CurlError?, now: Date) -> DeliveryOutcome {
        if let error {
            let status = response?.status ?? 0
            let failure: DeliveryFailure
            switch error.category {
            case .rejected where (400..<500).contains(status) && status != 408 && status != 429:
                failure = DeliveryFailure(.permanent, reason: "\(error)", replyCode: status, curlCode: error.rawCode)
            case .connection, .timeout, .tlsHandshake, .other, .rejected:
                failure = DeliveryFailure(
                    .transient(retryAfter: nil), reason: "\(error)", replyCode: status > 0 ? status : nil,
                    curlCode: error.rawCode)
            case .tlsCertificate, .tlsUnavailable, .authentication, .invalidRequest:
                failure = DeliveryFailure(
                    .permanent, reason: "\(error)", replyCode: status > 0 ? status : nil, curlCode: error.rawCode)
            }
            return .failed(failure)
        }
        guard let response else { return .failed(.transient("no response")) }
        let text = String(decoding: response.bodyPrefix.prefix(512), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let status = response.status
        if (200..<300).contains(status) {
            return .delivered(DeliveryReceipt(replyCode: status, replyText: text))
        }
        let reason = "HTTP \(status)" + (text.isEmpty ? "" : ": \(text.prefix(200))")
        if status == 408 || status == 429 || (500..<600).contains(status) {
            let retryAfter = response.retryAfter.flatMap { RetryAfter.parse($0, now: now) }
            return .failed(
                DeliveryFailure(.transient(retryAfter: retryAfter), reason: reason, replyCode: status, replyText: text))
        }
        return .failed(DeliveryFailure(.permanent, reason: reason, replyCode: status, replyText: text))
    }
}
