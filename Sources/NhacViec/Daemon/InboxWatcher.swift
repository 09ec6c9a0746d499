import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the daemon when something arrives in the inbox, through inotify, so an
/// idle daemon need not scan the folder every minute. The callback runs on the
/// main queue; the daemon then scans after the quiet period (files still being
/// written are left for the next scan).
final class InboxWatcher {
    private let descriptor: Int32
    private let source: DispatchSourceRead

    /// nil when inotify is unavailable (the daemon then scans once a minute).
    init?(directory: String, onChange: @escaping () -> Void) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .main)
        source.setEventHandler {
            // Drain the events; which file changed doesn't matter, the scan looks at all.
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(fd, &buffer, buffer.count) > 0 {}
            onChange()
        }
        source.setCancelHandler { close(fd) }
        source.activate()
    }

    deinit {
        source.cancel()
    }
}
