import Foundation
import Testing

@testable import NhacViec

/// Benchmarks/web-bench.sh (`make bench` section 10): writes the config and the state
/// that `nhacviec serve` is measured on, into `NHACVIEC_BENCH_WEB_DIR`. Runs only with
/// `NHACVIEC_BENCH=1` and that directory set; prints `BENCH web-state …` lines.
///
/// The board is the scheduler benchmark's (10,000 tasks, 300 units, as
/// Benchmarks/generate.py) plus a monthly report from every unit, due on the 5th. The
/// state is written through the daemon's and the intake's own code paths, never by SQL:
/// - the ledger: the scheduler played tick by tick over the 2024 plan from 1 January to
///   ``now``, every digest recorded as an intent and then an outcome: sent, except that
///   of the last three days' messages every 15th is retrying and every 40th is dead
///   (each with an SMTP error); then the 2023 plan played the same way, all sent,
///   until the ledger holds ``ledgerRows`` rows, as a ledger that keeps its history;
/// - June's reports through ``SubmissionIntake``: 150 units on time, 50 late, 99
///   missing (the Office owes none), each report setting the status of the unit's
///   tasks due by June, every tenth raising a difficulty.
///
/// web-bench.sh keeps this directory in /dev/shm: the daemon syncs every outcome,
/// and 50,000 synced commits on this machine's disk take minutes without changing
/// what the pages read.
@Suite(
    .serialized,
    .enabled(
        if: ProcessInfo.processInfo.environment["NHACVIEC_BENCH"] == "1"
            && ProcessInfo.processInfo.environment["NHACVIEC_BENCH_WEB_DIR"] != nil))
struct WebStateBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let ledgerRows = environment["NHACVIEC_BENCH_LEDGER_ROWS"].flatMap(Int.init) ?? 100_000
    /// The pages' clock (`serve --now`): June's reports were due five days ago.
    static let now = "2024-07-10T09:00:00+07:00"
    static let usersFile = "web-users"

    @Test func writeTheDashboardState() throws {
        let directory = try #require(Self.environment["NHACVIEC_BENCH_WEB_DIR"])
        let configPath = directory + "/bench.yaml"
        try Self.yaml(year: 2024).write(toFile: configPath, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: configPath)
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let wall = WallClock(timeZone: config.organization.timeZone)
        let now = try #require(wall.parse(Self.now))
        let start = try #require(wall.parse("2024-01-01T00:00:00+07:00"))
        let store = try StateStore(directory: directory + "/state")
        let clock = ContinuousClock()

        var messages = 0
        let current = try clock.measure {
            messages = try Self.play(config, calendar: calendar, from: start, to: now, store: store) { at, index in
                now.timeIntervalSince(at) > 3 * 86_400
                    ? .sent : index % 40 == 0 ? .dead : index % 15 == 0 ? .retrying : .sent
            }
        }
        let currentRows = try store.counts().values.reduce(0, +)
        print(
            "BENCH web-state plan=2024 messages=\(messages) ledger_rows=\(currentRows) "
                + "seconds=\(SchedulerTickBenchmark.format(current, scale: 1))")

        let history = try TestConfig.load(Self.yaml(year: 2023, web: false))
        let historyCalendar = WorkingCalendar(rules: history.calendar.rules)
        let historyStart = try #require(wall.parse("2023-01-01T00:00:00+07:00"))
        let historyEnd = try #require(wall.parse("2023-12-31T23:00:00+07:00"))
        let past = try clock.measure {
            messages = try Self.play(
                history, calendar: historyCalendar, from: historyStart, to: historyEnd, store: store,
                untilRows: Self.ledgerRows
            ) { _, _ in .sent }
        }
        print(
            "BENCH web-state plan=2023 messages=\(messages) "
                + "seconds=\(SchedulerTickBenchmark.format(past, scale: 1))")

        let reports = try Self.receiveJuneReports(config, calendar: calendar, store: store, wall: wall)
        try store.setLastRun(now)
        let counts = try store.counts()
        let byStatus = DeliveryStatus.allCases.map { "\($0.rawValue)=\(counts[$0] ?? 0)" }.joined(separator: " ")
        print(
            "BENCH web-state ledger_rows=\(counts.values.reduce(0, +)) \(byStatus) "
                + "reports_on_time=\(reports.onTime) reports_late=\(reports.late) "
                + "difficulties=\(try store.difficulties().count) config=\(configPath) now=\(Self.now)")
        #expect(counts.values.reduce(0, +) >= Self.ledgerRows)
    }

    enum Outcome { case sent, retrying, dead }

    /// Ticks the scheduler from `from` to `to` as the daemon would and records each digest's
    /// intent and `outcome(at, n)` (n counts messages from 1). Stops early once the ledger
    /// holds `untilRows` rows. Returns the number of messages.
    static func play(
        _ config: Config, calendar: WorkingCalendar, from: Date, to: Date, store: StateStore,
        untilRows: Int = .max, outcome: (Date, Int) -> Outcome
    ) throws -> Int {
        var scheduler = Scheduler(config: config, calendar: calendar)
        var snapshot = try store.loadSnapshot()
        var now = from
        var messages = 0
        var rows = try store.counts().values.reduce(0, +)
        while now <= to, rows < untilRows {
            let actions = scheduler.tick(now: now, state: snapshot)
            var skipped: [SkippedDelivery] = []
            var digests: [Digest] = []
            var next: Date?
            for action in actions {
                switch action {
                case .send(let digest): digests.append(digest)
                case .skip(let key, let step, let channel, let reason):
                    skipped.append(SkippedDelivery(key: key, step: step, channel: channel, reason: reason))
                case .wake(let at): next = at
                }
            }
            try store.recordSkipped(skipped, at: now)
            try store.recordIntents(digests, now: now)
            for digest in digests {
                messages += 1
                switch outcome(digest.at, messages) {
                case .sent:
                    try store.recordSent(messageKey: digest.key, at: now, reply: "250 2.0.0 Ok: queued")
                case .retrying:
                    try store.recordFailure(
                        messageKey: digest.key, at: now,
                        error: "smtp.example.gov.vn:587: 451 4.7.1 Try again later", retryAt: now + 900)
                case .dead:
                    try store.recordDead(
                        messageKey: digest.key, at: now, error: "smtp.example.gov.vn:587: 550 5.1.1 Mailbox unavailable"
                    )
                }
                rows += digest.items.count
            }
            rows += skipped.count
            guard let next, next > now else { break }
            try store.refresh(&snapshot)
            now = next
        }
        return messages
    }

    /// June's monthly reports: the first 150 units that owe one on 3 July (on time), the
    /// next 50 on 8 July (late), the other 99 missing. Each sets its lead tasks due by
    /// June; every tenth raises a difficulty.
    static func receiveJuneReports(_ config: Config, calendar: WorkingCalendar, store: StateStore, wall: WallClock)
        throws -> (onTime: Int, late: Int)
    {
        let intake = SubmissionIntake(config: config, calendar: calendar, sink: store)
        let onTime = try #require(wall.parse("2024-07-03T10:00:00+07:00"))
        let late = try #require(wall.parse("2024-07-08T15:00:00+07:00"))
        let firstHalf = try #require(LocalDate(iso: "2024-01-01"))...(try #require(LocalDate(iso: "2024-06-30")))
        var dueByLead: [String: [String]] = [:]
        for occurrence in OccurrenceExpander(config: config, calendar: calendar).occurrences(dueIn: firstHalf) {
            if case .task(let id) = occurrence.duty {
                dueByLead[occurrence.responsibleUnit, default: []].append(id)
            }
        }
        var counts = (onTime: 0, late: 0)
        let owing = config.reports.monthly?.from ?? []
        for (index, unit) in owing.prefix(200).enumerated() {
            let updates = (dueByLead[unit] ?? []).enumerated().map { offset, id in
                offset % 3 == 0
                    ? TaskUpdate(id: id, status: .done, progress: 100)
                    : TaskUpdate(id: id, status: .inProgress, progress: 40 + offset % 50, note: "Đang hoàn thiện hồ sơ")
            }
            let difficulties = index % 10 == 0 ? ["Thiếu kinh phí triển khai nhiệm vụ của đơn vị số \(index)"] : []
            let submission = Submission(
                unit: unit, report: "monthly", period: "2024-06", tasks: updates, difficulties: difficulties,
                proposals: [], body: "Báo cáo kết quả tháng 6 năm 2024.", receivedAt: index < 150 ? onTime : late,
                sourceName: "\(unit)-2024-06.md")
            _ = try intake.record(submission)
            if index < 150 { counts.onTime += 1 } else { counts.late += 1 }
        }
        return counts
    }

    /// The scheduler benchmark's board, plus monthly reports due on the 5th and the
    /// Office's logins in `web-users` next to the config (written by web-bench.sh).
    static func yaml(year: Int, web: Bool = true) -> String {
        let reports = """
            reports:
              monthly:
                title: Báo cáo kết quả thực hiện công tác cải cách hành chính
                from: all
                period: calendar_month
                due: day 5

            """
        return SchedulerTickBenchmark.yaml(year: year) + reports + (web ? "web:\n  users_file: \(usersFile)\n" : "")
    }
}
