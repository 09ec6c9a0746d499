import Foundation
import GRDB

extension StateStore {
    /// Makes every retry due now: after a config reload (SIGHUP) that may have fixed
    /// what they failed on (DESIGN §5: "fixing the config and reloading delivers what
    /// waited"), nobody should wait out the backoff. Returns how many were brought forward.
    @discardableResult
    package func bringRetriesForward(to now: Date) throws(StoreError) -> Int {
        try write("bringing retries forward") { db in
            try db.execute(
                sql: "UPDATE delivery SET next_attempt_at = ? WHERE status = 'retrying' AND next_attempt_at > ?",
                arguments: [now, now])
            return db.changesCount
        }
    }
}
