import Foundation

/// What one webhook call says: the items due for one recipient, in the order the
/// daemon chose (most urgent first). Rendered per target by ``body(for:)``.
package struct WebhookDigest: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        case reminder, test, report, alert
        /// Every item is a difficulty step (DESIGN §14).
        case difficulty
    }

    package struct Recipient: Sendable, Equatable {
        /// A unit id, group id or `head:<unit-id>`.
        package var id: String
        package var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    package struct Item: Sendable, Equatable {
        /// `task:<id>`, `report:monthly:<unit>`, …
        package var duty: String
        package var title: String
        /// The step code: `before-5wd`, `due`, `overdue-2`, `escalation`.
        package var step: String
        /// nil for ongoing or on-demand duties.
        package var due: LocalDate?
        /// The deadline as written in the plan (`Tháng 3/2024`).
        package var dueText: String?
        /// The responsible unit's id.
        package var unit: String
        /// The task's status, or `not_received` for a report.
        package var status: String
        /// A line for people in the message language (what to do, to whom);
        /// shown by the chat formats, not part of the `json` body.
        package var note: String?

        package init(
            duty: String, title: String, step: String, due: LocalDate?, dueText: String?, unit: String,
            status: String, note: String? = nil
        ) {
            self.duty = duty
            self.title = title
            self.step = step
            self.due = due
            self.dueText = dueText
            self.unit = unit
            self.status = status
            self.note = note
        }
    }

    /// The delivery key (the JSON `id`, also sent as `Idempotency-Key`).
    package var id: String
    package var kind: Kind
    package var recipient: Recipient
    /// The message's first line in the chat formats, e.g. "Nhắc việc: 3 nhiệm vụ sắp đến hạn".
    package var headline: String
    package var items: [Item]
    package var sentAt: Date
    /// The zone `sent_at` is written in.
    package var timeZone: TimeZone
    /// The words the chat formats put around the items ("Hạn:", "… và 3 mục khác").
    package var language: MessageLanguage

    package init(
        id: String, kind: Kind, recipient: Recipient, headline: String, items: [Item], sentAt: Date,
        timeZone: TimeZone, language: MessageLanguage = .vietnamese
    ) {
        self.id = id
        self.kind = kind
        self.recipient = recipient
        self.headline = headline
        self.items = items
        self.sentAt = sentAt
        self.timeZone = timeZone
        self.language = language
    }
}
