import Yams

/// Checks what single sections can't: unique ids and that every referenced
/// id exists, with "known: …" lists and did-you-mean hints.
///
/// It reads ids as written in the YAML, so an item whose other fields are
/// wrong still counts as defined, and still has its own references checked.
struct ReferenceChecker {
    let reader: YAMLNodeReader
    let organization: Located<Organization>
    let webhooks: [Located<WebhookConfig>]
    let units: [Located<Unit>]
    let groups: [Located<RecipientGroup>]
    let policies: [Located<Policy>]
    let tasks: [Located<PlanTask>]
    let reports: ConfigParser.ParsedReports
    /// `difficulties:` as written, for its `escalate_to` ids.
    var difficulties: YAMLMapping? = nil

    /// The config with `from: all` resolved to every unit but the office.
    func check(_ config: Config) -> Config {
        var config = config
        unique(units.map(\.mapping), what: "unit")
        unique(groups.map(\.mapping), what: "group")
        unique(webhooks.map(\.mapping), what: "webhook")
        unique(policies.map(\.mapping), what: "policy")
        unique(tasks.map(\.mapping), what: "task")
        unique(reports.requests.map(\.mapping), what: "request")

        let unitIDs = KnownIDs(ids(units))
        let groupIDs = KnownIDs(ids(groups))
        let webhookIDs = KnownIDs(ids(webhooks))
        let policyIDs = KnownIDs((ids(policies) + [Policy.defaultID]).uniqued().sorted())
        let recipientIDs = KnownIDs(unitIDs.ordered + groupIDs.ordered)
        for group in groups where group.writtenID.map(unitIDs.set.contains) == true {
            reader.report(
                "'\(group.writtenID ?? "")' is already a unit id; groups and units share one name space",
                at: group.mapping.value("id"), group.mapping.path.key("id"))
        }
        let office = organization.mapping
        checkReference(office, "office", known: unitIDs, what: "unit")

        for item in units + groups.map({ Located<Unit>(value: nil, mapping: $0.mapping) }) {
            checkList(item.mapping, "webhooks", known: webhookIDs, what: "webhook")
        }
        for policy in policies {
            checkList(policy.mapping, "escalate_to", known: groupIDs, what: "group", builtIn: ["head", "office"])
        }
        for task in tasks {
            let mapping = task.mapping
            checkReference(mapping, "lead", known: unitIDs, what: "unit")
            checkList(mapping, "support", known: unitIDs, what: "unit")
            checkReference(mapping, "policy", known: policyIDs, what: "policy")
            if let task = task.value {
                if task.support.contains(task.lead), let node = mapping.value("support") {
                    reader.report(
                        "the lead unit '\(task.lead)' is also listed as supporting", at: node,
                        mapping.path.key("support"))
                }
            }
        }

        let others = unitIDs.ordered.filter { $0 != organization.value?.office }
        if let monthly = reports.monthlyMapping {
            checkList(monthly, "from", known: unitIDs, what: "unit")
            checkReference(monthly, "policy", known: policyIDs, what: "policy")
            if reports.monthlyFrom == nil {
                config.reports.monthly?.from = others
            }
        }
        for (index, entry) in reports.requests.enumerated() {
            checkList(entry.mapping, "from", known: unitIDs, what: "unit")
            checkReference(entry.mapping, "policy", known: policyIDs, what: "policy")
            if entry.from == nil {
                config.reports.requests[index].from = others
            }
        }
        if let consolidated = reports.consolidatedMapping {
            checkList(consolidated, "to", known: recipientIDs, what: "unit or group")
            checkList(consolidated, "cc", known: recipientIDs, what: "unit or group")
        }
        if let difficulties {
            checkList(difficulties, "escalate_to", known: recipientIDs, what: "unit or group")
        }
        return config
    }

    private func ids<T>(_ items: [Located<T>]) -> [String] {
        items.compactMap(\.writtenID).uniqued()
    }

    private func checkReference(_ mapping: YAMLMapping, _ key: String, known: KnownIDs, what: String) {
        guard let node = mapping.value(key), case .scalar(let scalar) = node else { return }
        expect(scalar.string, in: known, what: what, at: node, mapping.path.key(key))
    }

    /// Checks each id of a list (or a single id) under `key`; `all` is allowed for `from`.
    private func checkList(_ mapping: YAMLMapping, _ key: String, known: KnownIDs, what: String, builtIn: [String] = [])
    {
        guard let node = mapping.value(key) else { return }
        let path = mapping.path.key(key)
        switch node {
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                guard case .scalar(let scalar) = item else { continue }
                expect(scalar.string, in: known, what: what, at: item, path.index(index), builtIn: builtIn)
            }
        case .scalar(let scalar) where !(key == "from" && scalar.string == "all"):
            expect(scalar.string, in: known, what: what, at: node, path, builtIn: builtIn)
        default:
            break
        }
    }

    private func expect(
        _ id: String, in known: KnownIDs, what: String, at node: Node?, _ path: ConfigPath, builtIn: [String] = []
    ) {
        guard !known.set.contains(id), !builtIn.contains(id) else { return }
        let choices = builtIn + known.ordered
        let listing = choices.isEmpty ? "none are defined" : "known: \(Suggestion.list(choices))"
        reader.report("unknown \(what) '\(id)' (\(listing))" + Suggestion.hint(for: id, in: choices), at: node, path)
    }

    private func unique(_ mappings: [YAMLMapping], what: String) {
        var firstLine: [String: Int] = [:]
        for mapping in mappings {
            guard let node = mapping.value("id"), case .scalar(let scalar) = node else { continue }
            if let line = firstLine[scalar.string] {
                reader.report(
                    "duplicate \(what) id '\(scalar.string)' (first defined at line \(line))", at: node,
                    mapping.path.key("id"))
            } else {
                firstLine[scalar.string] = node.mark?.line ?? 0
            }
        }
    }
}

/// Ids in definition order (for "known: …" lists) and as a set (for lookups).
private struct KnownIDs {
    let ordered: [String]
    let set: Set<String>

    init(_ ordered: [String]) {
        self.ordered = ordered
        self.set = Set(ordered)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
