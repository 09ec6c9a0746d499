import Foundation
import HummingbirdBcrypt

/// The Office's logins: an htpasswd file (`htpasswd -B`), bcrypt lines only (DESIGN §15).
///
/// `htpasswd -B` writes `$2y$` hashes, which are `$2b$` by another name; the bcrypt C code
/// behind HummingbirdBcrypt knows only `$2a$`/`$2b$`, so the prefix is mapped when read.
/// Lines in other formats (MD5, SHA-1, crypt, plain) are ignored and named in ``ignored``:
/// one stale line must not lock the whole Office out.
package struct OfficeUsers: Sendable {
    /// User name → bcrypt hash (`$2a$` or `$2b$`).
    private let hashes: [String: String]
    /// `file:line: why`, for the log.
    package let ignored: [String]

    package var count: Int { hashes.count }

    package init(hashes: [String: String], ignored: [String] = []) {
        self.hashes = hashes
        self.ignored = ignored
    }

    /// Reads `path`; a missing or unreadable file throws (the caller logs and keeps the old users).
    package init(contentsOf path: String) throws(WebError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WebError("cannot read the users file \(path)")
        }
        self.init(parsing: String(decoding: data, as: UTF8.self), source: path)
    }

    package init(parsing text: String, source: String) {
        var hashes: [String: String] = [:]
        var ignored: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                ignored.append("\(source):\(index + 1): not 'user:hash'")
                continue
            }
            let user = String(line[..<colon])
            var hash = String(line[line.index(after: colon)...])
            if hash.hasPrefix("$2y$") { hash = "$2b$" + hash.dropFirst(4) }
            guard !user.isEmpty, hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$"), hash.utf8.count == 60 else {
                ignored.append("\(source):\(index + 1): user '\(user)' has no bcrypt hash (use htpasswd -B)")
                continue
            }
            hashes[user] = hash
        }
        self.init(hashes: hashes, ignored: ignored)
    }

    /// Whether `password` is `user`'s. An unknown user costs a bcrypt check too, so the
    /// time taken does not tell whether the name exists.
    package func verify(user: String, password: String) -> Bool {
        guard let hash = hashes[user] else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A valid bcrypt hash of nothing anyone types, checked for unknown users.
    private static let decoy = "$2b$10$8nzvpBEe34rKEjBmW9BIseggHNZHlj67QlTGBZcVkvTRju2Xv5eg6"
}
