import Foundation

/// The values of the last few keys asked about, each worked out once: at most `limit`
/// are kept, the oldest going first. Thread-safe; a value is worked out under the lock,
/// so requests asking for the same key together wait for one computation.
final class RecentValues<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    let limit: Int
    private let lock = NSLock()
    /// Oldest first.
    private var entries: [(key: Key, value: Value)] = []

    init(limit: Int) {
        precondition(limit > 0, "RecentValues keeps at least one value")
        self.limit = limit
    }

    /// The value kept for `key`, else `make()`'s, kept from then on (a thrown error keeps nothing).
    func value(for key: Key, _ make: () throws -> Value) rethrows -> Value {
        try lock.withLock {
            if let kept = entries.first(where: { $0.key == key }) { return kept.value }
            let made = try make()
            if entries.count >= limit { entries.removeFirst() }
            entries.append((key, made))
            return made
        }
    }

    /// How many values are kept (for tests of the bound).
    var count: Int { lock.withLock { entries.count } }
}
