import Foundation

/// Converts between local calendar days with a wall-clock time and instants.
///
/// Deadlines are wall time in the organisation's zone; this is the one place
/// that turns them into `Date`s (and back), so DST or a zone change is handled
/// once. Asia/Ho_Chi_Minh has no DST, but nothing here assumes that.
package struct WallClock: Sendable {
    package let timeZone: TimeZone

    package init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The instant at `time` on `date`, local. In a DST gap the time is taken
    /// with the offset in force before the gap (so 02:30 in a skipped hour is 03:30).
    package func instant(on date: LocalDate, at time: LocalTime) -> Date {
        let naive = Double(date.dayNumber * 86_400 + time.secondsSinceMidnight)
        let guess = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive)))
        let offset = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - guess)))
        return Date(timeIntervalSince1970: naive - offset)
    }

    /// Local midnight starting `date`.
    package func startOfDay(_ date: LocalDate) -> Date {
        instant(on: date, at: LocalTime(hour: 0, minute: 0) ?? .eightOClock)
    }

    /// The local calendar day of an instant.
    package func localDate(of instant: Date) -> LocalDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// ISO 8601 with the local offset, e.g. `2024-03-25T08:00:00+07:00` (DESIGN §9).
    package func iso8601(_ instant: Date) -> String {
        let offset = timeZone.secondsFromGMT(for: instant)
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let day = LocalDate(dayNumber: Int((Double(local) / 86_400).rounded(.down)))
        let secondOfDay = local - day.dayNumber * 86_400
        let sign = offset < 0 ? "-" : "+"
        return "\(day)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
            + "\(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) / 60 % 60))"
    }

    /// `HH:MM` local.
    package func timeOfDay(_ instant: Date) -> String {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        return "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60))"
    }

    /// Parses `--now`/`--from` values: ISO 8601 with an offset (`2024-03-25T07:55:00+07:00`,
    /// `…Z`), or a date (`2024-03-25`, meaning 00:00 local).
    package func parse(_ text: String) -> Date? {
        if let date = LocalDate(iso: text) {
            return startOfDay(date)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let instant = formatter.date(from: text) { return instant }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    private func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
