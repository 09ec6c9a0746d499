import Dispatch
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// SIGHUP, SIGTERM and SIGINT for `nhacviec run`, handled from the first instant
/// (DESIGN §10): installed before the config is read, so a signal during start-up
/// or the first pass is never fatal.
///
/// A stop sets ``stop`` at once (the engine checks it between messages) and asks
/// the main thread to stop; a reload asks the main thread to reload. The main
/// thread picks those requests up whenever it is back in its run loop; until the
/// daemon sets ``onStop``/``onReload`` (at the end of its start-up) a reload is
/// simply run later and a stop waits for the pass to wind down.
package enum DaemonSignals {
    /// Checked by the engine between messages.
    package static let stop = StopRequest()
    /// Only read and written on the main thread.
    nonisolated(unsafe) static var onStop: ((Int32) -> Void)?
    nonisolated(unsafe) static var onReload: (() -> Void)?
    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers (once; later calls do nothing).
    package static func install(logger: Logger) {
        guard !installed else { return }
        installed = true
        SignalRelay.start { number in
            if number == SIGHUP {
                DispatchQueue.main.async { onReload?() }
                return
            }
            stop.request(signal: number)
            DispatchQueue.main.async { onStop?(number) }
            // If a send is still under way after the grace period, leave: its intent
            // is committed, so the next start resends it with the same key.
            Thread.sleep(forTimeInterval: Daemon.stopGrace)
            logger.warning("stop grace period over; in-flight sends will be resent on the next start")
            exit(ExitStatus.ok.rawValue)
        }
    }
}
