import ArgumentParser
import Foundation
import NhacViec

struct DifficultyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "difficulty",
        abstract: "Difficulties (vướng mắc) raised by units, until they are resolved.",
        subcommands: [List.self, Forward.self, Resolve.self, Withdraw.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List difficulties with their status and history.")

        @OptionGroup var config: ConfigOption
        @OptionGroup var state: StateOption
        @OptionGroup var clock: ClockOption
        @Option(help: "open, forwarded, resolved or withdrawn.") var status: String?
        @Option(help: "Only those raised by this unit id.") var unit: String?
        @Option(help: "text or json.") var format: OutputFormat = .text

        func run() throws {
            let loaded = try config.load()
            let wanted = try status.map(DifficultyCommand.status)
            let now = try clock.resolve(WallClock(timeZone: loaded.organization.timeZone))
            let store = try state.openExisting()
            let all = try store?.difficulties() ?? []
            let listing = DifficultyListing(config: loaded)
            let shown = listing.filter(all, status: wanted, unit: unit)
            print(format == .json ? listing.json(shown) : listing.text(shown, now: now), terminator: "")
        }
    }

    struct Forward: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a difficulty was passed on for a decision.")
        @OptionGroup var change: Change
        @Option(help: "To whom, and how (kept in the history).") var note: String?
        func run() throws { try change.run(to: .forwarded, note: note) }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the direction given; the unit and the Office are told.")
        @OptionGroup var change: Change
        @Option(help: "The direction given (\"Ý kiến chỉ đạo: …\").") var note: String
        func run() throws { try change.run(to: .resolved, note: note) }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that the unit withdrew a difficulty.")
        @OptionGroup var change: Change
        @Option(help: "Why (kept in the history).") var note: String?
        func run() throws { try change.run(to: .withdrawn, note: note) }
    }

    /// What forward, resolve and withdraw share.
    struct Change: ParsableArguments {
        @OptionGroup var config: ConfigOption
        @OptionGroup var state: StateOption
        @OptionGroup var clock: ClockOption
        @Argument(help: "The difficulty id (VM-2024-3).") var id: String

        func run(to status: DifficultyStatus, note: String?) throws {
            let loaded = try config.load()
            let at = try clock.resolve(WallClock(timeZone: loaded.organization.timeZone))
            let store = try state.open()
            do {
                let difficulty = try DifficultyActions.change(store: store, id: id, to: status, note: note, at: at)
                print("\(difficulty.id): \(difficulty.status.rawValue) (\(difficulty.status.vietnameseName))")
            } catch let error as DifficultyError {
                printError("nhacviec: \(error)")
                throw ExitCode(ExitStatus.dataError.rawValue)
            } catch let error as StoreError {
                printError("nhacviec: \(error)")
                throw ExitCode(error.exitStatus.rawValue)
            }
        }
    }

    static func status(_ text: String) throws -> DifficultyStatus {
        guard let status = DifficultyStatus(rawValue: text) else {
            throw ValidationError("unknown status '\(text)' (expected open, forwarded, resolved or withdrawn)")
        }
        return status
    }
}
