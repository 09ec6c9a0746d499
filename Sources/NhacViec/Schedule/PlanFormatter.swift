import Foundation

/// Renders `plan` output: text for people, or JSON Lines (DESIGN §9).
package struct PlanFormatter: Sendable {
    package let config: Config
    private let clock: WallClock

    package init(config: Config) {
        self.config = config
        self.clock = WallClock(timeZone: config.organization.timeZone)
    }

    /// One JSON object per (step, recipient), in DESIGN §9's field order.
    package func jsonLine(_ step: ScheduledStep) -> String {
        JSONValue.object([
            ("at", .string(clock.iso8601(step.at))),
            ("duty", .string(step.occurrence.duty.description)),
            ("occurrence", .string(step.occurrence.occurrence)),
            ("step", .string(step.kind.description)),
            ("recipient", .string(step.recipient.description)),
            ("cc", .array(step.cc.map { .string($0.description) })),
            ("due", .string(step.occurrence.due.description)),
            ("due_text", .string(step.occurrence.dueText)),
            ("channels", .array(step.channels.map { .string($0.description) })),
        ]).rendered
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
            if step.occurrence.nominalDue != due {
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
