import Foundation

/// What `nhacviec serve` was started with.
package struct WebOptions: Sendable {
    package var configPath: String
    package var stateDirectory: String
    package var listen: WebListenAddress
    /// `--now T`: the pages' clock starts at T and runs (as `run --now`).
    package var startAt: Date?
    package var environment: [String: String]
    /// `--workers N`: the threads pages are built on (``WebWorkers``).
    package var workers: Int
    /// `--queue N`: requests that may wait for a busy worker before one is refused with 503.
    package var queueLength: Int
    /// `--state-wait S`: how long a request waits for the daemon to finish creating or
    /// migrating the state (its setup lock) before it is refused with 503 and Retry-After.
    package var stateWait: Duration

    /// A migration takes seconds; a page that waits longer is better refused, its thread freed.
    package static let defaultStateWaitSeconds = 5.0
    package static var defaultStateWait: Duration { .seconds(defaultStateWaitSeconds) }
    /// `--state-wait`'s range, in seconds.
    package static let stateWaitRange = 0.0...600.0

    package init(
        configPath: String, stateDirectory: String, listen: WebListenAddress, startAt: Date?,
        environment: [String: String], workers: Int = WebWorkers.defaultThreads,
        queueLength: Int = WebWorkers.defaultQueueLength, stateWait: Duration = defaultStateWait
    ) {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.listen = listen
        self.startAt = startAt
        self.environment = environment
        self.workers = workers
        self.queueLength = queueLength
        self.stateWait = stateWait
    }

    /// What is wrong with `--workers`, `--queue` and `--state-wait`, one sentence each; empty when all are in range.
    package static func problems(
        workers: Int, queueLength: Int, stateWait: Double = defaultStateWaitSeconds
    ) -> [String] {
        var problems: [String] = []
        let threads = WebWorkers.threadRange
        let queue = WebWorkers.queueLengthRange
        if !threads.contains(workers) {
            problems.append(
                "--workers \(workers) is out of range: give \(threads.lowerBound) to \(threads.upperBound) threads")
        }
        if !queue.contains(queueLength) {
            problems.append(
                "--queue \(queueLength) is out of range: give \(queue.lowerBound) to \(queue.upperBound) waiting requests"
            )
        }
        if !stateWaitRange.contains(stateWait) {
            problems.append(
                "--state-wait \(stateWait) is out of range: give \(Int(stateWaitRange.lowerBound)) to "
                    + "\(Int(stateWaitRange.upperBound)) seconds")
        }
        return problems
    }
}
