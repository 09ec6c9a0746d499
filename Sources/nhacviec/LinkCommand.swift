import ArgumentParser
import Foundation
import NhacViec

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Print a unit's signed page or calendar URL (needs web.base_url and the web secret)."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var clock: ClockOption
    @Option(help: "The unit id.") var unit: String
    @Option(help: "The reporting period, YYYY-MM: the unit's report page for it.") var period: String?
    @Flag(help: "The unit's calendar feed (iCalendar) URL.") var ics = false

    func run() throws {
        let loaded = try config.load()
        guard ics != (period != nil) else {
            throw ValidationError("give either --period YYYY-MM or --ics (links by --request are not available yet)")
        }
        guard loaded.unit(unit) != nil else {
            let known = loaded.units.map(\.id)
            throw ValidationError(
                "unknown unit '\(unit)' (known: \(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", …" : ""))"
            )
        }
        let kind = loaded.reports.monthly?.period ?? .decree09
        var reportPeriod: ReportPeriod?
        if let period {
            guard let parsed = ReportPeriod(parsing: period, kind: kind) else {
                throw ValidationError("--period '\(period)' is not a month (YYYY-MM)")
            }
            guard loaded.reports.monthly?.from.contains(unit) == true else {
                throw ValidationError("unit '\(unit)' does not send the monthly report (reports.monthly.from)")
            }
            reportPeriod = parsed
        }
        do {
            let links = try WebLinks(config: loaded, environment: ProcessInfo.processInfo.environment)
            if let reportPeriod {
                print(links.unitPageURL(unit: unit, period: reportPeriod, validity: loaded.web.linkValid))
            } else {
                print(links.calendarURL(unit: unit))
            }
        } catch {
            printError("\(loaded.path): error: \(error)")
            throw ExitCode(ExitStatus.configError.rawValue)
        }
    }
}
