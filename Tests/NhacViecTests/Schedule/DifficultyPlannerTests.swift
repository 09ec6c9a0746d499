import Foundation
import Testing

@testable import NhacViec

/// The difficulty lifecycle and its steps (DESIGN §14), pure: config, record, instant.
@Suite struct DifficultyPlannerTests {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt
    static let clock = WallClock(timeZone: zone)

    static func at(_ text: String) -> Date { clock.parse(text) ?? .distantPast }

    static func config(_ difficulties: String = "") throws -> Config {
        try TestConfig.load(TestConfig.yaml(tasks: "tasks: []") + "\n" + difficulties)
    }

    static func record(_ events: [(String, DifficultyStatus, String?)], unit: String = "phong-qldt") -> Difficulty {
        Difficulty(
            id: "VM-2024-1", unit: unit, text: "Chưa có hướng dẫn của Sở Nội vụ", task: nil,
            history: events.map { Difficulty.Event(at: at($0.0), status: $0.1, note: $0.2) })
    }

    @Test func onlyTheListedMovesAreAllowedAndResolvingNeedsADirection() throws {
        let open = Self.record([("2024-03-20T10:00:00+07:00", .open, nil)])
        #expect(try open.moving(to: .forwarded, note: nil, at: Self.at("2024-03-21")).status == .forwarded)
        #expect(throws: DifficultyError.self) { try open.moving(to: .open, note: nil, at: Self.at("2024-03-21")) }
        #expect(throws: DifficultyError.self) { try open.moving(to: .resolved, note: "  ", at: Self.at("2024-03-21")) }
        let resolved = Self.record([
            ("2024-03-20T10:00:00+07:00", .open, nil), ("2024-03-25T10:00:00+07:00", .resolved, "Ý kiến chỉ đạo: A"),
        ])
        do {
            _ = try resolved.moving(to: .forwarded, note: nil, at: Self.at("2024-03-26"))
            Issue.record("a resolved difficulty was forwarded")
        } catch {
            #expect(error.code == .invalidTransition)
            #expect(error.message.contains("không thể chuyển"))
            #expect(error.message.contains("cannot go from resolved to forwarded"))
        }
        #expect(resolved.resolution?.note == "Ý kiến chỉ đạo: A")
        #expect(resolved.closedAt == Self.at("2024-03-25T10:00:00+07:00"))
    }

    @Test func textIsComparedAfterNFCCaseAndSpaces() {
        let decomposed = "Chu\u{031B}a co\u{0301}  hu\u{031B}o\u{031B}\u{0301}ng dẫn\u{00A0}\n"
        #expect(Difficulty.normalizedText(decomposed) == Difficulty.normalizedText("CHƯA CÓ hướng dẫn"))
        #expect(Difficulty.normalizedText("Thiếu kinh phí") != Difficulty.normalizedText("Thiếu kinh phi"))
    }

    @Test func ageCountsLocalCalendarDaysFromTheLatestRaise() {
        let record = Self.record([
            ("2024-03-01T23:30:00+07:00", .open, nil), ("2024-03-05T09:00:00+07:00", .resolved, "A"),
            ("2024-03-10T09:00:00+07:00", .open, nil),
        ])
        #expect(record.ageInDays(at: Self.at("2024-03-10T23:59:00+07:00"), clock: Self.clock) == 0)
        #expect(record.ageInDays(at: Self.at("2024-03-20T00:00:00+07:00"), clock: Self.clock) == 10)
        // As of a moment in the first cycle, the first raise counts.
        #expect(record.ageInDays(at: Self.at("2024-03-04T00:00:00+07:00"), clock: Self.clock) == 3)
        #expect(record.status(at: Self.at("2024-03-06")) == .resolved)
        #expect(record.status(at: Self.at("2024-02-01")) == nil)
    }

    @Test func anOpenDifficultyIsNoticedAtTheNextSendMomentThenFollowedUpAndEscalatedOnce() throws {
        let config = try Self.config("difficulties: { follow_up: 5wd, escalate_to: [ban-chi-dao] }")
        let planner = DifficultyPlanner(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        // Raised Fri 22/03/2024 at 10:00, after send_time: the notice goes Mon 25/03 08:00.
        let record = Self.record([("2024-03-22T10:00:00+07:00", .open, nil)])
        let steps = planner.steps(of: record, through: Self.at("2024-04-20T00:00:00+07:00"))
        let lines = steps.map { "\($0.kind) \($0.recipient) \(Self.clock.iso8601($0.at))" }
        #expect(
            lines == [
                "notice van-phong 2024-03-25T08:00:00+07:00",
                "follow-up-1 van-phong 2024-03-29T08:00:00+07:00",
                "follow-up-2 van-phong 2024-04-05T08:00:00+07:00",
                "escalation ban-chi-dao 2024-04-05T08:00:00+07:00",
                // 18/04 is Giỗ Tổ Hùng Vương: follow-up-4 falls on Mon 22/04, past the horizon.
                "follow-up-3 van-phong 2024-04-12T08:00:00+07:00",
            ])
        #expect(
            steps.first?.key(for: .email) == "difficulty:VM-2024-1/2024-03-22/notice/van-phong/email")
    }

    @Test func aResolutionStopsFollowUpsAndGoesToTheUnitAndTheOfficeAtOnce() throws {
        let config = try Self.config()
        let planner = DifficultyPlanner(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let record = Self.record([
            ("2024-03-01T07:00:00+07:00", .open, nil), ("2024-03-05T09:00:00+07:00", .forwarded, "BCĐ"),
            ("2024-03-20T15:30:00+07:00", .resolved, "Ý kiến chỉ đạo: giao Sở Nội vụ"),
        ])
        let lines = planner.steps(of: record, through: Self.at("2024-06-01")).map {
            "\($0.kind) \($0.recipient) \(Self.clock.iso8601($0.at))"
        }
        // Default follow_up 10wd: 15/03 (8/3 is not a holiday; 10 working days after Fri 01/03).
        #expect(
            lines == [
                "notice van-phong 2024-03-01T08:00:00+07:00",
                "follow-up-1 van-phong 2024-03-15T08:00:00+07:00",
                "resolution phong-qldt 2024-03-20T15:30:00+07:00",
                "resolution van-phong 2024-03-20T15:30:00+07:00",
            ])
    }

    @Test func aReopenedDifficultyIsANewOccurrenceAndARemovedUnitGetsNothing() throws {
        let config = try Self.config()
        let planner = DifficultyPlanner(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let record = Self.record(
            [
                ("2024-03-01T07:00:00+07:00", .open, nil), ("2024-03-04T09:00:00+07:00", .resolved, "A"),
                ("2024-03-11T09:00:00+07:00", .open, nil), ("2024-03-12T09:00:00+07:00", .resolved, "B"),
            ], unit: "phong-cu")
        let keys = planner.steps(of: record, through: Self.at("2024-06-01")).map { $0.key(for: .email) }
        #expect(
            keys == [
                "difficulty:VM-2024-1/2024-03-01/notice/van-phong/email",
                "difficulty:VM-2024-1/2024-03-01/resolution/van-phong/email",
                "difficulty:VM-2024-1/2024-03-11/notice/van-phong/email",
                "difficulty:VM-2024-1/2024-03-11/resolution/van-phong/email",
            ])
    }

    /// Two cycles raised on one local day: before cycle numbers the second reused the
    /// first's keys, already sent, so its notice and resolution never went out.
    static let twoCyclesOneDay = record([
        ("2024-03-04T07:00:00+07:00", .open, nil), ("2024-03-04T09:00:00+07:00", .resolved, "Giao Sở Nội vụ"),
        ("2024-03-04T10:00:00+07:00", .open, nil), ("2024-03-05T10:00:00+07:00", .resolved, "Giao Sở Tài chính"),
        ("2024-03-05T11:00:00+07:00", .open, nil), ("2024-03-05T11:30:00+07:00", .withdrawn, nil),
    ])

    @Test func aSecondCycleRaisedTheSameDayHasItsOwnOccurrenceAndKeys() throws {
        let config = try Self.config()
        let planner = DifficultyPlanner(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let steps = planner.steps(of: Self.twoCyclesOneDay, through: Self.at("2024-06-01"))
        let lines = steps.map { "\($0.key(for: .email)) \(Self.clock.iso8601($0.at))" }
        #expect(
            lines == [
                "difficulty:VM-2024-1/2024-03-04/notice/van-phong/email 2024-03-04T08:00:00+07:00",
                "difficulty:VM-2024-1/2024-03-04/resolution/phong-qldt/email 2024-03-04T09:00:00+07:00",
                "difficulty:VM-2024-1/2024-03-04/resolution/van-phong/email 2024-03-04T09:00:00+07:00",
                // Raised again at 10:00, after send_time: noticed the next morning.
                "difficulty:VM-2024-1/2024-03-04.2/notice/van-phong/email 2024-03-05T08:00:00+07:00",
                "difficulty:VM-2024-1/2024-03-04.2/resolution/phong-qldt/email 2024-03-05T10:00:00+07:00",
                "difficulty:VM-2024-1/2024-03-04.2/resolution/van-phong/email 2024-03-05T10:00:00+07:00",
                // The first cycle of 05/03 keeps the bare day (withdrawn before its notice: nothing).
            ])
        #expect(Set(steps.map { $0.key(for: .email) }).count == steps.count)
        // The day raised stays the date: plan, messages and webhooks show it.
        #expect(steps.map(\.occurrence.due.description).allSatisfy { $0 == "2024-03-04" })
        // Planned later (the history only grows), each cycle keeps its occurrence.
        let early = planner.steps(of: Self.twoCyclesOneDay, through: Self.at("2024-03-05T08:00:00+07:00"))
        #expect(early.map(\.occurrence.occurrence) == ["2024-03-04", "2024-03-04", "2024-03-04", "2024-03-04.2"])
        let third = Self.record([
            ("2024-03-04T07:00:00+07:00", .open, nil), ("2024-03-04T07:10:00+07:00", .withdrawn, nil),
            ("2024-03-04T07:20:00+07:00", .open, nil), ("2024-03-04T07:30:00+07:00", .withdrawn, nil),
            ("2024-03-04T07:40:00+07:00", .open, nil),
        ])
        #expect(
            planner.steps(of: third, through: Self.at("2024-03-04T08:00:00+07:00")).map { $0.key(for: .email) } == [
                "difficulty:VM-2024-1/2024-03-04.3/notice/van-phong/email"
            ])
    }

    @Test func ledgerTextOfDifficultyDutiesAndStepsReadsBack() {
        #expect(Duty(ledgerText: "difficulty:VM-2024-12") == .difficulty(id: "VM-2024-12"))
        for kind in [StepKind.notice, .followUp(3), .resolution] {
            #expect(StepKind(ledgerText: kind.description) == kind)
        }
    }

    @Test func theListingMarksUnitsNoLongerConfiguredAndPrintsLocalTimes() throws {
        let listing = DifficultyListing(config: try Self.config())
        let record = Self.record([("2024-03-01T07:00:00+07:00", .open, nil)], unit: "phong-cu")
        let text = listing.text([record], now: Self.at("2024-03-11T09:00:00+07:00"))
        #expect(
            text.hasPrefix(
                "VM-2024-1  open (Chưa xử lý, 10 ngày)  phong-cu (đơn vị không còn trong cấu hình / no longer in the config)\n"
            ))
        #expect(
            listing.json([record])
                == #"[{"id":"VM-2024-1","unit":"phong-cu","text":"Chưa có hướng dẫn của Sở Nội vụ","task":null,"#
                + #""status":"open","raised_at":"2024-03-01T07:00:00+07:00","updated_at":"2024-03-01T07:00:00+07:00","#
                + #""history":[{"at":"2024-03-01T07:00:00+07:00","status":"open","note":null}]}]"# + "\n")
        #expect(listing.filter([record], status: .resolved, unit: nil).isEmpty)
    }
}
