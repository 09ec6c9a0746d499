import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers SIGHUP, SIGTERM and SIGINT to ordinary code, whatever thread the
/// kernel picks: the handler only writes the signal number to a pipe (the one
/// async-signal-safe thing it needs), and a dedicated thread reads the pipe and
/// calls back. Unlike a Dispatch signal source it needs no Dispatch worker thread.
enum SignalRelay {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// Installs the handlers and starts the reading thread; `handle` runs on that thread.
    static func start(_ handle: @escaping @Sendable (Int32) -> Void) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        writeEnd = fds[1]
        let readEnd = fds[0]
        for number in [SIGHUP, SIGTERM, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(SignalRelay.writeEnd, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        // A parent (a test runner, a shell) may have left these blocked, and a blocked
        // signal never reaches its handler: unblock them here and in the relay thread.
        unblock()
        let thread = Thread {
            unblock()
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count == 1 {
                    handle(Int32(byte))
                } else if count < 0 && errno != EINTR {
                    return
                }
            }
        }
        thread.name = "nhacviec.signals"
        thread.start()
    }

    private static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGHUP, SIGTERM, SIGINT] { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
