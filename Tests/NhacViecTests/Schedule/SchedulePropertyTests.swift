// swift-format-ignore-file: NeverForceUnwrap
import Foundation
import Testing

@testable import NhacViec

/// Properties of the schedule over thousands of random tasks, checked against
/// day-by-day counting rather than the calendar's fast path.
@Suite struct SchedulePropertyTests {
    /// A deterministic generator so a failure can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let policies = """
        policies:
          - id: p-wd
            before: [10wd, 5wd, 1wd]
            overdue_every: 2wd
            overdue_max: 4
            escalate_after: 3wd
          - id: p-d
            before: [7d, 2d, 1d]
            overdue_every: 1d
            overdue_max: 3
            escalate_after: 4d
            escalate_to: [head, office, ban-chi-dao]
          - id: p-mixed
            before: [3d, 2wd]
            on_due: false
            overdue_every: 5wd
            overdue_max: 2
            escalate_after: 0wd
        """

    static func randomConfig(tasks count: Int, seed: UInt64) throws -> Config {
        var random = SplitMix(state: seed)
        let units = ["van-phong", "phong-qldt", "phong-tc"]
        let policies = ["default", "p-wd", "p-d", "p-mixed"]
        var lines = ["tasks:"]
        for index in 0..<count {
            let day = LocalDate(iso: "2024-01-01")!.adding(days: Int.random(in: 0..<366, using: &random))
            let lead = units[Int.random(in: 0..<3, using: &random)]
            let support = units.filter { $0 != lead }.prefix(Int.random(in: 0...2, using: &random))
            lines += [
                "  - id: R.\(index)", "    area: tthc", "    title: Nhiệm vụ \(index)", "    lead: \(lead)",
                "    support: [\(support.joined(separator: ", "))]", "    due: \(day.vietnameseNumeric)",
                "    policy: \(policies[Int.random(in: 0..<4, using: &random)])",
            ]
        }
        return try TestConfig.load(
            TestConfig.yaml(
                calendar: "calendar:\n  include: [\(TestConfig.holidays(2024)), \(TestConfig.holidays(2025))]",
                policies: Self.policies, tasks: lines.joined(separator: "\n")))
    }

    /// Working days strictly after `from` and up to and including `to`, one day at a time.
    static func countWorkingDays(after from: LocalDate, through to: LocalDate, _ calendar: WorkingCalendar) -> Int {
        var count = 0
        var day = from.adding(days: 1)
        while day <= to {
            if calendar.isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    @Test func everyStepIsOnAWorkingDayAtSendTimeInOrderAndCountedCorrectly() throws {
        let config = try Self.randomConfig(tasks: 3000, seed: 2024)
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let planner = StepPlanner(config: config, calendar: calendar)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = config.organization.timeZone
        let occurrences = OccurrenceExpander(config: config, calendar: calendar)
            .occurrences(dueIn: LocalDate(iso: "2024-01-01")!...LocalDate(iso: "2025-01-31")!)
        #expect(occurrences.count == 3000)
        var checked = 0
        for occurrence in occurrences {
            let steps = planner.steps(of: occurrence)
            let dueStep = calendar.nextWorkingDay(onOrAfter: occurrence.due)
            for step in steps {
                #expect(calendar.isWorkingDay(step.date), "\(step.key(for: .email)) on \(step.date)")
                let parts = gregorian.dateComponents([.year, .month, .day, .hour, .minute, .second], from: step.at)
                #expect(
                    [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]
                        == [step.date.year, step.date.month, step.date.day, 8, 0, 0])
                switch step.kind {
                case .before(let offset):
                    #expect(step.date < dueStep)
                    if offset.unit == .workingDays {
                        #expect(
                            Self.countWorkingDays(
                                after: step.date.adding(days: -1), through: occurrence.due.adding(days: -1), calendar)
                                == offset.amount)
                    } else {
                        // The last working day on or before N calendar days earlier.
                        let nominal = occurrence.due.adding(days: -offset.amount)
                        #expect(
                            step.date <= nominal
                                && Self.countWorkingDays(after: step.date, through: nominal, calendar) == 0)
                    }
                case .overdue(let n):
                    if occurrence.policy.overdueEvery.unit == .workingDays {
                        #expect(
                            Self.countWorkingDays(after: occurrence.due, through: step.date, calendar) == n
                                * occurrence.policy.overdueEvery.amount)
                    }
                case .due:
                    #expect(step.date == dueStep)
                case .escalation:
                    #expect(step.date >= dueStep)
                case .compile, .notice, .followUp, .resolution:
                    Issue.record("a task occurrence has no \(step.kind) step")
                }
                checked += 1
            }
            var byRecipient: [Recipient: [ScheduledStep]] = [:]
            for step in steps { byRecipient[step.recipient, default: []].append(step) }
            for (_, list) in byRecipient where list.count > 1 {
                for (earlier, later) in zip(list, list.dropFirst()) {
                    #expect(earlier.at < later.at, "\(earlier.key(for: .email)) !< \(later.key(for: .email))")
                }
            }
        }
        #expect(checked > 20_000)
    }

    @Test func nothingFiresForATaskAfterItIsMarkedDone() throws {
        let config = try Self.randomConfig(tasks: 300, seed: 7)
        var random = SplitMix(state: 99)
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        let clock = WallClock(timeZone: config.organization.timeZone)
        let start = clock.parse("2024-01-01")!
        for task in config.tasks where Bool.random(using: &random) {
            state.done[task.id] = start.addingTimeInterval(Double.random(in: 0..<(366 * 86_400), using: &random))
        }
        var now = start
        var sentItems = 0
        while now < clock.parse("2025-03-01")! {
            let actions = scheduler.tick(now: now, state: state)
            for digest in state.apply(actions) {
                for item in digest.items {
                    guard case .task(let id) = item.step.occurrence.duty else { continue }
                    if let doneAt = state.done[id] {
                        #expect(item.step.at <= doneAt, "\(item.key) sent after \(id) was done")
                    }
                    if now > start {
                        #expect(item.step.at == now, "a running daemon sends each step at its own time")
                    }
                    sentItems += 1
                }
            }
            guard let wake = actions.wake, wake > now else { Issue.record("no progress at \(now)"); break }
            now = wake
        }
        #expect(sentItems > 1000)
    }

    /// The timeline holds only a month ahead and is rebuilt every month, and the
    /// steps it has passed are dropped with their occurrences: over fourteen months
    /// of ticks at each wake-up, every step planned in that time still goes out
    /// exactly once, and nothing else does.
    @Test func aDaemonTickingThroughTheYearSendsEveryPlannedStepOnce() throws {
        let config = try Self.randomConfig(tasks: 400, seed: 11)
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let clock = WallClock(timeZone: config.organization.timeZone)
        let start = clock.parse("2024-01-01")!
        let end = clock.parse("2025-03-01")!
        var planned: Set<String> = []
        let planner = StepPlanner(config: config, calendar: calendar)
        for occurrence in OccurrenceExpander(config: config, calendar: calendar)
            .occurrences(dueIn: LocalDate(iso: "2023-06-01")!...LocalDate(iso: "2025-12-31")!)
        {
            for step in planner.steps(of: occurrence) where step.at > start && step.at < end {
                for channel in step.channels { planned.insert(step.key(for: channel)) }
            }
        }
        var scheduler = Scheduler(config: config, calendar: calendar)
        var state = MemoryState()
        var sendCounts: [String: Int] = [:]
        var now = start
        var wakes = 0
        while now < end {
            let actions = scheduler.tick(now: now, state: state)
            for digest in state.apply(actions) where now > start {
                for item in digest.items { sendCounts[item.key, default: 0] += 1 }
            }
            guard let wake = actions.wake, wake > now else { Issue.record("no progress at \(now)"); break }
            now = wake
            wakes += 1
        }
        #expect(planned.count > 4000)
        #expect(Set(sendCounts.keys) == planned)
        #expect(sendCounts.values.allSatisfy { $0 == 1 })
        #expect(wakes > 100)
    }
}
