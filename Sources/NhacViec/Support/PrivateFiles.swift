import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files and folders that hold names and addresses (the state: database, outbox,
/// reports, inbox): 0600 files in 0700 folders whatever the umask (DESIGN §10).
/// The executable also sets umask 077 at start; explicit modes keep this true for
/// the library used on its own.
package enum PrivateFiles {
    /// Creates `path` and its missing parents as 0700 folders.
    package static func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Creates `path` as an empty 0600 file if it is missing (SQLite then gives its
    /// WAL and shared-memory files the same mode).
    package static func touch(_ path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PrivateFileError(path: path, code: errno, action: "create") }
        close(fd)
    }

    /// Writes `data` to `path` as 0600, atomically: a temporary file beside it, renamed into place.
    package static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw PrivateFileError(path: temporary, code: errno, action: "create") }
        var written = 0
        let bytes = [UInt8](data)
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let code = errno
                close(fd)
                unlink(temporary)
                throw PrivateFileError(path: temporary, code: code, action: "write")
            }
            written += count
        }
        guard close(fd) == 0, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw PrivateFileError(path: path, code: code, action: "write")
        }
    }
}

/// A private file or folder that could not be made.
package struct PrivateFileError: Error, CustomStringConvertible {
    package let path: String
    package let code: Int32
    package let action: String

    package var description: String {
        "cannot \(action) \(path): \(String(cString: strerror(code)))"
    }
}
