import Foundation

@testable import NhacViec

/// Scheduler state kept in memory, applying the scheduler's actions like the daemon would.
struct MemoryState: SchedulerState {
    var recorded: [String: String] = [:]
    var done: [String: Date] = [:]
    var received: Set<String> = []

    func taskDoneAt(_ taskID: String) -> Date? { done[taskID] }
    func reportReceived(_ duty: Duty, occurrence: String) -> Bool { received.contains("\(duty)/\(occurrence)") }
    func isRecorded(key: String) -> Bool { recorded[key] != nil }

    /// Records sends and skips; returns the digests sent.
    mutating func apply(_ actions: [Scheduler.Action]) -> [Digest] {
        var sent: [Digest] = []
        for action in actions {
            switch action {
            case .send(let digest):
                for item in digest.items { recorded[item.key] = "sent" }
                sent.append(digest)
            case .skip(let key, _, _, let reason):
                recorded[key] = "skipped:\(reason.rawValue)"
            case .wake:
                break
            }
        }
        return sent
    }
}

extension [Scheduler.Action] {
    var wake: Date? {
        for action in self { if case .wake(let at) = action { return at } }
        return nil
    }
}
