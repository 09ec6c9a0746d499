import Foundation

/// The whole configuration (DESIGN §2), validated: every id it references exists.
package struct Config: Sendable {
    /// The file it was loaded from, as given by the user.
    package var path: String
    package var version: Int
    package var organization: Organization
    package var calendar: CalendarSettings
    package var delivery: DeliverySettings
    package var webhooks: [WebhookConfig]
    package var units: [Unit]
    package var groups: [RecipientGroup]
    package var policies: [Policy]
    package var tasks: [PlanTask]
    package var reports: ReportsConfig

    /// The folder of the config file: relative paths in it are resolved from here.
    package var directory: String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path
    }

    package func unit(_ id: String) -> Unit? { units.first { $0.id == id } }
    package func group(_ id: String) -> RecipientGroup? { groups.first { $0.id == id } }
    package func webhook(_ id: String) -> WebhookConfig? { webhooks.first { $0.id == id } }

    /// The named policy; `default` always exists (built in unless configured).
    package func policy(_ id: String) -> Policy {
        policies.first { $0.id == id } ?? policies.first { $0.id == Policy.defaultID } ?? .builtInDefault
    }

    /// The unit that receives reports and compiles (`organization.office`).
    package var office: Unit? { unit(organization.office) }
}

/// `organization:`, the issuing agency as it appears on documents.
package struct Organization: Sendable {
    package var name: String
    package var parent: String?
    package var abbreviation: String?
    package var place: String?
    package var timeZone: TimeZone
    package var language: MessageLanguage
    package var office: String
    package var planYear: Int?
    package var admins: [Mailbox]
}

package enum MessageLanguage: String, Sendable {
    case vietnamese = "vi"
    case english = "en"
}
