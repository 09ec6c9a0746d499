import Foundation
import HummingbirdBcrypt

/// The Office's logins: an htpasswd file (`htpasswd -B`), bcrypt lines only (DESIGN §15).
///
/// `htpasswd -B` writes `$2y$` hashes, which are `$2b$` by another name; the bcrypt C code
/// behind HummingbirdBcrypt knows only `$2a$`/`$2b$`, so the prefix is mapped when read.
/// Lines in other formats (MD5, SHA-1, crypt, plain) are ignored and named in ``ignored``:
/// one stale line must not lock the whole Office out.
///
/// A bcrypt cost above ``maximumCost`` refuses the whole file: each step doubles a login's
/// CPU time, so one such line (cost 31 takes hours a login) would let any visitor who
/// types that name tie up the workers. Refused at start, `serve` does not run; on SIGHUP
/// the old users are kept. `htpasswd -B` writes cost 5 unless told otherwise (`-C`).
package struct OfficeUsers: Sendable {
    /// The highest bcrypt cost accepted: about a second a login on a modest server's core.
    package static let maximumCost = 14
    /// bcrypt's own lowest cost; below it the line is no bcrypt hash (ignored).
    static let minimumCost = 4

    /// User name → bcrypt hash (`$2a$` or `$2b$`).
    private let hashes: [String: String]
    /// `file:line: why`, for the log.
    package let ignored: [String]

    package var count: Int { hashes.count }

    package init(hashes: [String: String], ignored: [String] = []) {
        self.hashes = hashes
        self.ignored = ignored
    }

    /// Reads `path`; a missing or unreadable file, or a cost above ``maximumCost``, throws
    /// (the caller logs and keeps the old users).
    package init(contentsOf path: String) throws(WebError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WebError("cannot read the users file \(path)")
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), source: path)
    }

    /// Throws one error naming every line whose cost is above ``maximumCost`` (`source:line`).
    package init(parsing text: String, source: String) throws(WebError) {
        var hashes: [String: String] = [:]
        var ignored: [String] = []
        var tooCostly: [String] = []
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
            guard !user.isEmpty, hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$"), hash.utf8.count == 60,
                let cost = Self.cost(hash), cost >= Self.minimumCost
            else {
                ignored.append("\(source):\(index + 1): user '\(user)' has no bcrypt hash (use htpasswd -B)")
                continue
            }
            guard cost <= Self.maximumCost else {
                tooCostly.append(
                    "\(source):\(index + 1): error: user '\(user)': bcrypt cost \(cost) is above \(Self.maximumCost), "
                        + "the most a login may cost; set the password again with "
                        + "htpasswd -B -C \(Self.maximumCost) \(source) \(user) (or a lower -C)")
                continue
            }
            hashes[user] = hash
        }
        guard tooCostly.isEmpty else { throw WebError(tooCostly.joined(separator: "\n")) }
        self.init(hashes: hashes, ignored: ignored)
    }

    /// The cost of a `$2b$NN$…` hash: its two digits after the prefix; nil when they are not digits.
    static func cost(_ hash: String) -> Int? {
        let digits = hash.utf8.dropFirst(4).prefix(3)
        guard digits.count == 3, digits.last == UInt8(ascii: "$"),
            digits.prefix(2).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(String(decoding: digits.prefix(2), as: UTF8.self))
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
