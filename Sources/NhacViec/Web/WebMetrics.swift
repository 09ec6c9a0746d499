import Foundation
import Prometheus

/// `/metrics` (DESIGN §15): counts and times only, no names, in Prometheus's text format.
/// A fresh registry per scrape: every value is the state's at that moment, so a second
/// process (the daemon) is always seen. What is kept between scrapes (the next step, the
/// task results) is keyed by what the state holds and the day, never reused past a change.
enum WebMetrics {
    /// - Parameter refused: requests refused since `serve` started (``WebRefusals``), by reason.
    static func render(
        _ view: OfficeView, stateDirectory: String, refused: [WebRefusals.Reason: Int]
    ) throws -> String {
        let registry = PrometheusCollectorRegistry()
        let up = gauge(registry, "nhacviec_state_readable", "1 when the state database opened")
        up.set(to: view.store == nil ? 0 : 1)
        var counts: [DeliveryChannelCount] = try view.store?.deliveryCountsByChannel() ?? []
        // Every status of both channels is present, 0 when none, so a rate() never sees a gap.
        for status in DeliveryStatus.allCases {
            for channel in ["email", "webhook"]
            where !counts.contains(where: { $0.status == status.rawValue && $0.channel == channel }) {
                counts.append(DeliveryChannelCount(status: status.rawValue, channel: channel, count: 0))
            }
        }
        for count in counts.sorted(by: { ($0.status, $0.channel) < ($1.status, $1.channel) }) {
            gauge(
                registry, "nhacviec_deliveries", "Delivery ledger rows by status and channel",
                labels: [("status", count.status), ("channel", count.channel)]
            ).set(to: Double(count.count))
        }
        if let last = try view.store?.lastRun() {
            gauge(registry, "nhacviec_last_pass_timestamp_seconds", "When the daemon last completed a pass").set(
                to: last.timeIntervalSince1970)
        }
        if let next = try view.loaded.nextStep.next(store: view.store, now: view.now) {
            gauge(registry, "nhacviec_next_step_timestamp_seconds", "When the next reminder step is due").set(
                to: next.at.timeIntervalSince1970)
        }
        gauge(registry, "nhacviec_overdue_tasks", "Plan tasks past their due date and not done").set(
            to: Double(try view.currentTasks().totals.overdue))
        gauge(registry, "nhacviec_reports_missing", "Units whose report for the last ended period has not arrived").set(
            to: Double(try view.unitReports(view.reportingPeriod)?.missingCount ?? 0))
        let active = try (view.store?.difficulties() ?? []).count(where: { $0.status.isActive })
        gauge(registry, "nhacviec_open_difficulties", "Difficulties open or forwarded, not yet resolved").set(
            to: Double(active))
        gauge(registry, "nhacviec_intake_errors", "Submissions rejected into inbox/rejected").set(
            to:
                Double(rejectedFiles(stateDirectory)))
        // Counted by this process, not read from the state: it starts again from 0 with
        // serve, which Prometheus' rate() and increase() take as a counter reset.
        for reason in WebRefusals.Reason.allCases {
            registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    metricName: "nhacviec_web_requests_refused", unitName: "total",
                    helpText: "Requests answered 503 without their page, by reason"),
                labels: [("reason", reason.rawValue)]
            ).increment(by: Int64(refused[reason] ?? 0))
        }
        return registry.emitToString()
    }

    private static func gauge(
        _ registry: PrometheusCollectorRegistry, _ name: String, _ help: String, labels: [(String, String)] = []
    ) -> Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
    }

    /// `.error` files beside rejected inbox files (one per rejection).
    private static func rejectedFiles(_ stateDirectory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: stateDirectory + "/inbox/rejected")) ?? []
        return names.count(where: { $0.hasSuffix(".error") })
    }
}
