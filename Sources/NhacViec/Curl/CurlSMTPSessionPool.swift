import CCurl
import Foundation

/// Up to `size` SMTP sessions to one server, each on its own thread with its own
/// ``CurlSMTPConnection`` (issue 15), carrying message after message.
///
/// Why threads and not the shared ``CurlMultiWorker``: libcurl's `smtp_done()`
/// waits for the reply to the end of a message's data *blocking*, inside
/// `curl_multi_perform` (lib/smtp.c, `smtp_block_statemach`; true in 7.88 and
/// still in current curl). On a shared multi handle every session therefore
/// queued behind every other one's final reply (one round trip each, so more
/// sessions made a burst slower), and a server that hung after one message's data
/// froze every transfer, webhooks included, until that message's timeout. Here a
/// session blocks only its own thread: it runs `curl_easy_perform` on its own easy
/// handle, whose private connection cache keeps its connection to itself (no
/// connection is ever handed from one session to another).
///
/// Messages wait in one queue in the order submitted (the submitter puts the most
/// urgent first) and the next free session takes the next one. Sessions start on
/// demand; a session sleeps on a condition variable between messages (no timer,
/// so an idle daemon is not woken) and ends, closing its connection, after
/// ``retireIdleSessions()`` or ``shutdown()``.
final class CurlSMTPSessionPool: @unchecked Sendable {
    /// One message for the next free session.
    struct Job: Sendable {
        /// Asked on the session's thread just before the message starts; false drops
        /// it without calling `finish` (its owner stopped waiting for it).
        var shouldStart: @Sendable () -> Bool
        let sender: String
        let recipients: [String]
        let message: [UInt8]
        /// Runs on the session's thread with what happened, or with the error that
        /// kept the session from being set up.
        let finish: @Sendable (Result<CurlSMTPConnection.Result, CurlError>) -> Void
    }

    private let options: CurlSMTPConnection.Options
    private let size: Int
    private let name: String
    // Guards everything below; sessions sleep on it between messages.
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var queueStart = 0
    private var sessions = 0
    private var idle = 0
    private var retiring = false
    private var stopping = false

    /// - Parameters:
    ///   - size: at most this many sessions (and connections) at once.
    ///   - name: the threads' name, for `top -H` and debuggers.
    init(options: CurlSMTPConnection.Options, size: Int, name: String) {
        self.options = options
        self.size = max(1, size)
        self.name = name
    }

    /// How many session threads are running (busy or idle).
    var sessionCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return sessions
    }

    /// Queues a message for the next free session, starting a session if every
    /// running one is busy and fewer than `size` run. After ``shutdown()`` the job
    /// finishes at once with an error.
    func submit(_ job: Job) {
        condition.lock()
        guard !stopping else {
            condition.unlock()
            job.finish(.failure(CurlError(code: CURLE_FAILED_INIT, detail: "the SMTP sessions have shut down")))
            return
        }
        queue.append(job)
        retiring = false
        let waiting = queue.count - queueStart
        let startSession = sessions < size && waiting > idle
        if startSession { sessions += 1 }
        condition.signal()
        condition.unlock()
        if startSession {
            let thread = Thread { [self] in runSession() }
            thread.name = name
            thread.start()
        }
    }

    /// Ends the sessions that have nothing to do, closing their connections (sends
    /// `QUIT`) and freeing their memory; called once a burst is over. A session
    /// busy with a message ends after it unless more messages come.
    func retireIdleSessions() {
        condition.lock()
        retiring = true
        condition.broadcast()
        condition.unlock()
    }

    /// Lets queued messages go out (or be dropped by their `shouldStart`), then ends every session.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while queueStart == queue.count {
            if stopping || retiring {
                sessions -= 1
                return nil
            }
            idle += 1
            condition.wait()
            idle -= 1
        }
        let job = queue[queueStart]
        queueStart += 1
        if queueStart == queue.count {
            // Drained: drop the consumed jobs (and the messages they hold) at once.
            queue.removeAll()
            queueStart = 0
        }
        return job
    }

    private func runSession() {
        var connection: CurlSMTPConnection?
        while let job = nextJob() {
            guard job.shouldStart() else { continue }
            do throws(CurlError) {
                let session: CurlSMTPConnection
                if let connection {
                    session = connection
                } else {
                    session = try CurlSMTPConnection(options: options)
                }
                let result = try session.send(sender: job.sender, recipients: job.recipients, message: job.message)
                // A session whose message failed starts afresh: a handle that timed out
                // waiting for a hung server must not carry its state into the next message.
                connection = result.error == nil ? session : nil
                job.finish(.success(result))
            } catch {
                connection = nil
                job.finish(.failure(error))
            }
        }
        // Leaving the loop closes the connection (curl_easy_cleanup sends QUIT) on this thread.
        connection = nil
        condition.lock()
        let last = sessions == 0
        condition.unlock()
        // The last session of a burst to end hands the burst's memory back (its
        // thread's arena included); the main thread does the same after its pass.
        if last { HeapTrim.releaseFreedMemory() }
    }
}
