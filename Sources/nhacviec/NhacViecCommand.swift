import ArgumentParser
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
}
