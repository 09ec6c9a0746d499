import CCurl
import Foundation
import Synchronization

/// A dedicated thread that runs many transfers concurrently through one ``CurlMulti``.
///
/// Jobs can be submitted from any thread or task. Each job builds its easy handle
/// and reads its result on the worker thread, so non-`Sendable` handles never
/// cross threads and nothing blocks the Swift cooperative pool. Submitting wakes
/// the thread with `curl_multi_wakeup`; an idle worker sleeps in `curl_multi_poll`.
final class CurlMultiWorker: @unchecked Sendable {
    /// One transfer: `start` configures a handle; `finish` gets it back when the
    /// transfer is done (with nil and the error if `start` failed).
    struct Job: Sendable {
        let start: @Sendable () throws(CurlError) -> CurlEasy
        let finish: @Sendable (CurlEasy?, CurlError?) -> Void
    }

    private struct State {
        var queue: [Job] = []
        var stopping = false
        var finished = false
    }

    // Only touched on the worker thread, except `wakeup()` under the state lock.
    private let multi: CurlMulti
    private let state = Mutex(State())

    /// Starts the worker thread.
    init(maxHostConnections: Int, name: String) throws(CurlError) {
        multi = try CurlMulti(maxHostConnections: maxHostConnections)
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// Queues a job; after ``shutdown()`` it finishes at once with an error.
    func submit(_ job: Job) {
        let accepted = state.withLock { state -> Bool in
            guard !state.stopping else { return false }
            state.queue.append(job)
            multi.wakeup()
            return true
        }
        if !accepted {
            job.finish(nil, CurlError(code: CURLE_FAILED_INIT, detail: "the transfer worker has shut down"))
        }
    }

    /// Lets in-flight and queued transfers finish, then ends the thread.
    func shutdown() {
        state.withLock { state in
            state.stopping = true
            if !state.finished { multi.wakeup() }
        }
    }

    private func run() {
        var finishing: [ObjectIdentifier: @Sendable (CurlEasy?, CurlError?) -> Void] = [:]
        while true {
            let (jobs, stopping) = state.withLock { state in
                defer { state.queue.removeAll() }
                return (state.queue, state.stopping)
            }
            for job in jobs {
                do {
                    let easy = try job.start()
                    try multi.add(easy)
                    finishing[ObjectIdentifier(easy)] = job.finish
                } catch {
                    job.finish(nil, error)
                }
            }
            for (easy, error) in multi.perform() {
                finishing.removeValue(forKey: ObjectIdentifier(easy))?(easy, error)
            }
            if stopping && multi.isEmpty {
                // `submit` refuses jobs once `stopping` is set, so none can be waiting.
                state.withLock { $0.finished = true }
                return
            }
            // curl_multi_poll returns earlier when curl's own timers need it.
            multi.poll(timeoutMilliseconds: multi.isEmpty ? 60_000 : 1000)
        }
    }
}
