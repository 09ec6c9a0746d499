import Foundation

/// What `nhacviec serve` was started with.
package struct WebOptions: Sendable {
    package var configPath: String
    package var stateDirectory: String
    package var listen: WebListenAddress
    /// `--now T`: the pages' clock starts at T and runs (as `run --now`).
    package var startAt: Date?
    package var environment: [String: String]

    package init(
        configPath: String, stateDirectory: String, listen: WebListenAddress, startAt: Date?,
        environment: [String: String]
    ) {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.listen = listen
        self.startAt = startAt
        self.environment = environment
    }
}
