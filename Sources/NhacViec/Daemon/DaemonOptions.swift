import Foundation

/// How `nhacviec run` was asked to run (DESIGN §9).
package struct DaemonOptions: Sendable {
    package var configPath: String
    package var stateDirectory: String
    /// Do everything due up to now, wait for deliveries, exit.
    package var once: Bool
    /// Send nothing: every email and webhook body goes to the outbox; the state records nothing.
    package var dryRun: Bool
    /// `--now T`: the clock starts at T (and keeps running unless `once`).
    package var startAt: Date?
    package var environment: [String: String]

    package init(
        configPath: String, stateDirectory: String, once: Bool, dryRun: Bool, startAt: Date?,
        environment: [String: String]
    ) {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.once = once
        self.dryRun = dryRun
        self.startAt = startAt
        self.environment = environment
    }
}
