import Foundation

/// The whole configuration (DESIGN §2), validated: every id it references exists.
package struct Config: Sendable {
    /// The file it was loaded from, as given by the user.
    package var path: String
    package var version: Int
    package var organization: Organization
    package var calendar: CalendarSettings
    package var delivery: DeliverySettings
    package private(set) var webhooks: [WebhookConfig]
    package private(set) var units: [Unit]
    package private(set) var groups: [RecipientGroup]
    package var policies: [Policy]
    package var tasks: [PlanTask] {
        // Report builders narrow a copy's tasks; the index follows.
        didSet { taskIndex = Self.index(tasks.map(\.id)) }
    }
    package var reports: ReportsConfig
    /// `intake:` (DESIGN §12); set by the parser after the rest.
    package var intake = IntakeSettings()
    /// `difficulties:` (DESIGN §14); the defaults when the section is absent.
    package var difficulties = DifficultySettings()
    /// `web:` (DESIGN §15); set by the parser after the rest.
    package var web = WebSettings()
    // Lookups by id: the scheduler asks for units and groups for every step.
    private let unitIndex: [String: Int]
    private let groupIndex: [String: Int]
    private let webhookIndex: [String: Int]
    // Submissions look up every task line: 300 forms of 67 rows against 10,000 tasks.
    private var taskIndex: [String: Int]

    package init(
        path: String, version: Int, organization: Organization, calendar: CalendarSettings,
        delivery: DeliverySettings, webhooks: [WebhookConfig], units: [Unit], groups: [RecipientGroup],
        policies: [Policy], tasks: [PlanTask], reports: ReportsConfig
    ) {
        self.path = path
        self.version = version
        self.organization = organization
        self.calendar = calendar
        self.delivery = delivery
        self.webhooks = webhooks
        self.units = units
        self.groups = groups
        self.policies = policies
        self.tasks = tasks
        self.reports = reports
        self.unitIndex = Self.index(units.map(\.id))
        self.groupIndex = Self.index(groups.map(\.id))
        self.webhookIndex = Self.index(webhooks.map(\.id))
        self.taskIndex = Self.index(tasks.map(\.id))
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, id) in ids.enumerated() where index[id] == nil {
            index[id] = position
        }
        return index
    }

    /// The folder of the config file: relative paths in it are resolved from here.
    package var directory: String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path
    }

    package func unit(_ id: String) -> Unit? { unitIndex[id].map { units[$0] } }
    package func group(_ id: String) -> RecipientGroup? { groupIndex[id].map { groups[$0] } }
    package func webhook(_ id: String) -> WebhookConfig? { webhookIndex[id].map { webhooks[$0] } }
    package func task(_ id: String) -> PlanTask? { taskIndex[id].map { tasks[$0] } }

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

    /// The Vietnamese or the English wording of the same thing: the one place every
    /// message catalogue (reminders, submission errors, the unit page) chooses.
    package func pick(_ vietnamese: String, _ english: String) -> String {
        self == .english ? english : vietnamese
    }
}
