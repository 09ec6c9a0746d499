// swift-format-ignore-file: NeverForceUnwrap
import Foundation
import Testing

@testable import NhacViec

@Suite struct SchedulerTimelineTests {
    /// Dropping the steps the clock has passed keeps the rest exactly as planned
    /// and lets go of the occurrences only the dropped steps referred to.
    @Test func droppingPassedStepsKeepsTheRestAndForgetsTheirOccurrences() throws {
        let config = try SchedulePropertyTests.randomConfig(tasks: 200, seed: 5)
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let planner = StepPlanner(config: config, calendar: calendar)
        var steps: [(step: ScheduledStep, firstStepAt: Date)] = []
        for occurrence in OccurrenceExpander(config: config, calendar: calendar)
            .occurrences(dueIn: LocalDate(iso: "2024-01-01")!...LocalDate(iso: "2024-12-31")!)
        {
            let planned = planner.steps(of: occurrence)
            let first = try #require(planned.map(\.at).min())
            steps += planned.map { ($0, first) }
        }
        steps.sort { $0.step.at < $1.step.at }
        let full = SchedulerTimeline(steps)
        var timeline = full
        let passed = steps.count * 3 / 4
        timeline.dropFirst(passed)

        #expect(timeline.count == steps.count - passed)
        for index in 0..<timeline.count {
            #expect(timeline[index].step == full[passed + index].step)
            #expect(timeline[index].firstStepAt == full[passed + index].firstStepAt)
            #expect(timeline.at(index) == full.at(passed + index))
        }
        let stillReferred = Set(steps[passed...].map { ObjectIdentifier($0.step.occurrence) })
        #expect(full.occurrenceCount == 200)
        #expect(timeline.occurrenceCount == stillReferred.count)
        #expect(timeline.occurrenceCount < 100)

        timeline.dropFirst(timeline.count)
        #expect(timeline.count == 0 && timeline.occurrenceCount == 0)
    }
}
