import ArgumentParser
import Foundation
import Logging
import NhacViec

struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Read the report mailbox (intake.email) once: file reports, answer senders, move messages."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Flag(help: "Poll once and exit (required: the running daemon polls by itself).") var once = false

    func run() throws {
        guard once else { throw ValidationError("use --once (the running daemon polls the mailbox by itself)") }
        let environment = ProcessInfo.processInfo.environment
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, environment: environment) }
        let loaded = try config.load()
        let now = try clock.resolve(WallClock(timeZone: loaded.organization.timeZone))
        let result = EmailIntakeRunner.runOnce(
            config: loaded, stateDirectory: state.resolvedPath, now: now, environment: environment,
            logger: Logger(label: "nhacviec"))
        if result.status == .ok {
            print(result.message)
        } else {
            printError(result.message)
            throw ExitCode(result.status.rawValue)
        }
    }
}
