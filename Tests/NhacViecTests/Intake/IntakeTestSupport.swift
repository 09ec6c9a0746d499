import Foundation
import Testing

@testable import NhacViec

/// The config, clock and fixtures the intake tests share.
enum IntakeTestSupport {
    static let fixtures = TestConfig.packageRoot.appendingPathComponent("Tests/Fixtures/submissions")

    /// Two tasks of phong-qldt, the decree-09 monthly report due on the 16th (16/03/2024 is a
    /// Saturday, so March's moves to Monday 18/03), and requests: a dated one, one due on a
    /// Saturday, a recurring one and one with no date.
    static let yaml = TestConfig.yaml(
        tasks: """
            tasks:
              - id: II.3
                area: the_che
                title: Rà soát văn bản quy phạm pháp luật
                lead: phong-qldt
                support: [van-phong]
                due: Tháng 3/2024
              - id: VI.2
                area: chinh_quyen_so
                title: Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính
                lead: phong-qldt
                due: Quý II/2024
            """,
        reports: """
            reports:
              monthly:
                title: Báo cáo kết quả thực hiện công tác cải cách hành chính
                from: all
                period: decree_09
                due: day 16
              requests:
                - id: bc-ddci
                  title: Báo cáo đánh giá Chỉ số DDCI
                  from: [phong-qldt, van-phong]
                  due: 10/05/2024
                - id: bc-cuoi-tuan
                  title: Báo cáo nhanh tình hình giải ngân
                  from: [phong-qldt]
                  due: 16/03/2024
                - id: bc-quy
                  title: Báo cáo quý về thủ tục hành chính
                  from: [phong-qldt]
                  due: Hằng quý
                - id: bc-theo-yeu-cau
                  title: Báo cáo chuyên đề
                  from: [phong-qldt]
                  due: Theo yêu cầu
            """)

    static func config() throws -> Config { try TestConfig.load(yaml) }

    /// The same config with `organization.language` set (`vi` is also the default).
    static func config(language: MessageLanguage) throws -> Config {
        try TestConfig.load(
            yaml.replacingOccurrences(
                of: "  office: van-phong\n", with: "  office: van-phong\n  language: \(language.rawValue)\n"))
    }

    static let wallClock = WallClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current)

    /// An instant written as ISO 8601 with offset.
    static func at(_ text: String) throws -> Date {
        try #require(wallClock.parse(text), "bad test time \(text)")
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    /// The `# expect: L:C fragment` lines of a fixture (English messages), or with
    /// `marker` `# expect-vi: ` its Vietnamese ones.
    static func expectations(in data: Data, marker: String = "# expect: ") -> [(
        line: Int, column: Int, fragment: String
    )] {
        String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
            guard let range = line.range(of: marker) else { return nil }
            let rest = line[range.upperBound...]
            guard let space = rest.firstIndex(of: " ") else { return nil }
            let position = rest[..<space].split(separator: ":").compactMap { Int($0) }
            guard position.count == 2 else { return nil }
            return (position[0], position[1], String(rest[rest.index(after: space)...]))
        }
    }
}

/// A `SubmissionSink` that follows the documented contract in memory: history per
/// (duty, occurrence), a repeat of the current content records nothing.
final class MemorySink: SubmissionSink, @unchecked Sendable {
    private let lock = NSLock()
    private var history: [String: [Submission]] = [:]
    /// When set, `accept` throws (a store that is down).
    var failing = false

    struct Down: Error, CustomStringConvertible {
        var description: String { "database is locked" }
    }

    func accept(_ submission: Submission, target: SubmissionTarget) throws -> SubmissionOutcome {
        lock.lock()
        defer { lock.unlock() }
        if failing { throw Down() }
        let key = "\(target.duty)/\(target.occurrence)"
        let previous = history[key]?.last
        if let previous, previous.contentKey == submission.contentKey {
            return .unchanged(recordedAt: previous.receivedAt)
        }
        history[key, default: []].append(submission)
        return previous.map { .replaced(previousReceivedAt: $0.receivedAt) } ?? .recorded
    }

    private var raised: [String] = []

    /// In memory, difficulties never close: the same text from the same unit is already open.
    func raiseDifficulties(
        _ entries: [DifficultyEntry], unit: String, at: Date, timeZone: TimeZone, source: String, reopen: Bool
    ) throws -> [DifficultyRaise] {
        lock.lock()
        defer { lock.unlock() }
        if failing { throw Down() }
        return entries.map { entry in
            let key = "\(unit)/\(Difficulty.normalizedText(entry.text))"
            if let index = raised.firstIndex(of: key) {
                return DifficultyRaise(id: "VM-\(index + 1)", outcome: .alreadyOpen)
            }
            raised.append(key)
            return DifficultyRaise(id: "VM-\(raised.count)", outcome: .created)
        }
    }

    func recorded(_ duty: Duty, _ occurrence: String) -> [Submission] {
        lock.lock()
        defer { lock.unlock() }
        return history["\(duty)/\(occurrence)"] ?? []
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return history.values.map(\.count).reduce(0, +)
    }
}
