import Foundation
import Testing

@testable import NhacViec

/// Difficulty steps as messages (DESIGN §6, §14) and rebuilt after a crash.
@Suite struct DifficultyMessageTests {
    static let clock = WallClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt)
    static func at(_ text: String) -> Date { clock.parse(text) ?? .distantPast }

    static func config(language: String = "vi") throws -> Config {
        let yaml = TestConfig.yaml(tasks: "tasks: []")
            .replacingOccurrences(of: "  plan_year: 2024\n", with: "  plan_year: 2024\n  language: \(language)\n")
        return try TestConfig.load(yaml + "\ndifficulties: { follow_up: 5wd }")
    }

    static let record = Difficulty(
        id: "VM-2024-1", unit: "phong-qldt", text: "Chưa có hướng dẫn của Sở Nội vụ", task: nil,
        history: [
            .init(at: at("2024-03-22T10:00:00+07:00"), status: .open, note: nil),
            .init(at: at("2024-04-02T15:00:00+07:00"), status: .resolved, note: "Ý kiến chỉ đạo: giao Sở Nội vụ"),
        ])

    static func digest(_ config: Config, kind: StepKind, to recipient: Recipient, channel: Channel) throws -> Digest {
        let planner = DifficultyPlanner(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let step = try #require(
            planner.steps(of: record, through: at("2024-05-01")).first { $0.kind == kind && $0.recipient == recipient })
        return Digest(
            recipient: recipient, channel: channel, items: [.init(step: step, key: step.key(for: channel))], at: step.at
        )
    }

    @Test func aResolutionWebhookHasKindDifficultyAndTheRecordsStatus() throws {
        let config = try Self.config()
        let digest = try Self.digest(
            config, kind: .resolution, to: .unit("phong-qldt"), channel: .webhook("zalo-van-phong"))
        let request = try #require(
            MessageComposer(config: config).webhook(
                for: digest, url: "https://hooks.example.vn/abc", secret: nil, now: digest.at))
        let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        #expect(body["kind"] as? String == "difficulty")
        let item = try #require((body["items"] as? [[String: String]])?.first)
        #expect(item["duty"] == "difficulty:VM-2024-1")
        #expect(item["step"] == "resolution")
        #expect(item["status"] == "resolved")
        #expect(item["unit"] == "phong-qldt")
    }

    @Test func theOfficesNoticeNamesTheUnitAndWhatToDoInEitherLanguage() throws {
        let vi = try Self.config()
        let notice = try #require(
            MessageComposer(config: vi).email(
                for: try Self.digest(vi, kind: .notice, to: .unit("van-phong"), channel: .email)))
        #expect(notice.subject == "[Vướng mắc] Phòng Quản lý đầu tư – VM-2024-1: vướng mắc mới")
        let text = notice.textBody.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Chưa có hướng dẫn của Sở Nội vụ"))
        #expect(text.contains("nhacviec difficulty resolve VM-2024-1"))
        // Resolved later, but open when the notice was due.
        #expect(text.contains("Trạng thái: Chưa xử lý"))
        let en = try Self.config(language: "en")
        let resolution = try #require(
            MessageComposer(config: en).email(
                for: try Self.digest(en, kind: .resolution, to: .unit("phong-qldt"), channel: .email)))
        #expect(resolution.subject == "[Difficulty] Phòng Quản lý đầu tư – VM-2024-1: resolved")
        #expect(resolution.textBody.contains("Ý kiến chỉ đạo: giao Sở Nội vụ"))
        #expect(resolution.textBody.contains("Please act on the direction above"))
    }

    @Test func aPendingDifficultyMessageIsRebuiltWithTheSameKeyOrDeadWhenTheRecordIsGone() throws {
        let config = try Self.config()
        let digest = try Self.digest(config, kind: .followUp(1), to: .unit("van-phong"), channel: .email)
        let item = try #require(digest.items.first)
        let message = UnfinishedMessage(
            key: digest.key, recipient: digest.recipient, channel: .email, cc: [], at: digest.at,
            firstRecordedAt: digest.at, status: .pending, attempts: 0, nextAttemptAt: nil, lastError: nil,
            items: [
                .init(
                    key: item.key, duty: .difficulty(id: "VM-2024-1"), occurrence: "2024-03-22", step: .followUp(1),
                    recipient: .unit("van-phong"), channel: .email)
            ])
        let rebuilder = DigestRebuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        // Resolved since the intent was recorded: the follow-up that was due still goes out as it was.
        let rebuilt = try rebuilder.digest(for: message, difficulties: [Self.record]).get()
        #expect(rebuilt.key == digest.key)
        #expect(rebuilt.items.map(\.key) == ["difficulty:VM-2024-1/2024-03-22/follow-up-1/van-phong/email"])
        #expect(rebuilder.digest(for: message, difficulties: []) == .failure(.noLongerScheduled(key: item.key)))
    }

    @Test func eachSameDayCycleIsRebuiltByItsOccurrenceAndQuotesItsOwnDirection() throws {
        let config = try Self.config()
        let record = DifficultyPlannerTests.twoCyclesOneDay
        let planner = DifficultyPlanner(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let steps = planner.steps(of: record, through: Self.at("2024-06-01"))
        let notice = try #require(steps.first { $0.occurrence.occurrence == "2024-03-04.2" && $0.kind == .notice })
        let key = notice.key(for: .email)
        let message = UnfinishedMessage(
            key: "digest", recipient: .unit("van-phong"), channel: .email, cc: [], at: notice.at,
            firstRecordedAt: notice.at, status: .pending, attempts: 0, nextAttemptAt: nil, lastError: nil,
            items: [
                .init(
                    key: key, duty: .difficulty(id: "VM-2024-1"), occurrence: "2024-03-04.2", step: .notice,
                    recipient: .unit("van-phong"), channel: .email)
            ])
        let rebuilder = DigestRebuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let rebuilt = try rebuilder.digest(for: message, difficulties: [record]).get()
        #expect(rebuilt.items.map(\.key) == ["difficulty:VM-2024-1/2024-03-04.2/notice/van-phong/email"])
        #expect(rebuilt.items.first?.step.at == Self.at("2024-03-05T08:00:00+07:00"))

        // Composed from the record as it is now (resolved twice), each resolution quotes its own cycle.
        func direction(_ occurrence: String) throws -> String {
            let step = try #require(
                steps.first {
                    $0.occurrence.occurrence == occurrence && $0.kind == .resolution
                        && $0.recipient == .unit("phong-qldt")
                })
            let digest = Digest(
                recipient: step.recipient, channel: .email, items: [.init(step: step, key: step.key(for: .email))],
                at: step.at)
            let email = try #require(MessageComposer(config: config).email(for: digest))
            return email.textBody.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let first = try direction("2024-03-04")
        #expect(first.contains("Giao Sở Nội vụ"))
        #expect(!first.contains("Giao Sở Tài chính"))
        #expect(try direction("2024-03-04.2").contains("Giao Sở Tài chính"))
    }
}
