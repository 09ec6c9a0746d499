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
    package func jsonLines(_ steps: [ScheduledStep]) -> String {
        var bytes: [UInt8] = []
        writeJSONLines(steps) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same JSON Lines, handed to `write` in chunks of whole lines (about
    /// `chunkSize` bytes each), so that a year's plan is never held as one string.
    ///
    /// A large plan has ~100,000 lines whose parts repeat per occurrence, instant,
    /// recipient and channel list: each part is rendered once, as UTF-8, and reused;
    /// steps come in time order, so the previous step's instant is checked first.
    package func writeJSONLines(
        _ steps: [ScheduledStep], chunkSize: Int = 1 << 16, to write: (ArraySlice<UInt8>) -> Void
    ) {
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 1024)
        var times: [Date: [UInt8]] = [:]
        var previousTime: (at: Date, text: [UInt8])?
        var occurrences: [ObjectIdentifier: (head: [UInt8], tail: [UInt8])] = [:]
        var kinds: [StepKind: [UInt8]] = [:]
        var recipients: [Recipient: [UInt8]] = [:]
        var ccLists: [[Recipient]: [UInt8]] = [:]
        var channelLists: [[Channel]: [UInt8]] = [:]
        for step in steps {
            let at: [UInt8]
            if let previousTime, previousTime.at == step.at {
                at = previousTime.text
            } else {
                at = Self.cached(step.at, in: &times) { Self.quoted(clock.iso8601($0)) }
                previousTime = (step.at, at)
            }
            let parts = Self.cached(ObjectIdentifier(step.occurrence), in: &occurrences) { _ in
                occurrenceParts(step.occurrence)
            }
            let kind = Self.cached(step.kind, in: &kinds) { Self.quoted($0.description) }
            let recipient = Self.cached(step.recipient, in: &recipients) { Self.quoted($0.description) }
            let cc = Self.cached(step.cc, in: &ccLists) { Self.array($0.map(\.description)) }
            let channels = Self.cached(step.channels, in: &channelLists) { Self.array($0.map(\.description)) }
            out.append(contentsOf: #"{"at":"#.utf8)
            out.append(contentsOf: at)
            out.append(contentsOf: parts.head)
            out.append(contentsOf: #","step":"#.utf8)
            out.append(contentsOf: kind)
            out.append(contentsOf: #","recipient":"#.utf8)
            out.append(contentsOf: recipient)
            out.append(contentsOf: #","cc":"#.utf8)
            out.append(contentsOf: cc)
            out.append(contentsOf: parts.tail)
            out.append(contentsOf: #","channels":"#.utf8)
            out.append(contentsOf: channels)
            out.append(contentsOf: "}\n".utf8)
            if out.count >= chunkSize {
                write(out[...])
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { write(out[...]) }
    }

    /// One JSON object per (step, recipient), in DESIGN §9's field order.
    package func jsonLine(_ step: ScheduledStep) -> String {
        var line = jsonLines([step])
        line.removeLast()
        return line
    }

    /// `,"duty":…,"occurrence":…` and `,"due":…,"due_text":…`.
    private func occurrenceParts(_ occurrence: DutyOccurrence) -> (head: [UInt8], tail: [UInt8]) {
        (
            Array(#","duty":"#.utf8) + Self.quoted(occurrence.duty.description) + Array(#","occurrence":"#.utf8)
                + Self.quoted(occurrence.occurrence),
            Array(#","due":"#.utf8) + Self.quoted(occurrence.due.description) + Array(#","due_text":"#.utf8)
                + Self.quoted(occurrence.dueText)
        )
    }

    /// The rendering of `key`, made on first use: a hit costs one lookup.
    private static func cached<Key: Hashable, Value>(
        _ key: Key, in cache: inout [Key: Value], render: (Key) -> Value
    ) -> Value {
        if let value = cache[key] { return value }
        let value = render(key)
        cache[key] = value
        return value
    }

    private static func quoted(_ text: String) -> [UInt8] {
        var out = ""
        JSONValue.writeString(text, to: &out)
        return Array(out.utf8)
    }

    private static func array(_ items: [String]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += quoted(item)
        }
        out.append(UInt8(ascii: "]"))
        return out
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
