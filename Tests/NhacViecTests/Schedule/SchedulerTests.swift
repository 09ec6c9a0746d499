// swift-format-ignore-file: NeverForceUnwrap

import Foundation
import Testing

@testable import NhacViec

@Suite struct SchedulerTests {
    static let clock = WallClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)

    static func instant(_ text: String) -> Date {
        clock.parse(text)!
    }

    static func config() throws -> Config {
        try TestConfig.load(
            TestConfig.yaml(
                tasks: """
                    tasks:
                      - id: A.1
                        area: tthc
                        title: Công bố thủ tục hành chính
                        lead: phong-qldt
                        support: [phong-tc]
                        due: 29/03/2024
                      - id: A.2
                        area: cong_vu
                        title: Đánh giá cán bộ
                        lead: phong-qldt
                        due: 29/03/2024
                      - id: A.3
                        area: cong_vu
                        title: Kế hoạch đào tạo
                        lead: phong-tc
                        due: 30/08/2024
                    """))
    }

    @Test func aFirstStartSendsOnlyTheLatestRecentStepPerOccurrenceAndRecipient() throws {
        let config = try Self.config()
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        // Due Fri 29/03; before-5wd 22/03, before-1wd 28/03, due 29/03, overdue-1 03/04 (3wd), escalation 05/04.
        // Starting on Wed 03/04 at 09:00: overdue-1 (1 hour old) is the latest for phong-qldt.
        let now = Self.instant("2024-04-03T09:00:00+07:00")
        let actions = scheduler.tick(now: now, state: state)
        let sent = state.apply(actions)

        let email = try #require(sent.first { $0.recipient == .unit("phong-qldt") && $0.channel == .email })
        #expect(
            email.items.map(\.key) == [
                "task:A.1/2024-03-29/overdue-1/phong-qldt/email", "task:A.2/2024-03-29/overdue-1/phong-qldt/email",
            ])
        #expect(email.cc == [.unit("phong-tc")])
        #expect(sent.contains { $0.recipient == .unit("phong-qldt") && $0.channel == .webhook("zalo-van-phong") })
        #expect(sent.count == 2)
        // The superseded before/due steps are recorded as skipped, never sent.
        #expect(state.recorded["task:A.1/2024-03-29/due/phong-qldt/email"] == "skipped:superseded")
        #expect(state.recorded["task:A.1/2024-03-29/before-5wd/phong-qldt/email"] == "skipped:superseded")
        // Next: the escalation on Fri 05/04 at 08:00.
        #expect(actions.wake == Self.instant("2024-04-05T08:00:00+07:00"))
    }

    @Test func stepsOlderThanCatchUpAreSkippedNotSent() throws {
        let config = try Self.config()
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        // Five days after overdue-1 (03/04) and one after escalation... start on Tue 16/04 at 09:00:
        // the latest step per recipient is older than catch_up (3d) except none.
        let actions = scheduler.tick(now: Self.instant("2024-04-16T09:00:00+07:00"), state: state)
        let sent = state.apply(actions)
        // overdue-3 for A.1/A.2 is 3wd after overdue-2 (08/04) = 11/04: 5 days old -> skipped.
        // overdue-4 = 16/04 08:00 (1 hour old) -> sent.
        let kinds = sent.flatMap(\.items).map(\.step.kind)
        // Not empty: an empty list would satisfy any allSatisfy.
        #expect(!kinds.isEmpty)
        #expect(kinds.allSatisfy { $0 == .overdue(4) })
        #expect(state.recorded["task:A.1/2024-03-29/escalation/head:phong-qldt/email"] == "skipped:too_old")
    }

    @Test func repeatingATickAtTheSameInstantSendsNothingNew() throws {
        let config = try Self.config()
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        let now = Self.instant("2024-04-03T09:00:00+07:00")
        #expect(!state.apply(scheduler.tick(now: now, state: state)).isEmpty)
        #expect(state.apply(scheduler.tick(now: now, state: state)).isEmpty)
        // A fresh scheduler (a restart, or a config reload) sees the recorded keys too.
        var restarted = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        #expect(state.apply(restarted.tick(now: now, state: state)).isEmpty)
    }

    @Test func aRunningDaemonSendsEachStepAtItsTime() throws {
        let config = try Self.config()
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        var now = Self.instant("2024-03-01T00:00:00+07:00")
        var log: [String] = []
        for _ in 0..<40 {
            let actions = scheduler.tick(now: now, state: state)
            for digest in state.apply(actions) where digest.channel == .email && digest.recipient == .unit("phong-qldt")
            {
                log.append(
                    "\(Self.clock.iso8601(digest.at)) \(digest.items.map(\.step.kind.description).joined(separator: ","))"
                )
            }
            guard let wake = actions.wake, wake < Self.instant("2024-04-25T00:00:00+07:00") else { break }
            now = wake
        }
        #expect(
            log == [
                "2024-03-22T08:00:00+07:00 before-5wd,before-5wd",
                "2024-03-28T08:00:00+07:00 before-1wd,before-1wd",
                "2024-03-29T08:00:00+07:00 due,due",
                "2024-04-03T08:00:00+07:00 overdue-1,overdue-1",
                "2024-04-08T08:00:00+07:00 overdue-2,overdue-2",
                "2024-04-11T08:00:00+07:00 overdue-3,overdue-3",
                "2024-04-16T08:00:00+07:00 overdue-4,overdue-4",
                // 18/04/2024 is Giỗ Tổ Hùng Vương: three working days after 16/04 is 22/04.
                "2024-04-22T08:00:00+07:00 overdue-5,overdue-5",
            ])
    }

    @Test func aTaskMarkedDoneGetsNoMoreReminders() throws {
        let config = try Self.config()
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        state.done["A.1"] = Self.instant("2024-03-25T10:00:00+07:00")
        let actions = scheduler.tick(now: Self.instant("2024-03-28T08:00:00+07:00"), state: state)
        let keys = state.apply(actions).flatMap(\.items).map(\.key)
        #expect(keys.contains("task:A.2/2024-03-29/before-1wd/phong-qldt/email"))
        #expect(!keys.contains { $0.hasPrefix("task:A.1/") })
    }

    @Test func aReceivedReportStopsThatUnitsRemindersOnly() throws {
        let config = try TestConfig.load(
            TestConfig.yaml(tasks: "tasks: []", reports: "reports:\n  monthly:\n    due: day 16"))
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        state.received.insert("report:monthly:phong-qldt/2024-04")
        // Due Tue 16/04/2024: the due step goes to every unit that has not reported.
        let sent = state.apply(scheduler.tick(now: Self.instant("2024-04-16T08:00:00+07:00"), state: state))
        #expect(Set(sent.map(\.recipient)) == [.unit("phong-tc")])
        #expect(sent.first?.items.first?.key == "report:monthly:phong-tc/2024-04/due/phong-tc/email")
    }
}
