/// `policies[]`: when reminders go out around a due date (DESIGN §5).
package struct Policy: Sendable, Hashable {
    package static let defaultID = "default"

    package var id: String
    /// Offsets before the due date, each in `d` or `wd`.
    package var before: [ConfigDuration]
    package var onDue: Bool
    package var overdueEvery: ConfigDuration
    package var overdueMax: Int
    package var escalateAfter: ConfigDuration
    package var escalateTo: [EscalationTarget]

    /// DESIGN §2: the policy that exists even if not written.
    package static let builtInDefault = Policy(
        id: defaultID,
        before: [ConfigDuration(amount: 5, unit: .workingDays), ConfigDuration(amount: 1, unit: .workingDays)],
        onDue: true,
        overdueEvery: ConfigDuration(amount: 3, unit: .workingDays),
        overdueMax: 5,
        escalateAfter: ConfigDuration(amount: 5, unit: .workingDays),
        escalateTo: [.head, .office]
    )
}

/// Who an escalation goes to, besides the lead unit's head.
package enum EscalationTarget: Hashable, Sendable, CustomStringConvertible {
    /// The head of the lead unit (or of the unit that owes the report).
    case head
    /// `organization.office`.
    case office
    case group(String)

    package var description: String {
        switch self {
        case .head: "head"
        case .office: "office"
        case .group(let id): id
        }
    }
}
