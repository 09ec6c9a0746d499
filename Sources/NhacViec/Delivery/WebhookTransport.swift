import Foundation
import Synchronization

/// Calls webhooks through the shared curl worker (``CurlMultiWorker``), many at once.
///
/// `start` queues a call and returns; its completion runs on the worker thread.
/// At most `maxConnectionsPerHost` calls to one host run at once, over kept-alive
/// connections reused across calls; SMTP sessions run on threads of their own
/// (``SMTPTransport``), so neither waits for the other.
///
/// Classes (DESIGN §5): 2xx delivered; 408, 429, 5xx, no connection and timeouts
/// transient (with the server's `Retry-After`, seconds or HTTP-date, as a
/// duration); every other status permanent, redirects included once they run out
/// or would change the scheme. TLS certificate failures and bad URLs are permanent.
package final class WebhookTransport: Sendable {
    private let worker: CurlMultiWorker
    private let maxConnectionsPerHost: Int
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - worker: the curl worker every transfer goes through.
    ///   - now: the wall clock, for `Retry-After` given as an HTTP-date.
    init(worker: CurlMultiWorker, maxConnectionsPerHost: Int = 8, now: @escaping @Sendable () -> Date = { Date() }) {
        self.worker = worker
        self.maxConnectionsPerHost = max(1, maxConnectionsPerHost)
        self.now = now
    }

    /// Starts one call on the transport's thread; `completion` runs there when it is done.
    /// `shouldStart` is asked just before the transfer begins: false drops the call
    /// without a completion (a stop under way).
    package func start(
        _ request: WebhookRequest, shouldStart: @escaping @Sendable () -> Bool = { true },
        completion: @escaping @Sendable (DeliveryOutcome) -> Void
    ) {
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
                group: post.hostKey, limit: maxConnectionsPerHost,
                shouldStart: shouldStart,
                start: { () throws(CurlError) -> CurlEasy in try post.makeEasy() },
                finish: { easy, error in
                    let response = easy.map(CurlHTTPResponse.init)
                    completion(Self.outcome(response: response, error: error, now: now()))
                }))
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
