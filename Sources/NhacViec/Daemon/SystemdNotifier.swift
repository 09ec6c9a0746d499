import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Speaks systemd's `sd_notify` protocol (READY=1, STATUS=…, RELOADING=1,
/// STOPPING=1, WATCHDOG=1) without libsystemd: one datagram to `$NOTIFY_SOCKET`.
///
/// Without `NOTIFY_SOCKET` (not under systemd, or `Type=simple`) every call is a no-op.
package final class SystemdNotifier: Sendable {
    private let socketPath: String?

    package init(environment: [String: String]) {
        let path = environment["NOTIFY_SOCKET"] ?? ""
        socketPath = (path.hasPrefix("/") || path.hasPrefix("@")) ? path : nil
    }

    package var isActive: Bool { socketPath != nil }

    /// The watchdog interval systemd asked for (`WATCHDOG_USEC`, honoured only when
    /// `WATCHDOG_PID` is unset or ours), or nil.
    package static func watchdogInterval(environment: [String: String]) -> TimeInterval? {
        guard let text = environment["WATCHDOG_USEC"], let usec = Double(text), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != getpid() { return nil }
        return usec / 1_000_000
    }

    package func ready(status: String) { send("READY=1\nSTATUS=\(Self.oneLine(status))") }
    package func status(_ status: String) { send("STATUS=\(Self.oneLine(status))") }
    package func reloading() {
        // RELOADING=1 wants the monotonic time since v253; older systemd ignores it.
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let usec = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(usec)")
    }
    package func stopping() { send("STOPPING=1") }
    package func watchdog() { send("WATCHDOG=1") }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    private func send(_ message: String) {
        guard let socketPath else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        // An abstract socket is written with a leading '@' and addressed with a leading NUL.
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
    }
}
