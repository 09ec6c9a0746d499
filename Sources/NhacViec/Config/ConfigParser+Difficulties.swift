import Yams

extension ConfigParser {
    /// `difficulties: { follow_up: 10wd, escalate_to: [ban-chi-dao] }`; ids are checked
    /// against units and groups by ``ReferenceChecker``.
    func parseDifficulties(_ mapping: YAMLMapping?) -> DifficultySettings {
        var settings = DifficultySettings()
        guard let mapping else { return settings }
        mapping.finish(known: ["follow_up", "escalate_to"])
        if let value = duration(mapping, "follow_up", units: [.days, .workingDays]) {
            if value.amount == 0, let node = mapping.value("follow_up") {
                reader.report(
                    "must be at least 1d or 1wd (how long a difficulty waits before the Office is reminded)",
                    at: node, mapping.path.key("follow_up"))
            } else {
                settings.followUp = value
            }
        }
        settings.escalateTo = identifiers(mapping, "escalate_to").map(\.id).uniqued()
        return settings
    }
}
