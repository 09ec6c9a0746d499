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
    @Option(help: "A report request id (reports.requests): the unit's page for that request.") var request: String?
    @Flag(help: "The unit's calendar feed (iCalendar) URL.") var ics = false

    func run() throws {
        let loaded = try config.load()
        guard [ics, period != nil, request != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --period YYYY-MM, --request R and --ics")
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
        var requestDue: LocalDate?
        if let request {
            guard let found = loaded.reports.requests.first(where: { $0.id == request }) else {
                let known = loaded.reports.requests.map(\.id)
                throw ValidationError(
                    "unknown request '\(request)' (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
            }
            guard found.from.contains(unit) else {
                throw ValidationError("unit '\(unit)' does not send the request '\(request)' (reports.requests[].from)")
            }
            requestDue = WebLinks.requestDue(
                unit: unit, request: request, config: loaded,
                calendar: WorkingCalendar(rules: loaded.calendar.rules),
                now: try clock.resolve(WallClock(timeZone: loaded.organization.timeZone)))
            guard requestDue != nil else {
                throw ValidationError("the request '\(request)' has no due date near today: its link would have no end")
            }
        }
        do {
            let links = try WebLinks(config: loaded, environment: ProcessInfo.processInfo.environment)
            if let request, let requestDue {
                print(
                    links.requestPageURL(unit: unit, request: request, due: requestDue, validity: loaded.web.linkValid))
            } else if let reportPeriod {
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
