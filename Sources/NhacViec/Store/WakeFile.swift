import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `<state>/wake` (DESIGN §10): whoever records something `pending` in the ledger
/// for the running daemon to send (`submit`, `serve`, `difficulty resolve`…)
/// touches this file afterwards; the daemon watches it with inotify and runs a
/// pass at once, instead of waiting for its next timer.
///
/// Touching is a hint, not a promise: with no daemon running nothing happens,
/// and the next `run` sends what is pending anyway. So callers may log a failed
/// touch and carry on; what matters (the ledger row) is already committed.
package enum WakeFile {
    package static let name = "wake"

    package static func path(stateDirectory: String) -> String {
        (stateDirectory as NSString).appendingPathComponent(name)
    }

    /// Creates the file (0600) if needed and updates its time. Never follows a
    /// symbolic link: a link planted in the state dir cannot make us write elsewhere.
    package static func touch(stateDirectory: String) throws(StoreError) {
        let path = path(stateDirectory: stateDirectory)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(
                code: .cannotOpen, path: path, message: "cannot touch the daemon's wake file",
                underlying: String(cString: strerror(errno)))
        }
        // The close after a write-open is what inotify reports (IN_CLOSE_WRITE);
        // the time update makes the touch visible to `ls -l` too.
        let updated = futimens(descriptor, nil)
        let reason = updated == 0 ? nil : String(cString: strerror(errno))
        close(descriptor)
        if let reason {
            throw StoreError(
                code: .cannotOpen, path: path, message: "cannot update the daemon's wake file", underlying: reason)
        }
    }
}

extension StateStore {
    /// Tells a running daemon to look at the ledger now (``WakeFile``). Call it after
    /// committing a `pending` row that another process should send.
    package func wakeDaemon() throws(StoreError) {
        try WakeFile.touch(stateDirectory: directory)
    }
}
