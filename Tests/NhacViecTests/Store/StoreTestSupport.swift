import Foundation

@testable import NhacViec

/// Builders for store tests: a throw-away state directory and hand-made steps and digests.
enum StoreFixture {
    /// 2024-03-25 08:00 +07:00; whole seconds, as the store keeps milliseconds.
    static let t0 = Date(timeIntervalSince1970: 1_711_328_400)

    static func time(minutes: Int) -> Date {
        t0.addingTimeInterval(TimeInterval(minutes * 60))
    }

    /// Runs `body` with a fresh state directory path (not yet created) and removes it afterwards.
    static func withStateDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("nhacviec-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        return try body(root.appendingPathComponent("state").path)
    }

    static func occurrence(_ duty: Duty, _ occurrence: String = "2024-04-01", recurring: Bool = false)
        -> DutyOccurrence
    {
        let due = LocalDate(iso: "2024-04-01") ?? LocalDate(dayNumber: 0)
        return DutyOccurrence(
            duty: duty, occurrence: occurrence, due: due, nominalDue: due, dueText: "Tháng 3/2024",
            title: "Công bố thủ tục hành chính", policy: .builtInDefault, recipient: .unit("phong-qldt"),
            cc: [.unit("van-phong")], responsibleUnit: "phong-qldt", isRecurring: recurring)
    }

    static func step(
        _ duty: Duty = .task(id: "II.3"), occurrence: String = "2024-04-01", kind: StepKind = .due,
        recipient: Recipient = .unit("phong-qldt"), cc: [Recipient] = [.unit("van-phong")],
        channels: [Channel] = [.email, .webhook("zalo-van-phong")]
    ) -> ScheduledStep {
        ScheduledStep(
            occurrence: Self.occurrence(duty, occurrence), kind: kind,
            date: LocalDate(iso: "2024-04-01") ?? LocalDate(dayNumber: 0), at: t0, recipient: recipient, cc: cc,
            channels: channels)
    }

    /// One digest of `steps` on `channel`, to their (shared) recipient.
    static func digest(_ steps: [ScheduledStep], channel: Channel = .email, at: Date = t0) -> Digest {
        let recipient = steps.first?.recipient ?? .unit("phong-qldt")
        return Digest(
            recipient: recipient, channel: channel,
            items: steps.map { Digest.Item(step: $0, key: $0.key(for: channel)) }, at: at)
    }

    /// A two-item digest: II.3 due and VI.2 overdue-2, for phong-qldt by email.
    static func twoItemDigest(at: Date = t0) -> Digest {
        digest([step(.task(id: "II.3"), kind: .due), step(.task(id: "VI.2"), kind: .overdue(2))], at: at)
    }

    static func submission(
        unit: String = "phong-qldt", period: String = "2024-03", receivedAt: Date, sourceName: String = "bao-cao.md",
        tasks: [TaskUpdate] = [], body: String = "Kết quả nổi bật trong tháng …"
    ) -> Submission {
        Submission(
            unit: unit, report: "monthly", period: period, tasks: tasks,
            difficulties: ["Chưa có hướng dẫn của Sở Nội vụ về đánh giá"],
            proposals: ["Đề nghị Sở Thông tin và Truyền thông hỗ trợ"], body: body, receivedAt: receivedAt,
            sourceName: sourceName)
    }
}
