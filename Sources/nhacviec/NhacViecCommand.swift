import ArgumentParser
import Foundation
import NhacViec

@main
struct NhacViecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhacviec",
        abstract: "Nhắc việc: reminders for a yearly administrative-reform plan.",
        version: NhacViecVersion.current,
        subcommands: [
            CheckCommand.self, PlanCommand.self, HolidaysCommand.self, TaskCommand.self, SubmitCommand.self,
            RunCommand.self, StatusCommand.self, ReportCommand.self, SendTestCommand.self, FormCommand.self,
            DifficultyCommand.self, ServeCommand.self, LinkCommand.self,
            IntakeCommand.self,
        ]
    )

    /// The state holds names and addresses: whatever the caller's umask, what this
    /// process creates is readable by its user only (DESIGN §10). Set before anything.
    static func main() {
        umask(0o077)
        main(nil)
    }
}
