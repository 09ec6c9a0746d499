import GRDB

extension StateStore {
    /// Frees what SQLite and GRDB keep for speed (page caches, prepared statements),
    /// on the calling thread. Called when the daemon goes idle after a pass: after a
    /// burst of a few hundred messages the connections' caches hold more than a MiB
    /// the daemon will not need until the next pass.
    ///
    /// The pool's readers are persistent (``openPool``), so GRDB empties their caches
    /// in place instead of closing them: closing a reader goes through a Dispatch
    /// queue, which starts libdispatch's worker pool and its wake-up every second.
    package func releaseMemory() {
        if let pool = pool as? DatabasePool {
            pool.releaseMemory()
        } else if let queue = pool as? DatabaseQueue {
            queue.releaseMemory()
        }
    }
}
