import ArgumentParser
import Foundation
import NhacViec

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the reminder steps that would fire between two days."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Option(help: "First day (YYYY-MM-DD; default: today).") var from: String?
    @Option(help: "Last day, included (YYYY-MM-DD; default: today + 30 days).") var to: String?
    @Option(help: "text or json (JSON Lines).") var format: OutputFormat = .text

    func run() throws {
        let loaded = try config.load()
        let wallClock = WallClock(timeZone: loaded.organization.timeZone)
        let today = wallClock.localDate(of: try clock.resolve(wallClock))
        let first = try day(from, option: "--from") ?? today
        let last = try day(to, option: "--to") ?? first.adding(days: 30)
        guard first <= last else { throw ValidationError("--from \(first) is after --to \(last)") }
        let calendar = WorkingCalendar(rules: loaded.calendar.rules)
        // With a state dir, what it records as sent or skipped (and its difficulties) counts.
        let snapshot = try state.openExisting()?.loadSnapshot()
        let query = PlanQuery(config: loaded, calendar: calendar)
        let steps =
            if let snapshot {
                query.steps(from: first, to: last, state: snapshot)
            } else {
                query.steps(from: first, to: last, state: EmptySchedulerState())
            }
        let formatter = PlanFormatter(config: loaded)
        switch format {
        case .json:
            // Written in chunks as they are rendered: a year's plan is ~30 MB of JSON.
            let output = FileHandle.standardOutput
            formatter.writeJSONLines(steps) { output.write(Data($0)) }
        case .text:
            print(formatter.text(steps, from: first, to: last))
        }
    }

    private func day(_ text: String?, option: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw ValidationError("\(option) '\(text)' is not a date (YYYY-MM-DD)")
        }
        return date
    }
}
