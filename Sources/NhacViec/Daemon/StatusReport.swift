import Foundation

/// What `nhacviec status` shows (DESIGN §9): the next steps, every delivery not
/// yet sent or skipped with its reason, the last run, and where things are.
package struct StatusReport: Sendable {
    package let configPath: String
    package let stateDirectory: String
    package let lastRun: Date?
    package let next: [ScheduledStep]
    package let counts: [DeliveryStatus: Int]
    package let deliveries: [LedgerEntry]
    /// The report mailbox, when `intake.email` is configured.
    package var intake: EmailIntakeStatus?
    private let config: Config

    /// The next steps are the first `limit` steps from `now` within 60 days.
    package init(config: Config, stateDirectory: String, store: StateStore?, now: Date, limit: Int = 20)
        throws(StoreError)
    {
        self.config = config
        self.configPath = config.path
        self.stateDirectory = stateDirectory
        let clock = WallClock(timeZone: config.organization.timeZone)
        let today = clock.localDate(of: now)
        let query = PlanQuery(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        if let store {
            let snapshot = try store.loadSnapshot()
            next = Array(
                query.steps(from: today, to: today.adding(days: 60), state: snapshot).filter { $0.at >= now }.prefix(
                    limit))
            lastRun = try store.lastRun()
            counts = try store.counts()
            deliveries = try store.deliveries(excluding: [.sent, .skipped])
            if config.intake.email != nil { intake = try EmailIntakeStatus.read(store) }
        } else {
            next = Array(
                query.steps(from: today, to: today.adding(days: 60), state: EmptySchedulerState()).filter {
                    $0.at >= now
                }
                .prefix(limit))
            lastRun = nil
            counts = [:]
            deliveries = []
        }
    }

    package var json: String {
        let clock = WallClock(timeZone: config.organization.timeZone)
        let formatter = PlanFormatter(config: config)
        var out = "{\"config\":"
        JSONValue.writeString(configPath, to: &out)
        out += ",\"state\":"
        JSONValue.writeString(stateDirectory, to: &out)
        out += ",\"last_run\":" + (lastRun.map { JSONValue.string(clock.iso8601($0)).rendered } ?? "null")
        out += ",\"next\":[" + next.map(formatter.jsonLine).joined(separator: ",") + "]"
        let countFields = DeliveryStatus.allCases.map { ($0.rawValue, JSONValue.int(counts[$0] ?? 0)) }
        out += ",\"counts\":" + JSONValue.object(countFields).rendered
        out +=
            ",\"deliveries\":"
            + JSONValue.array(
                deliveries.map { entry in
                    .object([
                        ("key", .string(entry.key)), ("duty", .string(entry.duty)),
                        ("occurrence", .string(entry.occurrence)),
                        ("step", .string(entry.step)), ("recipient", .string(entry.recipient)),
                        ("channel", .string(entry.channel)), ("status", .string(entry.status.rawValue)),
                        ("attempts", .int(entry.attempts)),
                        ("last_error", entry.lastError.map(JSONValue.string) ?? .null),
                        ("next_attempt_at", entry.nextAttemptAt.map { .string(clock.iso8601($0)) } ?? .null),
                    ])
                }
            ).rendered
        if let intake { out += ",\"intake\":" + intake.json.rendered }
        return out + "}"
    }

    package var text: String {
        let clock = WallClock(timeZone: config.organization.timeZone)
        var lines = [
            "Cấu hình: \(configPath)",
            "Thư mục trạng thái: \(stateDirectory)",
            "Lần chạy gần nhất: \(lastRun.map(clock.iso8601) ?? "chưa chạy")",
            "Thư đã ghi nhận: "
                + DeliveryStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "),
        ]
        lines.append("")
        if deliveries.isEmpty {
            lines.append("Không có thư nào đang chờ, đang gửi lại hay thất bại.")
        } else {
            lines.append("Thư chưa gửi xong (\(deliveries.count)):")
            for entry in deliveries {
                var line =
                    "  \(entry.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.key)  (lần thử: \(entry.attempts)"
                if let next = entry.nextAttemptAt { line += ", thử lại lúc \(clock.iso8601(next))" }
                line += ")"
                lines.append(line)
                if let error = entry.lastError { lines.append("           lỗi: \(error)") }
            }
        }
        if let intake {
            lines.append("")
            lines += intake.lines
        }
        lines.append("")
        if next.isEmpty {
            lines.append("Không có lượt nhắc nào trong 60 ngày tới.")
        } else {
            lines.append("Các lượt nhắc sắp tới:")
            for step in next {
                lines.append(
                    "  \(clock.iso8601(step.at))  \(step.kind)  → \(step.recipient)  \(step.occurrence.duty)  (hạn \(step.occurrence.due.vietnameseNumeric))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
