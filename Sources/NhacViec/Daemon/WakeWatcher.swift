import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the daemon when another process touched `<state>/wake` (``WakeFile``):
/// something new is `pending` in the ledger. Watches the state dir itself, not
/// the file, so a wake file that is deleted and made again is still seen. The
/// callback runs on the main queue.
final class WakeWatcher {
    private let source: DispatchSourceRead

    /// nil when inotify is unavailable (the daemon then finds pending rows at its
    /// next timer, at most an hour later).
    init?(stateDirectory: String, onWake: @escaping () -> Void) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB)
        guard inotify_add_watch(fd, stateDirectory, mask) >= 0 else {
            close(fd)
            return nil
        }
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: .main)
        source.setEventHandler {
            // The state dir also sees the database's own files come and go: only
            // events naming the wake file count.
            var woken = false
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(fd, &buffer, buffer.count)
                guard count > 0 else { break }
                woken = woken || Self.names(in: buffer[0..<count]).contains(WakeFile.name)
            }
            if woken { onWake() }
        }
        source.setCancelHandler { close(fd) }
        source.activate()
    }

    deinit {
        source.cancel()
    }

    /// The file names in a buffer of `struct inotify_event` records.
    static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        Array(bytes).withUnsafeBytes { raw in
            var names: [String] = []
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            let lengthOffset = MemoryLayout<inotify_event>.offset(of: \.len) ?? 12
            while offset + header <= raw.count {
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + lengthOffset, as: UInt32.self))
                let nameStart = offset + header
                let nameEnd = min(nameStart + length, raw.count)
                let name = raw[nameStart..<nameEnd].prefix { $0 != 0 }
                if !name.isEmpty { names.append(String(decoding: name, as: UTF8.self)) }
                offset = nameStart + length
            }
            return names
        }
    }
}
