import Foundation
import Testing

@testable import NhacViec

/// `/metrics`' next step is `nhacviec status`'s first, whatever it kept from earlier scrapes:
/// as the moment moves past steps, across days, and after the state changes.
@Suite struct WebNextStepTests {
    static func status(_ config: Config, _ store: StateStore?, _ now: Date) throws -> ScheduledStep? {
        try StatusReport(config: config, stateDirectory: "", store: store, now: now, limit: 1).next.first
    }

    static func describe(_ step: ScheduledStep?) -> String {
        step.map { "\($0.occurrence.duty) \($0.kind) \($0.at) \($0.channels)" } ?? "none"
    }

    @Test func theNextStepIsStatussFirstAsTimePassesAndTheStateChanges() throws {
        let config = try ReportFixture.config()
        let next = WebNextStep(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        try StoreFixture.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            var now = ReportFixture.at("2024-03-25T08:00:00+07:00")
            var seen: [String] = []
            // Every 7 hours for 3 weeks: past steps, into new days.
            for hour in 0..<72 {
                if hour == 30, let current = try Self.status(config, store, now),
                    case .task(let id) = current.occurrence.duty
                {
                    // The task of the coming step is done: its reminders stop.
                    try store.setTaskStatus(taskID: id, status: .done, at: now, source: "cli")
                }
                let expected = try Self.status(config, store, now)
                #expect(Self.describe(try next.next(store: store, now: now)) == Self.describe(expected), "\(now)")
                seen.append(Self.describe(expected))
                now = now.addingTimeInterval(7 * 3600)
            }
            // The moments chosen do see the next step change.
            #expect(Set(seen).count > 3)
        }
    }

    @Test func withoutAStateTheNextStepIsStatussFirst() throws {
        let config = try ReportFixture.config()
        let next = WebNextStep(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let now = ReportFixture.at("2024-03-25T08:00:00+07:00")
        #expect(Self.describe(try next.next(store: nil, now: now)) == Self.describe(try Self.status(config, nil, now)))
    }
}
