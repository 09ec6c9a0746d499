import Foundation

/// Rebuilds the digest of a message the ledger holds without an outcome (a crash
/// between intent and send) or due for a retry, from the config: the same items,
/// the same instant, so the same key, subject and body.
package struct DigestRebuilder: Sendable {
    private let config: Config
    private let expander: OccurrenceExpander
    private let planner: StepPlanner
    private let difficultyPlanner: DifficultyPlanner
    private let clock: WallClock

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.expander = OccurrenceExpander(config: config, calendar: calendar)
        self.planner = StepPlanner(config: config, calendar: calendar)
        self.difficultyPlanner = DifficultyPlanner(config: config, calendar: calendar)
        self.clock = WallClock(timeZone: config.organization.timeZone)
    }

    package enum Failure: Error, Equatable {
        /// The config no longer has this duty, occurrence or step (edited since).
        case noLongerScheduled(key: String)
    }

    /// `difficulties` are the records (from the store) that difficulty items are planned from.
    package func digest(for message: UnfinishedMessage, difficulties: [Difficulty] = []) -> Result<Digest, Failure> {
        let reach = config.stepReach
        let day = clock.localDate(of: message.at)
        let window = day.adding(days: -reach.after - 31)...day.adding(days: reach.before + 31)
        var occurrences: [String: DutyOccurrence] = [:]
        for occurrence in expander.occurrences(dueIn: window) {
            occurrences["\(occurrence.duty)/\(occurrence.occurrence)"] = occurrence
        }
        var items: [Digest.Item] = []
        for item in message.items {
            if case .difficulty(let id) = item.duty {
                // Planned through the message's own time: the step existed then, whatever happened since.
                guard let difficulty = difficulties.first(where: { $0.id == id }),
                    let step = difficultyPlanner.steps(of: difficulty, through: message.at).first(where: {
                        $0.occurrence.occurrence == item.occurrence && $0.kind == item.step
                            && $0.recipient == item.recipient
                    })
                else { return .failure(.noLongerScheduled(key: item.key)) }
                items.append(Digest.Item(step: step, key: item.key))
                continue
            }
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
