import NIOCore
import NIOPosix
import Synchronization

/// Where `serve` does its blocking work (SQLite reads, bcrypt, building and rendering a
/// page): threads of its own, so a slow page never occupies Swift's cooperative pool or
/// NIO's event loops, which go on accepting connections and answering cheap requests.
///
/// Work beyond the threads waits in a queue of bounded length; past it a request is
/// refused at once (``WebBusy``, answered 503 with Retry-After) instead of piling up
/// behind pages that would reach their clients too late anyway. Both sizes are
/// `serve --workers N --queue N`.
///
/// Only the blocking work is admitted here: a request's body is read and its response
/// written on the event loops, so a slow client holds a connection, never a thread.
package final class WebWorkers: Sendable {
    /// One thread per core (at least 2, so one slow page leaves another thread free).
    package static let defaultThreads = max(2, System.coreCount)
    package static let defaultQueueLength = 64
    /// `--workers`: each thread costs a stack and, while it reads, a SQLite connection.
    package static let threadRange = 1...256
    /// `--queue`: 0 refuses whatever finds every thread busy.
    package static let queueLengthRange = 0...10_000

    package let threads: Int
    /// Requests admitted at once: running plus waiting.
    package let capacity: Int
    private let pool: NIOThreadPool
    private let admitted = Atomic<Int>(0)

    /// - Precondition: `threads` in ``threadRange`` and `queueLength` in ``queueLengthRange``
    ///   (``WebOptions`` checks what a user gives).
    package init(threads: Int = defaultThreads, queueLength: Int = defaultQueueLength) {
        precondition(Self.threadRange.contains(threads) && Self.queueLengthRange.contains(queueLength))
        self.threads = threads
        self.capacity = threads + queueLength
        pool = NIOThreadPool(numberOfThreads: threads)
    }

    package func start() { pool.start() }

    package func shutdown() async throws { try await pool.shutdownGracefully() }

    /// Runs `work` on one of the threads; throws ``WebBusy`` when `capacity` requests are already in.
    package func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard admitted.add(1, ordering: .relaxed).newValue <= capacity else {
            admitted.subtract(1, ordering: .relaxed)
            throw WebBusy()
        }
        defer {
            // The last request out hands the pages' freed heap back (glibc keeps it otherwise).
            if admitted.subtract(1, ordering: .relaxed).newValue == 0 { HeapTrim.releaseFreedMemory() }
        }
        return try await pool.runIfActive(work)
    }
}

/// Every worker thread is busy and the queue is full.
package struct WebBusy: Error {}
