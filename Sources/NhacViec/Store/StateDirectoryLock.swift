import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a file in the state directory.
///
/// `nhacviec run` holds `<state>/run.lock` for its whole life, so a second
/// daemon on the same state dir fails at once with ``StoreError/Code/locked``
/// (the CLI exits 75); other commands never take it and work beside the daemon.
/// The lock belongs to the open file, so it is released when this object is
/// deallocated or the process ends, even on a crash: a stale lock file is harmless.
package final class StateDirectoryLock: Sendable {
    package static let runLockName = "run.lock"

    package let path: String
    private let descriptor: Int32

    /// Takes `<directory>/run.lock` without waiting; throws ``StoreError/Code/locked``
    /// when another process (or another open of the file) holds it.
    package static func acquire(stateDirectory directory: String) throws(StoreError) -> StateDirectoryLock {
        try StateDirectoryLock(path: (directory as NSString).appendingPathComponent(runLockName), wait: false)
    }

    /// How often a bounded wait (``init(path:wait:waitAtMost:)``) tries the lock again: 20 ms.
    static let retryMicroseconds: useconds_t = 20_000

    /// Opens (creating) `path` and locks it; `wait` blocks until the lock is free
    /// (used for the short store setup lock) instead of failing, for at most `limit`
    /// when one is given (then ``StoreError/Code/setupInProgress``).
    init(path: String, wait: Bool, waitAtMost limit: Duration? = nil) throws(StoreError) {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(
                code: .cannotOpen, path: path, message: "cannot open the lock file",
                underlying: String(cString: strerror(errno)))
        }
        var result: Int32
        if wait, let limit {
            // flock has no timeout: try without blocking until the limit, on the monotonic clock.
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: limit)
            while true {
                result = flock(descriptor, LOCK_EX | LOCK_NB)
                if result == 0 || (errno != EWOULDBLOCK && errno != EINTR) { break }
                if clock.now >= deadline {
                    close(descriptor)
                    throw StoreError(
                        code: .setupInProgress, path: path,
                        message: "another nhacviec process is creating or migrating the state database "
                            + "(it held this lock longer than \(limit))")
                }
                usleep(Self.retryMicroseconds)
            }
        } else {
            repeat {
                result = flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB))
            } while result != 0 && errno == EINTR
        }
        guard result == 0 else {
            let reason = errno
            close(descriptor)
            if reason == EWOULDBLOCK {
                throw StoreError(
                    code: .locked, path: path,
                    message: "another nhacviec run is using this state directory")
            }
            throw StoreError(
                code: .cannotOpen, path: path, message: "cannot lock the lock file",
                underlying: String(cString: strerror(reason)))
        }
        self.descriptor = descriptor
        if !wait { recordHolder() }
    }

    deinit {
        // Closing the last descriptor of the open file releases the flock.
        close(descriptor)
    }

    /// Writes our pid into the lock file, for an operator wondering who holds it.
    /// The lock itself never depends on this content.
    private func recordHolder() {
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0 else { return }
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }
}
