import GRDB

extension StateStore {
    /// Frees what SQLite and GRDB keep for speed (page caches, prepared statements,
    /// reader connections, which reopen on the next read). Called when the daemon
    /// goes idle after a pass: after a burst of a few hundred messages the writer's
    /// page cache alone holds megabytes the daemon will not need until tomorrow.
    package func releaseMemory() {
        if let pool = pool as? DatabasePool {
            pool.releaseMemory()
        } else if let queue = pool as? DatabaseQueue {
            queue.releaseMemory()
        }
    }
}
