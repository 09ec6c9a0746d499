import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Benchmarks/run.sh "scheduler tick": what one daemon wake-up costs with 10,000
/// tasks and 100,000 ledger rows. Runs only with `NHACVIEC_BENCH=1`, prints
/// figures (`BENCH tick …` lines) and asserts nothing about time.
///
/// The config is built like Benchmarks/generate.py (10,000 one-off tasks due in
/// 2024, 300 units, a lead and up to two supporting units each). The ledger is a
/// real `StateStore` holding every step of this plan that fell due before the
/// first tick (1 July 2024, 08:00) plus, up to 100,000 rows, the steps of the
/// same plan a year earlier, as a ledger that keeps its history would.
///
/// Each measured tick is what the daemon does per wake-up: `refresh` the snapshot,
/// then `tick` at the instant the previous tick asked to be woken. Between ticks
/// (not timed) the previous tick's sends and skips are written to the ledger in
/// one transaction, so the next refresh reads the rows a real pass would add.
/// Every 30 days of clock the scheduler rebuilds its timeline; a tick that does
/// so shows up in the maximum, not the median.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NHACVIEC_BENCH"] == "1"))
struct SchedulerTickBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let taskCount = environment["NHACVIEC_BENCH_TASKS"].flatMap(Int.init) ?? 10_000
    static let unitCount = 300
    static let ledgerRows = environment["NHACVIEC_BENCH_LEDGER_ROWS"].flatMap(Int.init) ?? 100_000
    static let tickCount = environment["NHACVIEC_BENCH_TICKS"].flatMap(Int.init) ?? 50
    static let firstTick = "2024-07-01T08:00:00+07:00"

    @Test func tickWithTenThousandTasksAndAHundredThousandLedgerRows() throws {
        let clock = ContinuousClock()
        let config = try TestConfig.load(Self.yaml(year: 2024))
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let wall = WallClock(timeZone: config.organization.timeZone)
        let start = try #require(wall.parse(Self.firstTick))

        let directory = try TemporaryDirectory()
        let store = try StateStore(directory: directory.file("state"))
        let fill = try clock.measure { try Self.fillLedger(store, config: config, calendar: calendar, before: start) }
        let rows = try store.counts().values.reduce(0, +)
        print(
            "BENCH tick tasks=\(Self.taskCount) units=\(Self.unitCount) ledger_rows=\(rows) "
                + "fill_seconds=\(Self.format(fill, scale: 1))")

        var snapshot = StoreSnapshot()
        let load = try clock.measure { snapshot = try store.loadSnapshot() }
        print("BENCH tick snapshot_load_ms=\(Self.format(load)) recorded_keys=\(snapshot.recordedKeys.count)")

        var scheduler = Scheduler(config: config, calendar: calendar)
        var actions: [Scheduler.Action] = []
        let first = try clock.measure {
            try store.refresh(&snapshot)
            actions = scheduler.tick(now: start, state: snapshot)
        }
        print("BENCH tick first_ms=\(Self.format(first)) actions=\(actions.count) (includes building the timeline)")

        var totals: [Duration] = []
        var refreshes: [Duration] = []
        var actionCount = 0
        var now = start
        for _ in 0..<Self.tickCount {
            guard case .wake(let next)? = actions.last else { break }
            try Self.record(actions, in: store, at: now)
            now = next
            let refresh = try clock.measure { try store.refresh(&snapshot) }
            let tick = clock.measure { actions = scheduler.tick(now: now, state: snapshot) }
            refreshes.append(refresh)
            totals.append(refresh + tick)
            actionCount += actions.count
        }
        let sorted = totals.sorted()
        guard let median = Self.median(sorted), let p95 = Self.percentile95(sorted), let max = sorted.last,
            let refreshMedian = Self.median(refreshes.sorted())
        else { return }
        print(
            "BENCH tick ticks=\(totals.count) median_ms=\(Self.format(median)) p95_ms=\(Self.format(p95)) "
                + "max_ms=\(Self.format(max)) refresh_median_ms=\(Self.format(refreshMedian)) "
                + "actions_per_tick=\(totals.isEmpty ? 0 : actionCount / totals.count) "
                + "last_tick=\(wall.iso8601(now))")
    }

    /// Records every step of the 2024 plan due before `before`, then steps of the
    /// 2023 plan until the ledger holds ``ledgerRows`` rows.
    static func fillLedger(_ store: StateStore, config: Config, calendar: WorkingCalendar, before: Date) throws {
        let empty = EmptySchedulerState()
        let from = try #require(LocalDate(iso: "2024-01-01"))
        let to = try #require(LocalDate(iso: "2025-12-31"))
        let current = PlanQuery(config: config, calendar: calendar).steps(from: from, to: to, state: empty)
        var rows = skipped(current.filter { $0.at < before })
        if rows.count < ledgerRows {
            let history = try TestConfig.load(yaml(year: 2023))
            let historyCalendar = WorkingCalendar(rules: history.calendar.rules)
            let earlier = PlanQuery(config: history, calendar: historyCalendar)
                .steps(from: try #require(LocalDate(iso: "2023-01-01")), to: from.adding(days: -1), state: empty)
            rows += skipped(earlier).prefix(ledgerRows - rows.count)
        }
        var start = 0
        while start < rows.count {
            let end = min(start + 10_000, rows.count)
            try store.recordSkipped(Array(rows[start..<end]), at: before)
            start = end
        }
    }

    static func skipped(_ steps: [ScheduledStep]) -> [SkippedDelivery] {
        steps.flatMap { step in
            step.channels.map { SkippedDelivery(key: step.key(for: $0), step: step, channel: $0, reason: .tooOld) }
        }
    }

    /// Writes a tick's sends and skips to the ledger in one transaction (the daemon
    /// writes an intent and an outcome per message; only the rows matter here).
    static func record(_ actions: [Scheduler.Action], in store: StateStore, at now: Date) throws {
        var rows: [SkippedDelivery] = []
        for action in actions {
            switch action {
            case .send(let digest):
                rows += digest.items.map {
                    SkippedDelivery(
                        key: $0.key, duty: $0.step.occurrence.duty, occurrence: $0.step.occurrence.occurrence,
                        step: $0.step.kind, recipient: $0.step.recipient, channel: digest.channel,
                        reason: "sent-in-benchmark")
                }
            case .skip(let key, let step, let channel, let reason):
                rows.append(SkippedDelivery(key: key, step: step, channel: channel, reason: reason))
            case .wake:
                break
            }
        }
        try store.recordSkipped(rows, at: now)
    }

    /// The config of Benchmarks/generate.py, with deadlines in `year` (seeded, so every run is the same).
    static func yaml(year: Int) -> String {
        var random = SplitMix64(seed: 2024)
        let areas = Area.allCases
        let units = (0..<unitCount).map { "don-vi-\($0 < 10 ? "00" : $0 < 100 ? "0" : "")\($0)" }
        var lines = [
            "version: 1",
            "organization:",
            "  name: Ban Quản lý Khu kinh tế (benchmark)",
            "  office: don-vi-000",
            "  plan_year: \(year)",
        ]
        if year == 2024 { lines += ["calendar:", "  include: [\(TestConfig.holidays(2024))]"] }
        lines.append("units:")
        for (index, unit) in units.enumerated() {
            lines += [
                "  - id: \(unit)", "    name: Đơn vị số \(index)", "    email: [dv\(index)@example.gov.vn]",
                "    head: { title: Trưởng đơn vị, name: Người đứng đầu \(index), email: head\(index)@example.gov.vn }",
            ]
        }
        lines.append("tasks:")
        let first = LocalDate(year: year, month: 1, day: 1) ?? LocalDate(dayNumber: 0)
        for index in 0..<taskCount {
            let due = first.adding(days: random.next(below: 365))
            let lead = units[random.next(below: units.count)]
            let support = [units[random.next(below: units.count)], units[random.next(below: units.count)]]
                .filter { $0 != lead }
            lines += [
                "  - id: T.\(index)", "    area: \(areas[random.next(below: areas.count)].rawValue)",
                "    title: Nhiệm vụ số \(index)", "    lead: \(lead)",
                "    support: [\(Array(Set(support)).sorted().joined(separator: ", "))]",
                "    due: \(due.day)/\(due.month)/\(due.year)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func median(_ sorted: [Duration]) -> Duration? {
        sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }

    /// Nearest rank.
    static func percentile95(_ sorted: [Duration]) -> Duration? {
        sorted.isEmpty ? nil : sorted[min(sorted.count - 1, (sorted.count * 95 + 99) / 100 - 1)]
    }

    /// Milliseconds by default; `scale: 1` for seconds.
    static func format(_ duration: Duration, scale: Double = 1000) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f", seconds * scale)
    }

    /// A small seeded generator, so the config is the same in every run.
    struct SplitMix64 {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(z % UInt64(bound))
        }
    }
}
