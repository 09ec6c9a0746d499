/// `difficulties:` (DESIGN §14): how long an unresolved difficulty waits before the
/// Office is reminded of it, and who hears of it once beyond the Office.
package struct DifficultySettings: Sendable, Hashable {
    /// An open or forwarded difficulty reminds the Office this long after it was raised, then every `followUp`.
    package var followUp: ConfigDuration
    /// Unit or group ids told once (the step `escalation`); empty: nobody beyond the Office.
    package var escalateTo: [String]

    package init(followUp: ConfigDuration = Self.defaultFollowUp, escalateTo: [String] = []) {
        self.followUp = followUp
        self.escalateTo = escalateTo
    }

    package static let defaultFollowUp = ConfigDuration(amount: 10, unit: .workingDays)
}
