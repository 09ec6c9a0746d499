import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations for the inbox that never delete, overwrite or follow anything.
///
/// Every name is resolved relative to an open folder descriptor (`openat`,
/// `linkat`, `unlinkat`) with `O_NOFOLLOW`, so a file swapped for a symbolic link
/// after the listing is never read through, and a symlinked `archive/` or
/// `rejected/` is refused instead of receiving files outside the state dir.
///
/// A move is `linkat(2)` under a free name, then `unlinkat(2)` of the old name:
/// `linkat` fails rather than replace an existing file, so even a name taken
/// between the check and the move is never overwritten. A crash between the two
/// steps leaves the file in both places, never in neither.
enum InboxFiles {
    /// The longest file name the file system takes (NAME_MAX), in bytes.
    static let nameLimit = 255
    /// Room kept for a numeric suffix (`-9999`).
    static let suffixRoom = 5

    /// `bao-cao.md`, then `bao-cao-1.md`, `bao-cao-2.md`, … (the suffix goes before the extension).
    static func candidate(_ name: String, _ n: Int) -> String {
        guard n > 0 else { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot])-\(n)\(name[dot...])"
        }
        return "\(name)-\(n)"
    }

    /// `name` if it leaves `reserve` bytes (plus room for a numeric suffix) under NAME_MAX;
    /// else its start and extension around a hash of the whole name: unique for distinct
    /// names, and still recognisable.
    static func fitted(_ name: String, reserve: Int) -> String {
        let budget = nameLimit - reserve - suffixRoom
        guard name.utf8.count > budget else { return name }
        let hash = "~" + FNV1a.hex(name).prefix(8)
        var stem = Substring(name)
        var ext = Substring("")
        if let dot = name.lastIndex(of: "."), dot != name.startIndex, name[dot...].utf8.count <= 16 {
            stem = name[..<dot]
            ext = name[dot...]
        }
        let room = budget - hash.utf8.count - ext.utf8.count
        var kept = ""
        for character in stem {
            if kept.utf8.count + String(character).utf8.count > room { break }
            kept.append(character)
        }
        return kept + hash + ext
    }

    /// Links `name` of `source` into `target` under the first free candidate of
    /// `wanted` (with `companion` appended, a second name that must be free too,
    /// e.g. `.error`), and returns the name used. The source is left in place.
    static func link(
        _ name: String, from source: InboxFolder, into target: InboxFolder, as wanted: String,
        companion: String? = nil
    ) throws(InboxError) -> String {
        for n in 0..<10_000 {
            let chosen = candidate(wanted, n)
            if let companion, exists(chosen + companion, in: target) { continue }
            if linkat(source.descriptor, name, target.descriptor, chosen, 0) == 0 { return chosen }
            let code = errno
            if code == EEXIST { continue }
            throw InboxError(
                path: source.path + "/" + name, message: "cannot link to \(target.path)/\(chosen): \(describe(code))")
        }
        throw InboxError(path: source.path + "/" + name, message: "no free name left in \(target.path)")
    }

    /// Removes a name whose file has already been linked elsewhere.
    static func remove(_ name: String, in folder: InboxFolder) throws(InboxError) {
        if unlinkat(folder.descriptor, name, 0) != 0 {
            throw InboxError(path: folder.path + "/" + name, message: "cannot remove after moving: \(describe(errno))")
        }
    }

    /// Writes a new file (0600); fails rather than replace an existing one or follow a link.
    static func createNew(_ name: String, in folder: InboxFolder, contents: Data) throws(InboxError) {
        let path = folder.path + "/" + name
        let fd = openat(folder.descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
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

    /// True for any kind of entry, including a dangling symbolic link.
    static func exists(_ name: String, in folder: InboxFolder) -> Bool {
        var info = stat()
        return fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// An open inbox folder: the descriptor names are resolved against, and its path for messages.
final class InboxFolder {
    let descriptor: Int32
    let path: String

    /// Opens `path` as a folder, refusing a symbolic link; creates it (0700) when missing.
    convenience init(path: String) throws(InboxError) {
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw InboxError(path: path, message: "cannot create the folder: \(InboxFiles.describe(errno))")
        }
        try self.init(path: path, descriptor: open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC))
    }

    /// Opens the sub-folder `name` of `parent`, refusing a symbolic link; creates it (0700) when missing.
    convenience init(_ name: String, in parent: InboxFolder) throws(InboxError) {
        let path = parent.path + "/" + name
        if mkdirat(parent.descriptor, name, 0o700) != 0, errno != EEXIST {
            throw InboxError(path: path, message: "cannot create the folder: \(InboxFiles.describe(errno))")
        }
        try self.init(
            path: path, descriptor: openat(parent.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC))
    }

    private init(path: String, descriptor: Int32) throws(InboxError) {
        guard descriptor >= 0 else {
            let code = errno
            let reason =
                code == ELOOP || code == ENOTDIR
                ? "is a symbolic link or not a folder; the inbox never follows links: replace it with a real folder"
                : "cannot open: \(InboxFiles.describe(code))"
            throw InboxError(path: path, message: reason)
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }
}
