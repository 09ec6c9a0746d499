import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The directory where emails (`<key>.eml`) and webhook bodies (`<key>.json`) are
/// written instead of being sent: with no SMTP configured, and for `--dry-run`.
/// `<key>` is ``DeliveryKey/encoded(_:)``, also the local part of the email's `Message-ID`.
///
/// Writes are atomic and durable: a temporary file in the same directory is
/// written and fsynced, renamed into place, and the directory fsynced, so a
/// reader never sees half a message and a crash never loses an acknowledged one.
/// A key always maps to the same file name; writing a key again is accepted only
/// with identical bytes (same key = same message), never overwritten with others.
package struct Outbox: Sendable {
    /// What a write did.
    package enum WriteResult: Sendable, Equatable {
        /// A new file now holds the bytes.
        case written(path: String)
        /// The file already held exactly these bytes (a resend after a crash).
        case unchanged(path: String)

        package var path: String {
            switch self {
            case .written(let path), .unchanged(let path): path
            }
        }
    }

    package let directory: String

    package init(directory: String) {
        self.directory = directory
    }

    /// Writes the email exactly as SMTP would carry it.
    @discardableResult
    package func write(_ message: EmailMessage) throws(DeliveryError) -> WriteResult {
        try write(message.rendered(), key: message.key, extension: "eml")
    }

    /// Writes a webhook body.
    @discardableResult
    package func write(_ request: WebhookRequest) throws(DeliveryError) -> WriteResult {
        try write(request.body, key: request.key, extension: "json")
    }

    /// The path a key is written to.
    package func path(forKey key: String, extension fileExtension: String) -> String {
        directory + "/" + DeliveryKey.encoded(key) + "." + fileExtension
    }

    /// The key a file in the outbox holds (`<encoded>.eml` or `<encoded>.json`);
    /// nil for a name that is not an encoded key, or a long key's shortened name.
    package static func key(ofFileName name: String) -> String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return DeliveryKey.decoded(String(name[..<dot]))
    }

    package func write(_ bytes: [UInt8], key: String, extension fileExtension: String) throws(DeliveryError)
        -> WriteResult
    {
        let target = path(forKey: key, extension: fileExtension)
        try makeDirectory()
        if let existing = try readIfPresent(target) {
            guard existing == bytes else {
                throw DeliveryError(
                    .conflict, path: target, message: "already holds a different message for the same key")
            }
            return .unchanged(path: target)
        }
        let temporary =
            directory + "/.tmp-" + DeliveryKey.encoded(key) + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ioError(temporary, "cannot create") }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do throws(DeliveryError) {
            try writeAll(fd, bytes, path: temporary)
            guard fsync(fd) == 0 else { throw ioError(temporary, "cannot fsync") }
            closed = true
            guard close(fd) == 0 else { throw ioError(temporary, "cannot close") }
            guard rename(temporary, target) == 0 else { throw ioError(target, "cannot rename into place") }
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory()
        return .written(path: target)
    }

    private func makeDirectory() throws(DeliveryError) {
        do {
            try PrivateFiles.makeFolder(directory)
        } catch {
            throw DeliveryError(.io, path: directory, message: "cannot create the outbox directory: \(error)")
        }
    }

    private func readIfPresent(_ path: String) throws(DeliveryError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw ioError(path, "cannot open")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError(path, "cannot read")
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(DeliveryError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError(path, "cannot write")
            }
            offset += count
        }
    }

    /// Makes the rename itself durable.
    private func syncDirectory() throws(DeliveryError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError(directory, "cannot open the outbox directory") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ioError(directory, "cannot fsync the outbox directory") }
    }

    private func ioError(_ path: String, _ what: String) -> DeliveryError {
        let code = errno
        return DeliveryError(.io, path: path, message: "\(what): \(String(cString: strerror(code)))", errno: code)
    }
}
