import Foundation
import Logging

/// `difficulty forward|resolve|withdraw` (and the web page's buttons): record the
/// move, then wake a running daemon so a resolution goes out within a minute.
package enum DifficultyActions {
    /// Throws ``DifficultyError`` (unknown id, forbidden move) or ``StoreError``; a
    /// failed wake-up is only logged, since the daemon's next pass sends anyway.
    package static func change(
        store: StateStore, id: String, to status: DifficultyStatus, note: String?, at: Date,
        source: String = "cli", logger: Logger = Logger(label: "nhacviec.difficulty")
    ) throws -> Difficulty {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        let difficulty = try store.changeDifficulty(
            id: id, to: status, note: note?.isEmpty == true ? nil : note, at: at, source: source)
        do {
            try store.wakeDaemon()
        } catch {
            logger.warning("cannot wake the daemon; it sends at its next pass", metadata: ["error": "\(error)"])
        }
        return difficulty
    }
}
