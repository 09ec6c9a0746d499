import Foundation

/// `nhacviec difficulty list` (DESIGN §14): which difficulties are open, since
/// when, and what was decided, as text or a JSON array.
package struct DifficultyListing: Sendable {
    package let config: Config
    private let clock: WallClock

    package init(config: Config) {
        self.config = config
        self.clock = WallClock(timeZone: config.organization.timeZone)
    }

    /// The records with `status` (any when nil) raised by `unit` (any when nil), in id order.
    package func filter(_ difficulties: [Difficulty], status: DifficultyStatus?, unit: String?) -> [Difficulty] {
        difficulties.filter { difficulty in
            (status.map { difficulty.status == $0 } ?? true) && (unit.map { difficulty.unit == $0 } ?? true)
        }
    }

    /// `[{"id","unit","text","task","status","raised_at","updated_at","history":[{"at","status","note"}]}]`,
    /// times local with their offset.
    package func json(_ difficulties: [Difficulty]) -> String {
        let items = difficulties.map { difficulty in
            JSONValue.object([
                ("id", .string(difficulty.id)),
                ("unit", .string(difficulty.unit)),
                ("text", .string(difficulty.text)),
                ("task", difficulty.task.map(JSONValue.string) ?? .null),
                ("status", .string(difficulty.status.rawValue)),
                ("raised_at", .string(clock.iso8601(difficulty.raisedAt))),
                ("updated_at", .string(clock.iso8601(difficulty.updatedAt))),
                (
                    "history",
                    .array(
                        difficulty.history.map { event in
                            .object([
                                ("at", .string(clock.iso8601(event.at))),
                                ("status", .string(event.status.rawValue)),
                                ("note", event.note.map(JSONValue.string) ?? .null),
                            ])
                        })
                ),
            ])
        }
        return JSONValue.array(items).rendered + "\n"
    }

    /// One block per difficulty: id, status, age, unit, text, task, then its history.
    package func text(_ difficulties: [Difficulty], now: Date) -> String {
        guard !difficulties.isEmpty else { return "Không có vướng mắc nào. / No difficulties.\n" }
        var out = ""
        for difficulty in difficulties {
            let unit = config.unit(difficulty.unit)
            let unitName =
                unit.map { "\(difficulty.unit) (\($0.name))" }
                ?? "\(difficulty.unit) (đơn vị không còn trong cấu hình / no longer in the config)"
            let age = difficulty.status.isActive ? ", \(difficulty.ageInDays(at: now, clock: clock)) ngày" : ""
            out +=
                "\(difficulty.id)  \(difficulty.status.rawValue) (\(difficulty.status.vietnameseName)\(age))  \(unitName)\n"
            out += "  \(difficulty.text.split(whereSeparator: \.isNewline).joined(separator: " "))\n"
            if let task = difficulty.task {
                let title = config.tasks.first { $0.id == task }?.title
                out += "  Nhiệm vụ: \(title.map { "\(task) – \($0)" } ?? task)\n"
            }
            for event in difficulty.history {
                let note = event.note.map { ": \($0)" } ?? ""
                out += "  \(clock.iso8601(event.at))  \(event.status.rawValue)\(note)\n"
            }
        }
        return out
    }
}
