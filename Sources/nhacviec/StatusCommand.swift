import ArgumentParser
import Foundation
import NhacViec

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the next steps and every delivery that is pending, retrying or dead."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        let loaded = try config.load()
        let now = try clock.resolve(WallClock(timeZone: loaded.organization.timeZone))
        do {
            let store = try StateStore.openExisting(directory: state.resolvedPath)
            let report = try StatusReport(config: loaded, stateDirectory: state.resolvedPath, store: store, now: now)
            print(format == .json ? report.json : report.text)
        } catch {
            printError("nhacviec: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}
