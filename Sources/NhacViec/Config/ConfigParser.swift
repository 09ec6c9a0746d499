import Foundation
import Yams

/// Walks the composed YAML of one config file and builds a `Config`,
/// reporting every problem to the collector. Cross-references are checked
/// after all sections are read (`ConfigParser+References.swift`).
struct ConfigParser {
    let reader: YAMLNodeReader
    let configPath: String
    /// Plans repeat the same deadline text ("Quý II/2024") across many tasks.
    let deadlineCache = DeadlineCache()

    static let topLevelKeys = [
        "version", "organization", "calendar", "delivery", "webhooks", "units", "groups", "policies", "tasks",
        "reports", "intake", "difficulties", "web",
    ]

    var configDirectory: String {
        URL(fileURLWithPath: configPath).deletingLastPathComponent().path
    }

    /// The config, or nil when a required part is missing or unusable.
    /// Issues may have been reported either way.
    func parse(root: Node) -> Config? {
        guard let top = reader.mapping(root, .root) else { return nil }
        top.finish(known: Self.topLevelKeys)

        if let node = top.value("version", required: true),
            let version = reader.integer(node, .root.key("version"), range: 1...Int.max),
            version != 1
        {
            reader.report(
                "unsupported version \(version) (this nhacviec reads version 1)", at: node, .root.key("version"))
        }
        let organization = parseOrganization(top.mapping("organization", required: true))
        let calendar = parseCalendar(top.mapping("calendar"), planYear: organization?.value?.planYear)
        let delivery = parseDelivery(top.mapping("delivery"))
        let webhooks = parseList(top, "webhooks", parseWebhook)
        let units = parseList(top, "units", parseUnit, required: true)
        let groups = parseList(top, "groups", parseGroup)
        let policies = parseList(top, "policies", parsePolicy)
        let planYear = organization?.value?.planYear
        let tasks: [Located<PlanTask>] = parseList(top, "tasks") { parseTask($0, planYear: planYear) }
        let reports = parseReports(top.mapping("reports"), planYear: planYear)
        let intake = parseIntake(top.mapping("intake"))
        let difficultiesMapping = top.mapping("difficulties")
        let difficulties = parseDifficulties(difficultiesMapping)
        let web = parseWeb(top.mapping("web"))

        guard let organization, let organizationValue = organization.value else { return nil }
        var config = Config(
            path: configPath,
            version: 1,
            organization: organizationValue,
            calendar: calendar,
            delivery: delivery,
            webhooks: webhooks.compactMap(\.value),
            units: units.compactMap(\.value),
            groups: groups.compactMap(\.value),
            policies: policies.compactMap(\.value),
            tasks: tasks.compactMap(\.value),
            reports: reports.value
        )
        config.difficulties = difficulties
        let references = ReferenceChecker(
            reader: reader, organization: organization, webhooks: webhooks, units: units, groups: groups,
            policies: policies, tasks: tasks, reports: reports, difficulties: difficultiesMapping)
        var checked = references.check(config)
        checked.intake = intake
        checked.web = web
        return checked
    }

    /// Parses each item of an optional (or required) top-level list, keeping its node for later checks.
    func parseList<T>(
        _ mapping: YAMLMapping, _ key: String, _ parseItem: (YAMLMapping) -> T?, required: Bool = false
    ) -> [Located<T>] {
        guard let items = mapping.list(key, required: required) else { return [] }
        if required, items.isEmpty, let node = mapping.value(key) {
            reader.report("must list at least one entry", at: node, mapping.path.key(key))
        }
        return items.compactMap { node, path in
            guard let item = reader.mapping(node, path) else { return nil }
            return Located(value: parseItem(item), mapping: item)
        }
    }
}

/// Parsed deadline expressions by text, for one config load.
final class DeadlineCache {
    private var results: [String: Result<DeadlineExpression, DeadlineParseError>] = [:]

    func parse(_ text: String, planYear: Int?) -> Result<DeadlineExpression, DeadlineParseError> {
        if let cached = results[text] { return cached }
        let result = DeadlineExpression.parse(text, planYear: planYear)
        results[text] = result
        return result
    }
}

/// A list item's YAML mapping and, when it parsed, its value. Reference checks
/// use the mapping, so an item with one bad field is still checked for the rest.
struct Located<Value> {
    let value: Value?
    let mapping: YAMLMapping

    /// The item's `id` as written, if it is a plain scalar.
    var writtenID: String? {
        guard case .scalar(let scalar) = mapping.value("id") else { return nil }
        return scalar.string
    }
}
