import ArgumentParser
import Foundation
import NhacViec

/// `--now T`: pretend the clock reads T (ISO 8601 with offset, or a date = 00:00 local).
struct ClockOption: ParsableArguments {
    @Option(name: .customLong("now"), help: "Pretend the clock reads this time (2024-03-25T07:55:00+07:00, or a date).")
    var now: String?

    /// The instant to use, in the config's zone.
    func resolve(_ clock: WallClock) throws -> Date {
        guard let now else { return Date() }
        guard let instant = clock.parse(now) else {
            throw ValidationError("--now '\(now)' is not a date or an ISO 8601 time with offset")
        }
        return instant
    }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
