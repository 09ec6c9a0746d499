/// The one-line description `nhacviec check` prints for a valid config.
package struct ConfigSummary: Sendable, CustomStringConvertible {
    package let config: Config

    package init(_ config: Config) {
        self.config = config
    }

    package var description: String {
        var dated = 0
        var recurring = 0
        var ongoing = 0
        var onDemand = 0
        for task in config.tasks {
            switch task.due.kind {
            case .date: dated += 1
            case .recurring: recurring += 1
            case .ongoing: ongoing += 1
            case .onDemand: onDemand += 1
            }
        }
        var parts = [
            count(config.units.count, "unit"),
            count(config.groups.count, "group"),
            count(config.webhooks.count, "webhook"),
            count(Set(config.policies.map(\.id) + [Policy.defaultID]).count, "policy", plural: "policies"),
            count(config.tasks.count, "task")
                + " (\(dated) dated, \(recurring) recurring, \(ongoing) ongoing, \(onDemand) on demand)",
        ]
        if let monthly = config.reports.monthly {
            parts.append(
                "monthly report from \(count(monthly.from.count, "unit")) (\(monthly.period.rawValue), due \(monthly.due))"
            )
        }
        parts.append(count(config.reports.requests.count, "request"))
        if let consolidated = config.reports.consolidated {
            parts.append("consolidated report on \(consolidated.compile) to \(consolidated.to.joined(separator: ", "))")
        }
        parts.append(
            config.delivery.email == nil ? "email to the outbox" : "email via \(config.delivery.email?.url ?? "")")
        return "\(config.path): OK: " + parts.joined(separator: "; ")
    }

    private func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }
}
