import Foundation

/// Deadlines as an iCalendar feed (RFC 5545, DESIGN §15): one all-day VEVENT per duty
/// occurrence on its due date, with the deadline as the plan wrote it, the lead and
/// supporting units, a UID that stays the same across requests and reloads, and a
/// VALARM at the first before-step. Lines end in CRLF and fold at 75 octets.
struct ICSCalendar {
    let config: Config
    let calendar: WorkingCalendar

    /// The occurrences a feed covers: the plan year when set, else a year back and ahead.
    func window(today: LocalDate) -> ClosedRange<LocalDate> {
        if let year = config.organization.planYear, let first = LocalDate(year: year, month: 1, day: 1),
            let last = LocalDate(year: year + 1, month: 1, day: 31)
        {
            return first...last
        }
        return today.adding(days: -366)...today.adding(days: 366)
    }

    /// The feed for one unit (duties it leads, supports or reports), or every duty when `unit` is nil.
    func render(unit: String?, now: Date, today: LocalDate) -> String {
        let planner = StepPlanner(config: config, calendar: calendar)
        let occurrences = OccurrenceExpander(config: config, calendar: calendar).occurrences(
            dueIn: window(today: today)
        )
        .filter { occurrence in
            guard let unit else { return true }
            return occurrence.recipient == .unit(unit) || occurrence.cc.contains(.unit(unit))
        }
        .sorted { ($0.due, $0.duty.description) < ($1.due, $1.duty.description) }
        let name = unit.flatMap { config.unit($0)?.name } ?? config.organization.name
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nhacviec//Nhac viec \(NhacViecVersion.current)//VI",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.text("Thời hạn: \(name)"),
            "X-WR-TIMEZONE:" + config.organization.timeZone.identifier,
        ]
        let stamp = Self.utc(now)
        for occurrence in occurrences {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + Self.text(uid(occurrence)))
            lines.append("DTSTAMP:" + stamp)
            lines.append("DTSTART;VALUE=DATE:" + Self.basic(occurrence.due))
            lines.append("DTEND;VALUE=DATE:" + Self.basic(occurrence.due.adding(days: 1)))
            lines.append("SUMMARY:" + Self.text(summary(occurrence)))
            lines.append("DESCRIPTION:" + Self.text(description(occurrence)))
            lines.append("TRANSP:TRANSPARENT")
            let firstBefore = planner.steps(of: occurrence).first { if case .before = $0.kind { true } else { false } }
            if let firstBefore {
                lines.append("BEGIN:VALARM")
                lines.append("ACTION:DISPLAY")
                lines.append("DESCRIPTION:" + Self.text("Sắp đến hạn: \(summary(occurrence))"))
                lines.append("TRIGGER;VALUE=DATE-TIME:" + Self.utc(firstBefore.at))
                lines.append("END:VALARM")
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `<duty>/<occurrence>@nhacviec`: the delivery key's stable part.
    private func uid(_ occurrence: DutyOccurrence) -> String {
        "\(occurrence.duty)/\(occurrence.occurrence)@nhacviec"
    }

    private func summary(_ occurrence: DutyOccurrence) -> String {
        switch occurrence.duty {
        case .task(let id): "\(id) · \(occurrence.title)"
        case .monthlyReport(let unit), .request(_, let unit):
            "\(occurrence.title) · \(config.unit(unit)?.name ?? unit)"
        case .consolidatedReport, .difficulty: occurrence.title
        }
    }

    private func description(_ occurrence: DutyOccurrence) -> String {
        var parts = ["Thời hạn: \(occurrence.dueText)"]
        if occurrence.nominalDue != occurrence.due {
            parts.append(
                "Hạn ghi trong kế hoạch là \(occurrence.nominalDue.vietnameseNumeric), rơi vào ngày nghỉ nên chuyển sang \(occurrence.due.vietnameseNumeric)."
            )
        }
        let lead = config.unit(occurrence.responsibleUnit)?.name ?? occurrence.responsibleUnit
        parts.append("Chủ trì: \(lead)")
        let support = occurrence.cc.map { recipient -> String in
            if case .unit(let id) = recipient { return config.unit(id)?.name ?? id }
            return recipient.description
        }
        if !support.isEmpty { parts.append("Phối hợp: \(support.joined(separator: ", "))") }
        return parts.joined(separator: "\n")
    }

    /// TEXT value escaping (RFC 5545 §3.3.11).
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default:
                if let ascii = character.asciiValue, ascii < 0x20 || ascii == 0x7F { continue }
                out.append(character)
            }
        }
        return out
    }

    /// Folds a content line into pieces of at most 75 octets, never inside a UTF-8 sequence (§3.1).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var pieces: [String] = []
        var current = ""
        var currentBytes = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = pieces.isEmpty ? 75 : 74  // continuation lines start with a space
            if currentBytes + size > limit {
                pieces.append(current)
                current = ""
                currentBytes = 0
            }
            current.unicodeScalars.append(scalar)
            currentBytes += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    static func basic(_ date: LocalDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    static func utc(_ instant: Date) -> String {
        let clock = WallClock(timeZone: TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current)
        let day = clock.localDate(of: instant)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        return basic(day)
            + String(format: "T%02d%02d%02dZ", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }
}
