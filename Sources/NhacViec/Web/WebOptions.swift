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

    package init(
        configPath: String, stateDirectory: String, listen: WebListenAddress, startAt: Date?,
        environment: [String: String], workers: Int = WebWorkers.defaultThreads,
        queueLength: Int = WebWorkers.defaultQueueLength
    ) {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.listen = listen
        self.startAt = startAt
        self.environment = environment
        self.workers = workers
        self.queueLength = queueLength
    }

    /// What is wrong with `--workers` and `--queue`, one sentence each; empty when both are in range.
    package static func problems(workers: Int, queueLength: Int) -> [String] {
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
        return problems
    }
}
