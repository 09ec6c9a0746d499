import ArgumentParser
import Foundation
import NhacViec

struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Record a task's status (done stops its reminders)."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Argument(help: "The task id, as in the config (e.g. II.3).") var id: String
    @Option(help: "not_started, in_progress, done or blocked.") var status: String
    @Option(help: "A note kept in the history and shown in reports.") var note: String?

    func run() throws {
        let loaded = try config.load()
        guard loaded.tasks.contains(where: { $0.id == id }) else {
            let known = loaded.tasks.map(\.id)
            throw ValidationError(
                "unknown task '\(id)' (known: \(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", …" : ""))"
            )
        }
        guard let taskStatus = TaskStatus(rawValue: status) else {
            throw ValidationError("unknown status '\(status)' (expected not_started, in_progress, done or blocked)")
        }
        let at = try clock.resolve(WallClock(timeZone: loaded.organization.timeZone))
        let store = try state.open()
        do {
            try store.setTaskStatus(taskID: id, status: taskStatus, progress: nil, note: note, at: at, source: "cli")
        } catch {
            printError("nhacviec: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
        print("\(id): \(taskStatus.rawValue) (\(taskStatus.vietnameseName))")
    }
}
