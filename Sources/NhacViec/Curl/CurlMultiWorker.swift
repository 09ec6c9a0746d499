import CCurl
import Foundation
import Synchronization

/// A dedicated thread that runs many transfers concurrently through one ``CurlMulti``.
///
/// Jobs can be submitted from any thread or task. Each job builds its easy handle
/// and reads its result on the worker thread, so non-`Sendable` handles never
/// cross threads and nothing blocks the Swift cooperative pool. Submitting wakes
/// the thread with `curl_multi_wakeup`; an idle worker sleeps in `curl_multi_poll`.
///
/// The daemon's webhook calls go through one worker (DESIGN §10). SMTP sessions
/// do not: libcurl waits for the reply to a message's end of data blocking, inside
/// `curl_multi_perform` (`smtp_done`), which would hold every transfer on the
/// handle; they run on threads of their own (``CurlSMTPSessionPool``). At most
/// `limit` transfers of one group (a webhook host) run at once; the rest wait
/// here, not inside curl, because a transfer's
/// timeout starts when it is handed to curl, and a long queue there would time out
/// transfers that never started. Waiting jobs start in the order submitted, so the
/// submitter decides priority (the most urgent e-mail first).
final class CurlMultiWorker: @unchecked Sendable {
    /// One transfer: `start` configures a handle; `finish` gets it back when the
    /// transfer is done (with nil and the error if `start` failed).
    struct Job: Sendable {
        /// Jobs with the same group (scheme, host and port) share the connection limit.
        let group: String
        /// How many jobs of this group may run at once.
        var limit: Int
        /// Asked on the worker thread just before the transfer starts; false drops
        /// the job without calling `finish` (its owner stopped waiting for it).
        var shouldStart: @Sendable () -> Bool = { true }
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
    init(name: String) throws(CurlError) {
        // The per-group limits are kept here; curl's own per-host cap would count
        // every transfer to a host together, whatever its scheme or port.
        multi = try CurlMulti(maxHostConnections: 0)
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
        var finishing: [ObjectIdentifier: (group: String, finish: @Sendable (CurlEasy?, CurlError?) -> Void)] = [:]
        var waiting: [String: [Job]] = [:]
        var active: [String: Int] = [:]
        var limits: [String: Int] = [:]
        while true {
            let (jobs, stopping) = state.withLock { state in
                defer { state.queue.removeAll() }
                return (state.queue, state.stopping)
            }
            for job in jobs {
                waiting[job.group, default: []].append(job)
                limits[job.group] = max(1, job.limit)
            }
            for group in Array(waiting.keys) {
                while active[group, default: 0] < limits[group, default: 1], var queue = waiting[group], !queue.isEmpty
                {
                    let job = queue.removeFirst()
                    waiting[group] = queue.isEmpty ? nil : queue
                    guard job.shouldStart() else { continue }
                    do {
                        let easy = try job.start()
                        try multi.add(easy)
                        finishing[ObjectIdentifier(easy)] = (group, job.finish)
                        active[group, default: 0] += 1
                    } catch {
                        job.finish(nil, error)
                    }
                }
            }
            for (easy, error) in multi.perform() {
                if let entry = finishing.removeValue(forKey: ObjectIdentifier(easy)) {
                    active[entry.group, default: 1] -= 1
                    entry.finish(easy, error)
                }
            }
            if stopping && multi.isEmpty && waiting.isEmpty {
                // `submit` refuses jobs once `stopping` is set, so none can be waiting.
                state.withLock { $0.finished = true }
                return
            }
            // A finished transfer may have freed a slot for a waiting job: loop at once.
            if waiting.values.contains(where: { !$0.isEmpty })
                && waiting.keys.contains(where: { active[$0, default: 0] < limits[$0, default: 1] })
            {
                continue
            }
            // curl_multi_poll returns earlier when curl's own timers need it, and at once
            // on `submit`/`shutdown` (curl_multi_wakeup): an idle worker need not wake up
            // on its own, so it sleeps an hour at a time and keeps the daemon quiet.
            multi.poll(timeoutMilliseconds: multi.isEmpty ? 3_600_000 : 1000)
        }
    }
}
