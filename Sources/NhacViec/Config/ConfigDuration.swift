/// A duration as written in the config: `30s`, `1m`, `1h`, `3d` or `5wd`.
///
/// Working days (`wd`) can only be turned into time with a calendar, so they
/// stay symbolic here; the schedule resolves them.
package struct ConfigDuration: Hashable, Sendable, CustomStringConvertible {
    package enum Unit: String, Sendable, CaseIterable {
        case seconds = "s"
        case minutes = "m"
        case hours = "h"
        case days = "d"
        case workingDays = "wd"
    }

    package let amount: Int
    package let unit: Unit

    package init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `<digits><unit>`; nil for anything else.
    package init?(parsing text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let amount = Int(digits),
            let unit = Unit(rawValue: String(text.dropFirst(digits.count)))
        else { return nil }
        self.init(amount: amount, unit: unit)
    }

    /// Elapsed seconds for the units that have a fixed length; nil for working days.
    package var seconds: Int? {
        switch unit {
        case .seconds: amount
        case .minutes: amount * 60
        case .hours: amount * 3600
        case .days: amount * 86_400
        case .workingDays: nil
        }
    }

    package var duration: Duration? {
        seconds.map { .seconds($0) }
    }

    package var description: String { "\(amount)\(unit.rawValue)" }

    /// "5 ngày làm việc", "3 ngày", … for messages.
    package var vietnameseDescription: String {
        switch unit {
        case .seconds: "\(amount) giây"
        case .minutes: "\(amount) phút"
        case .hours: "\(amount) giờ"
        case .days: "\(amount) ngày"
        case .workingDays: "\(amount) ngày làm việc"
        }
    }
}
