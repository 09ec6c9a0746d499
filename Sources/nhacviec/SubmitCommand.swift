import ArgumentParser
import Foundation
import NhacViec

struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Take in units' report files (Markdown with front matter, or YAML)."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Argument(help: "Report files.") var files: [String]

    func run() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one report file") }
        let loaded = try config.load()
        let receivedAt = try clock.resolve(WallClock(timeZone: loaded.organization.timeZone))
        let store = try state.open()
        let intake = SubmissionIntake(
            config: loaded, calendar: WorkingCalendar(rules: loaded.calendar.rules), sink: store)
        var worst: Int32 = 0
        var wake = false
        defer {
            // New difficulties: a running daemon plans their notice at once (DESIGN §10, §14).
            if wake {
                do { try store.wakeDaemon() } catch { printError("nhacviec: warning: \(error)") }
            }
        }
        for file in files {
            do {
                let receipt = try intake.receive(contentsOf: file, receivedAt: receivedAt)
                wake = wake || receipt.raisedDifficulties
                print("\(file): \(receipt.summary)")
            } catch let error as SubmissionError {
                printError(error.description)
                worst = max(worst, error.exitStatus.rawValue)
            } catch {
                printError("\(file): error: cannot record the report: \(error)")
                worst = max(worst, ExitStatus.ioError.rawValue)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
