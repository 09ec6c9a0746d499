import ArgumentParser
import Foundation
import NhacViec

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Print a unit's signed calendar URL (needs web.base_url and the web secret)."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var clock: ClockOption
    @Option(help: "The unit id.") var unit: String
    @Flag(help: "The unit's calendar feed (iCalendar) URL.") var ics = false

    func run() throws {
        let loaded = try config.load()
        guard ics else {
            throw ValidationError("give --ics (unit page links by --period or --request are not available yet)")
        }
        guard loaded.unit(unit) != nil else {
            let known = loaded.units.map(\.id)
            throw ValidationError(
                "unknown unit '\(unit)' (known: \(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", …" : ""))"
            )
        }
        do {
            print(
                try WebLinks(config: loaded, environment: ProcessInfo.processInfo.environment).calendarURL(unit: unit))
        } catch {
            printError("\(loaded.path): error: \(error)")
            throw ExitCode(ExitStatus.configError.rawValue)
        }
    }
}
