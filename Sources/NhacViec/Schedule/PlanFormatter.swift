import Foundation

/// Renders `plan` output: text for people, or JSON Lines (DESIGN §9).
package struct PlanFormatter: Sendable {
    package let config: Config
    private let clock: WallClock

    package init(config: Config) {
        self.config = config
        self.clock = WallClock(timeZone: config.organization.timeZone)
    }

    /// JSON Lines for all steps: one object per (step, recipient), newline-terminated.
    ///
    /// A large plan has ~100,000 lines whose parts repeat per occurrence, instant,
    /// recipient and channel list: each part is rendered once and reused.
    package func jsonLines(_ steps: [ScheduledStep]) -> String {
        var out = ""
        out.reserveCapacity(steps.count * 300)
        var times: [Date: String] = [:]
        var occurrences: [ObjectIdentifier: (head: String, tail: String)] = [:]
        var recipients: [Recipient: String] = [:]
        var lists: [[String]: String] = [:]
        for step in steps {
            let at = times[step.at] ?? Self.quoted(clock.iso8601(step.at))
            times[step.at] = at
            let parts = occurrences[ObjectIdentifier(step.occurrence)] ?? occurrenceParts(step.occurrence)
            occurrences[ObjectIdentifier(step.occurrence)] = parts
            let recipient = recipients[step.recipient] ?? Self.quoted(step.recipient.description)
            recipients[step.recipient] = recipient
            let ccNames = step.cc.map(\.description)
            let cc = lists[ccNames] ?? Self.array(ccNames)
            lists[ccNames] = cc
            let channelNames = step.channels.map(\.description)
            let channels = lists[channelNames] ?? Self.array(channelNames)
            lists[channelNames] = channels
            out += "{\"at\":"
            out += at
            out += parts.head
            out += ",\"step\":"
            out += Self.quoted(step.kind.description)
            out += ",\"recipient\":"
            out += recipient
            out += ",\"cc\":"
            out += cc
            out += parts.tail
            out += ",\"channels\":"
            out += channels
            out += "}\n"
        }
        return out
    }

    /// One JSON object per (step, recipient), in DESIGN §9's field order.
    package func jsonLine(_ step: ScheduledStep) -> String {
        var line = jsonLines([step])
        line.removeLast()
        return line
    }

    /// `,"duty":…,"occurrence":…` and `,"due":…,"due_text":…`.
    private func occurrenceParts(_ occurrence: DutyOccurrence) -> (head: String, tail: String) {
        (
            ",\"duty\":\(Self.quoted(occurrence.duty.description)),\"occurrence\":\(Self.quoted(occurrence.occurrence))",
            ",\"due\":\(Self.quoted(occurrence.due.description)),\"due_text\":\(Self.quoted(occurrence.dueText))"
        )
    }

    private static func quoted(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, to: &out)
        return out
    }

    private static func array(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ",") + "]"
    }

    /// Steps grouped by day under a Vietnamese day heading, then a one-line total.
    package func text(_ steps: [ScheduledStep], from: LocalDate, to: LocalDate) -> String {
        var lines: [String] = []
        var currentDay: LocalDate?
        for step in steps {
            if step.date != currentDay {
                if currentDay != nil { lines.append("") }
                lines.append("\(step.date.weekday.vietnameseName), \(step.date.vietnameseNumeric)")
                currentDay = step.date
            }
            let cc = step.cc.isEmpty ? "" : " (cc: \(step.cc.map(\.description).joined(separator: ", ")))"
            let channels =
                step.channels.isEmpty ? "không có kênh gửi" : step.channels.map(\.description).joined(separator: ", ")
            lines.append(
                "  \(clock.timeOfDay(step.at))  \(step.kind)  → \(name(of: step.recipient))\(cc)  [\(channels)]")
            let due = step.occurrence.due
            var deadline = "hạn \(due.weekday.vietnameseName) \(due.vietnameseNumeric) (\(step.occurrence.dueText))"
            if let difficulty = step.occurrence.difficulty {
                // A difficulty has no deadline: its occurrence is the day it was raised.
                deadline = "\(difficulty.unit) nêu ngày \(due.vietnameseNumeric)"
            } else if step.occurrence.nominalDue != due {
                deadline += ", lùi từ \(step.occurrence.nominalDue.vietnameseNumeric) vì trùng ngày nghỉ"
            }
            lines.append("         \(step.occurrence.duty)  \(step.occurrence.title) — \(deadline)")
        }
        if !lines.isEmpty { lines.append("") }
        let days = Set(steps.map(\.date)).count
        lines.append(
            "\(steps.count) lượt nhắc trong \(days) ngày, từ \(from.vietnameseNumeric) đến \(to.vietnameseNumeric).")
        return lines.joined(separator: "\n")
    }

    private func name(of recipient: Recipient) -> String {
        switch recipient {
        case .unit(let id): "\(id) (\(config.unit(id)?.name ?? id))"
        case .group(let id): "\(id) (\(config.group(id)?.name ?? id))"
        case .head(let id):
            "\(recipient) (\([config.unit(id)?.head?.title, config.unit(id)?.head?.name].compactMap { $0 }.joined(separator: " ")))"
        }
    }
}
