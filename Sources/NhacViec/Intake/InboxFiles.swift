import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations for the inbox that never delete or overwrite anything.
///
/// A move is `link(2)` under a free name, then `unlink(2)` of the old name:
/// `link` fails rather than replace an existing file, so even a name taken
/// between the check and the move is never overwritten. A crash between the two
/// steps leaves the file in both places, never in neither.
enum InboxFiles {
    /// `bao-cao.md`, then `bao-cao-1.md`, `bao-cao-2.md`, … (the suffix goes before the extension).
    static func candidate(_ name: String, _ n: Int) -> String {
        guard n > 0 else { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot])-\(n)\(name[dot...])"
        }
        return "\(name)-\(n)"
    }

    /// Links `source` into `directory` under the first free candidate of `name`
    /// (with `companion` appended, a second name that must be free too, e.g. `.error`),
    /// and returns the name used. The source is left in place.
    static func link(_ source: String, into directory: String, name: String, companion: String? = nil)
        throws(InboxError) -> String
    {
        for n in 0..<10_000 {
            let chosen = candidate(name, n)
            let target = directory + "/" + chosen
            if let companion, exists(target + companion) { continue }
            if systemLink(source, target) == 0 { return chosen }
            let code = errno
            if code == EEXIST { continue }
            throw InboxError(path: source, message: "cannot link to \(target): \(describe(code))")
        }
        throw InboxError(path: source, message: "no free name left for \(name) in \(directory)")
    }

    /// Moves `source` into `directory` without overwriting; returns the name used.
    static func move(_ source: String, into directory: String, name: String) throws(InboxError) -> String {
        let chosen = try link(source, into: directory, name: name)
        try remove(source)
        return chosen
    }

    /// Removes a name whose file has already been linked elsewhere.
    static func remove(_ path: String) throws(InboxError) {
        if systemUnlink(path) != 0 {
            throw InboxError(path: path, message: "cannot remove after moving: \(describe(errno))")
        }
    }

    /// Writes a new file; fails rather than replace an existing one.
    static func createNew(_ path: String, contents: Data) throws(InboxError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw InboxError(path: path, message: "cannot create: \(describe(errno))") }
        defer { close(fd) }
        var written = 0
        let bytes = [UInt8](contents)
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw InboxError(path: path, message: "cannot write: \(describe(errno))")
            }
            written += result
        }
    }

    /// Creates `path` (and its parents) as a directory if it is missing.
    static func ensureDirectory(_ path: String) throws(InboxError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InboxError(path: path, message: "cannot create directory: \(error.localizedDescription)")
        }
    }

    /// True for any kind of entry, including a dangling symbolic link.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// `linkat` without AT_SYMLINK_FOLLOW: a symbolic link is moved as the link itself.
    private static func systemLink(_ source: String, _ target: String) -> Int32 {
        linkat(AT_FDCWD, source, AT_FDCWD, target, 0)
    }

    private static func systemUnlink(_ path: String) -> Int32 {
        #if canImport(Glibc)
            Glibc.unlink(path)
        #else
            Darwin.unlink(path)
        #endif
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
