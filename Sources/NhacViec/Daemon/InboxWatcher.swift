import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the daemon when a file in the inbox is complete, through inotify, so an
/// idle daemon need not scan the folder every minute. A file is complete once its
/// writer closed it (`IN_CLOSE_WRITE`) or it was moved in (`IN_MOVED_TO`); the
/// callback gets those names, on the main queue, and the daemon takes them at once.
final class InboxWatcher {
    private let descriptor: Int32
    private let source: DispatchSourceRead

    /// nil when inotify is unavailable (the daemon then scans once a minute).
    init?(directory: String, onChange: @escaping (Set<String>) -> Void) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .main)
        source.setEventHandler {
            var names: Set<String> = []
            var buffer = [UInt8](repeating: 0, count: 8192)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                names.formUnion(Self.names(in: buffer[..<count]))
            }
            if !names.isEmpty { onChange(names) }
        }
        source.setCancelHandler { close(fd) }
        source.activate()
    }

    /// The file names of a buffer of `struct inotify_event` records.
    static func names(in events: ArraySlice<UInt8>) -> [String] {
        let header = MemoryLayout<inotify_event>.size
        var names: [String] = []
        var offset = events.startIndex
        while offset + header <= events.endIndex {
            // wd, mask, cookie, then the length of the NUL-padded name that follows.
            let length = events[(offset + 12)..<(offset + 16)].enumerated().reduce(0) {
                $0 | Int($1.element) << (8 * $1.offset)
            }
            let start = offset + header
            let end = min(start + length, events.endIndex)
            let name = events[start..<end].prefix { $0 != 0 }
            if !name.isEmpty { names.append(String(decoding: name, as: UTF8.self)) }
            offset = start + length
        }
        return names
    }

    deinit {
        source.cancel()
    }
}
