import Foundation

/// Failed Office logins per client address: after ``maxFailures`` within ``window`` the
/// address is refused (429) until the oldest of them leaves the window, whatever it sends,
/// so guessing passwords costs a minute per ten tries and the answer never tells whether
/// the last guess was right. A success forgets the address's failures.
///
/// Memory is bounded: at most ``maxClients`` addresses are tracked; when full, addresses
/// whose failures have all left the window go first, then the longest quiet ones.
/// Time is passed in, so tests drive it.
package struct LoginThrottle: Sendable {
    package static let maxFailures = 10
    package static let window: TimeInterval = 60
    package static let maxClients = 10_000

    private var failures: [String: [Date]] = [:]
    private let maxClients: Int

    package init(maxClients: Int = Self.maxClients) {
        self.maxClients = maxClients
    }

    /// Addresses with failures on record.
    package var trackedClients: Int { failures.count }

    /// Whole seconds before `client` may try again, or nil when it may try now.
    package mutating func retryAfter(client: String, now: Date) -> Int? {
        guard let recent = recentFailures(client, now: now), recent.count >= Self.maxFailures else { return nil }
        let free = recent[recent.count - Self.maxFailures].addingTimeInterval(Self.window)
        return max(1, Int(free.timeIntervalSince(now).rounded(.up)))
    }

    package mutating func recordFailure(client: String, now: Date) {
        var recent = recentFailures(client, now: now) ?? []
        if recent.isEmpty, failures.count >= maxClients { makeRoom(now: now) }
        recent.append(now)
        // Only the last `maxFailures` decide when the address is free again.
        failures[client] = Array(recent.suffix(Self.maxFailures))
    }

    package mutating func recordSuccess(client: String) {
        failures[client] = nil
    }

    /// The client's failures still inside the window (stored back trimmed), nil when none.
    private mutating func recentFailures(_ client: String, now: Date) -> [Date]? {
        guard let times = failures[client] else { return nil }
        let recent = times.filter { now.timeIntervalSince($0) < Self.window }
        failures[client] = recent.isEmpty ? nil : recent
        return recent.isEmpty ? nil : recent
    }

    private mutating func makeRoom(now: Date) {
        failures = failures.filter { _, times in times.contains { now.timeIntervalSince($0) < Self.window } }
        while failures.count >= maxClients,
            let quietest = failures.min(by: { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) })
        {
            failures[quietest.key] = nil
        }
    }
}
