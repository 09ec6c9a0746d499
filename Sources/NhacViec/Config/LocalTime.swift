/// A wall-clock time of day, `HH:MM`, as used by `delivery.send_time`.
package struct LocalTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let hour: Int
    package let minute: Int

    /// The default `send_time`.
    package static let eightOClock = LocalTime(validHour: 8, minute: 0)

    private init(validHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    package init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `H:MM` or `HH:MM` (24-hour).
    package init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    package var secondsSinceMidnight: Int { hour * 3600 + minute * 60 }

    package var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    package static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}
