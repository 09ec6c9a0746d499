import Foundation

/// Rebuilds the digest of a message the ledger holds without an outcome (a crash
/// between intent and send) or due for a retry, from the config: the same items,
/// the same instant, so the same key, subject and body.
package struct DigestRebuilder: Sendable {
    private let config: Config
    private let expander: OccurrenceExpander
    private let planner: StepPlanner
    private let clock: WallClock

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.expander = OccurrenceExpander(config: config, calendar: calendar)
        self.planner = StepPlanner(config: config, calendar: calendar)
        self.clock = WallClock(timeZone: config.organization.timeZone)
    }

    package enum Failure: Error, Equatable {
        /// The config no longer has this duty, occurrence or step (edited since).
        case noLongerScheduled(key: String)
    }

    package func digest(for message: UnfinishedMessage) -> Result<Digest, Failure> {
        let reach = config.stepReach
        let day = clock.localDate(of: message.at)
        let window = day.adding(days: -reach.after - 31)...day.adding(days: reach.before + 31)
        var occurrences: [String: DutyOccurrence] = [:]
        for occurrence in expander.occurrences(dueIn: window) {
            occurrences["\(occurrence.duty)/\(occurrence.occurrence)"] = occurrence
        }
        var items: [Digest.Item] = []
        for item in message.items {
            guard let occurrence = occurrences["\(item.duty)/\(item.occurrence)"],
                let step = planner.steps(of: occurrence).first(where: {
                    $0.kind == item.step && $0.recipient == item.recipient
                })
            else { return .failure(.noLongerScheduled(key: item.key)) }
            items.append(Digest.Item(step: step, key: item.key))
        }
        return .success(Digest(recipient: message.recipient, channel: message.channel, items: items, at: message.at))
    }
}
