/// `units[]`: a department or subordinate unit that leads or supports tasks and reports monthly.
package struct Unit: Sendable {
    package var id: String
    package var name: String
    package var email: [Mailbox]
    package var webhooks: [String]
    package var head: UnitHead?
    /// Further addresses allowed to submit the unit's reports by e-mail (DESIGN §12).
    package var reporters: [Mailbox] = []
    /// The unit's document symbol on its report form: `Số: /BC-<abbreviation>` (DESIGN §13).
    package var abbreviation: String? = nil
}

/// The unit's head (*người đứng đầu*), who receives escalations.
package struct UnitHead: Sendable {
    package var title: String?
    package var name: String?
    package var email: Mailbox?
}

/// `groups[]`: recipients that are not units (leadership, steering committee).
package struct RecipientGroup: Sendable {
    package var id: String
    package var name: String
    package var email: [Mailbox]
    package var webhooks: [String]
}
