import ArgumentParser
import Foundation
import Logging
import NhacViec

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: send reminders when due, take in reports, retry failures."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Flag(help: "Do everything due up to now (or --now), wait for deliveries, exit.") var once = false
    @Flag(
        name: .customLong("dry-run"),
        help: "Send nothing: write every email and webhook body to the outbox; record nothing.")
    var dryRun = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, environment: environment) }
        let logger = Logger(label: "nhacviec")
        let configPath = config.resolvedPath
        // --now is read in the config's zone; without a valid config, the start fails below anyway.
        let zone =
            (try? ConfigLoader.load(path: configPath))?.organization.timeZone ?? TimeZone(
                identifier: "Asia/Ho_Chi_Minh") ?? .current
        let startAt = try clock.now.map { _ in try clock.resolve(WallClock(timeZone: zone)) }
        let options = DaemonOptions(
            configPath: configPath, stateDirectory: state.resolvedPath, once: once, dryRun: dryRun, startAt: startAt,
            environment: environment)
        let daemon: Daemon
        do {
            daemon = try Daemon(options: options, logger: logger)
        } catch {
            printError(error.description)
            throw ExitCode(error.status.rawValue)
        }
        let status = daemon.run()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
