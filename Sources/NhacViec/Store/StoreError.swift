import GRDB

/// Anything that went wrong with the state directory or its database.
///
/// Carries the file it concerns and, for SQLite failures, SQLite's own message,
/// so a log line or a CLI error is enough to act on without a debugger.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package enum Code: Sendable, Hashable {
        /// The state directory or the database file could not be created or opened.
        case cannotOpen
        /// The database was written by a newer nhacviec (it has migrations this build does not know).
        case newerSchema
        /// Bringing an older database up to date failed; the database is left as it was.
        case migrationFailed
        /// Another process holds the state directory's run lock (another `nhacviec run`).
        case locked
        /// Another process held the store's setup lock (creating or migrating the database)
        /// longer than the caller would wait (`serve`'s `--state-wait`).
        case setupInProgress
        /// SQLite stayed busy (another process writing) longer than the busy timeout.
        case busy
        /// Any other SQLite failure (I/O error, disk full, constraint violation).
        case database
        /// An outcome was recorded for a message key the ledger has never seen.
        case unknownMessage
        /// A stored value could not be read back (a row edited by hand, or a bug).
        case corruptRecord
    }

    package let code: Code
    /// The file or directory concerned.
    package let path: String
    /// What failed, in words (`recording the intent of message …`).
    package let message: String
    /// SQLite's message or the system error, when there is one.
    package let underlying: String?

    package init(code: Code, path: String, message: String, underlying: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.underlying = underlying
    }

    package var description: String {
        let detail = underlying.map { ": \($0)" } ?? ""
        return "\(path): \(message)\(detail)"
    }

    /// The sysexits status a command should end with (DESIGN §9): a lock held by
    /// another `run` or a busy database is temporary (75), everything else is I/O (74).
    package var exitStatus: ExitStatus {
        switch code {
        case .locked, .busy, .setupInProgress: .temporaryFailure
        default: .ioError
        }
    }

    /// Wraps an error thrown by GRDB (or by our own code inside a GRDB closure).
    static func wrapping(_ error: any Error, path: String, while operation: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            let busy = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
            return StoreError(
                code: busy ? .busy : .database, path: path, message: operation,
                underlying: "\(error.resultCode): \(error.message ?? "no message")")
        }
        return StoreError(code: .database, path: path, message: operation, underlying: "\(error)")
    }
}
