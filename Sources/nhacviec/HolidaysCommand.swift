import ArgumentParser
import Foundation
import NhacViec

struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List a year's days off (statutory, compensatory, announced) and announced work days."
    )

    @OptionGroup var config: ConfigOption
    @Option(help: "The year (default: this year).") var year: Int?
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        let loaded = try config.load()
        let wallClock = WallClock(timeZone: loaded.organization.timeZone)
        let shownYear = year ?? wallClock.localDate(of: Date()).year
        guard (1900...2100).contains(shownYear) else { throw ValidationError("--year must be between 1900 and 2100") }
        let listing = HolidayListing(calendar: WorkingCalendar(rules: loaded.calendar.rules), year: shownYear)
        print(format == .json ? listing.json : listing.text)
    }
}
