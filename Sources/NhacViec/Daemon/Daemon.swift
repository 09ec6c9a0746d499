import Dispatch
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `nhacviec run`: the long-running process (DESIGN §10).
///
/// Everything happens on the main thread, served by its run loop: one wall-clock
/// `DispatchSourceTimer` armed for the next thing to do (the next reminder step,
/// a retry, the next inbox scan, or the hourly safety wake-up that catches clock
/// jumps), inotify watches on the inbox and on `<state>/wake`, and the systemd
/// watchdog, all sources on the main queue. Signals arrive through a pipe read by
/// a thread of their own (``SignalRelay``, ``DaemonSignals``) that hands them to
/// the main queue, so the engine's state is only touched from the main thread.
/// Network transfers run on the curl worker thread (webhooks) and on the SMTP
/// sessions' threads; the main thread waits for their outcomes with a timeout,
/// so a stop is never blocked by a slow server.
package final class Daemon {
    /// How long a stop may wait for in-flight sends (DESIGN §10: ≤ 10 s).
    static let stopGrace: TimeInterval = 10
    static let safetyWake: TimeInterval = 3600
    static let inboxInterval: TimeInterval = 60

    private let options: DaemonOptions
    private let logger: Logger
    private let clock: DaemonClock
    private let notifier: SystemdNotifier
    private var config: Config
    private var stateDirectory: String
    private var store: StateStore
    private var engine: ReminderEngine
    private var inbox: InboxProcessor?
    /// Inbox files reported complete since the last scan.
    private var closedInboxFiles: Set<String> = []
    /// The report mailbox (`intake.email`), polled on the same timer.
    private var mailPoller: EmailIntakePoller?
    private var lock: StateDirectoryLock?
    private var dryRunDirectory: String?
    /// True while inotify tells us about new inbox files: no minutely scan needed.
    private var inboxWatched = false
    private var inboxWatcher: InboxWatcher?
    private var wakeWatcher: WakeWatcher?

    package struct StartError: Error, CustomStringConvertible {
        package let status: ExitStatus
        package let description: String
    }

    /// Loads config and state, takes the run lock. Problems come back as a
    /// `StartError` with the exit status the CLI should use.
    package init(options: DaemonOptions, logger: Logger) throws(StartError) {
        // Before anything else: a SIGTERM or SIGHUP while the config loads or the
        // first pass runs must not kill the process (DESIGN §10).
        DaemonSignals.install(logger: logger)
        // Before the first thread starts (SMTP sessions, the curl worker).
        HeapTrim.shareOneArena()
        HeapTrim.mapLargeBlocks()
        self.options = options
        self.logger = logger
        self.clock = DaemonClock(startingAt: options.startAt)
        self.notifier = SystemdNotifier(environment: options.environment)
        let config: Config
        do {
            config = try Self.loadConfig(path: options.configPath)
        } catch {
            throw StartError(status: .configError, description: error.description)
        }
        self.config = config
        // Removed on every way out, a failed start included.
        var temporaryCopy: String?
        do {
            var stateDirectory = options.stateDirectory
            if options.dryRun {
                // A dry run works on a copy: the real state records nothing (DESIGN §6).
                let copy = NSTemporaryDirectory() + "nhacviec-dry-run-\(getpid())"
                temporaryCopy = copy
                if let real = try StateStore.openExisting(directory: options.stateDirectory, readOnly: true) {
                    try real.copy(to: copy)
                }
                stateDirectory = copy
            } else {
                try PrivateFiles.makeFolder(stateDirectory)
                lock = try StateDirectoryLock.acquire(stateDirectory: stateDirectory)
            }
            self.stateDirectory = stateDirectory
            store = try StateStore(directory: stateDirectory)
            try store.setLastConfigPath(options.configPath)
            engine = try Self.makeEngine(config: config, store: store, options: options, logger: logger)
        } catch {
            if let temporaryCopy { try? FileManager.default.removeItem(atPath: temporaryCopy) }
            switch error {
            case let error as StoreError: throw StartError(status: error.exitStatus, description: error.description)
            case let error as StartError: throw error
            default: throw StartError(status: .ioError, description: "\(error)")
            }
        }
        dryRunDirectory = temporaryCopy
        inbox = makeInbox(config: config)
        mailPoller = makeMailPoller(config: config)
    }

    /// The config, its task text compacted before the parser's nodes go: the daemon
    /// holds it until the next reload.
    private static func loadConfig(path: String) throws(ConfigError) -> Config {
        try ConfigLoader.load(path: path, finish: CompactText.compacted)
    }

    private func makeMailPoller(config: Config) -> EmailIntakePoller? {
        // A dry run records nothing, so it must not take messages out of the mailbox either.
        guard !options.dryRun else { return nil }
        do {
            return try EmailIntakePoller(
                config: config, store: store, stateDirectory: options.stateDirectory,
                environment: options.environment, logger: logger, stop: DaemonSignals.stop)
        } catch {
            logger.error("the report mailbox cannot be polled", metadata: ["error": "\(error)"])
            return nil
        }
    }

    deinit {
        cleanUp()
    }

    private static func makeEngine(
        config: Config, store: StateStore, options: DaemonOptions, logger: Logger
    ) throws -> ReminderEngine {
        let delivery: DeliveryService
        do {
            // The outbox is always under the real state dir, also in a dry run.
            delivery = try DeliveryService(
                config: config, stateDirectory: options.stateDirectory, mode: options.dryRun ? .dryRun : .live,
                environment: options.environment)
        } catch {
            throw StartError(status: .configError, description: error.description)
        }
        return try ReminderEngine(
            config: config, store: store, delivery: delivery, logger: logger, reportsDirectory: options.stateDirectory,
            stop: DaemonSignals.stop, unitLinks: unitLinks(config: config, options: options, logger: logger))
    }

    /// Signs the units' page links in reminders (DESIGN §15) when `web.base_url` is set; a
    /// secret that cannot be read is logged and the reminders go without links.
    private static func unitLinks(config: Config, options: DaemonOptions, logger: Logger) -> WebLinks? {
        guard config.web.baseURL != nil else { return nil }
        do {
            return try WebLinks(config: config, environment: options.environment)
        } catch {
            logger.error("reminders go without the units' page links", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func makeInbox(config: Config) -> InboxProcessor? {
        // A dry run records nothing, so it must not move units' files out of the inbox either.
        guard !options.dryRun else { return nil }
        let intake = SubmissionIntake(
            config: config, calendar: WorkingCalendar(rules: config.calendar.rules), sink: store)
        let processor = InboxProcessor(stateDirectory: options.stateDirectory, intake: intake)
        do {
            try processor.prepare()
            return processor
        } catch {
            logger.error(
                "inbox unavailable; reports can still be taken with nhacviec submit", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// With `once`: everything due, then returns the exit status. Otherwise runs
    /// until SIGTERM/SIGINT and exits the process from there (never returns).
    ///
    /// The daemon lives on the main thread: its timer, watchdog and inotify watches
    /// are sources on the main queue, signals come through a pipe to a thread of
    /// their own (``SignalRelay``), and during a pass the main thread waits for the
    /// curl worker's outcomes with a timeout. Nothing touches Dispatch's global
    /// queues or the Swift cooperative pool, because on Linux the first use of those
    /// arms libdispatch's thread-pool monitor, a timer that wakes the process every
    /// second forever. Idle, it wakes only for the hourly safety check (inotify
    /// reports inbox files and the wake file).
    package func run() -> ExitStatus {
        logger.notice(
            "starting",
            metadata: [
                "config": "\(options.configPath)", "state": "\(options.stateDirectory)",
                "now": "\(WallClock(timeZone: config.organization.timeZone).iso8601(clock.now()))",
                "mode": "\(options.once ? "once" : "daemon")\(options.dryRun ? ", dry run" : "")",
            ])
        if options.once {
            mailPoller?.poll(now: clock.now())
            scanInbox(everyFile: true)
            let summary = engine.pass(now: clock.now())
            log(summary)
            cleanUp()
            // Sends that failed are the ledger's business (retried, or dead and shown by
            // `status`); a state that could not record what happened is an I/O error.
            return summary.storeFailures > 0 ? .ioError : .ok
        }

        let timer = DispatchSource.makeTimerSource(flags: [], queue: .main)
        var nextInboxScan = clock.now()
        var summary = PassSummary(nextWake: nextInboxScan)
        let rearm = { [self] in arm(timer, summary.nextWake, nextInboxScan) }
        DaemonSignals.onReload = { [self] in
            // A stop already asked for wins over a reload queued before it ran.
            guard !DaemonSignals.stop.isRequested else { return }
            notifier.reloading()
            reload()
            watchInbox(timer: timer, nextInboxScan: { nextInboxScan = $0 }, summary: { summary })
            summary = work(&nextInboxScan)
            notifier.ready(status: status(summary))
            rearm()
        }
        let watchdog = startWatchdog()
        DaemonSignals.onStop = { [self] signal in
            notifier.stopping()
            logger.notice("stopping", metadata: ["signal": "\(signal == SIGTERM ? "SIGTERM" : "SIGINT")"])
            timer.cancel()
            watchdog?.cancel()
            inboxWatcher = nil
            wakeWatcher = nil
            cleanUp()
            exit(ExitStatus.ok.rawValue)
        }
        // READY=1 before the first pass: a slow mail server must not hold up the
        // start (systemd's start timeout); the first pass reports through STATUS=.
        notifier.ready(status: "first pass under way")
        // With inotify the inbox is scanned when a file is closed or moved in; without
        // it, once a minute.
        watchInbox(timer: timer, nextInboxScan: { nextInboxScan = $0 }, summary: { summary })
        watchWakeFile(timer: timer, summary: { summary })
        summary = work(&nextInboxScan)
        timer.setEventHandler { [self] in
            summary = work(&nextInboxScan)
            notifier.status(status(summary))
            rearm()
        }
        timer.activate()
        notifier.status(status(summary))
        rearm()
        // The run loop serves the main queue on the main thread itself (`dispatchMain()`
        // would end the main thread and hand the queue to a Dispatch worker).
        while true {
            _ = RunLoop.main.run(mode: .default, before: .distantFuture)
        }
    }

    /// Watches `<state>/wake` (DESIGN §10): another process recorded something
    /// pending; a pass runs at once.
    private func watchWakeFile(timer: DispatchSourceTimer, summary: @escaping () -> PassSummary) {
        guard !options.dryRun else { return }
        do {
            // Made now so that a watcher of the file itself (or a person) finds it.
            try WakeFile.touch(stateDirectory: options.stateDirectory)
        } catch {
            logger.warning("cannot create the wake file", metadata: ["error": "\(error)"])
        }
        wakeWatcher = WakeWatcher(stateDirectory: options.stateDirectory) { [self] in
            logger.info("woken: another process recorded messages to send")
            arm(timer, clock.now(), clock.now())
        }
        if wakeWatcher == nil {
            logger.warning("cannot watch the wake file; messages recorded by other commands go out within the hour")
        }
    }

    /// Starts watching the inbox; when a file is closed or moved in, brings the next scan
    /// forward to now. Without an inbox or inotify, the inbox is scanned every minute.
    private func watchInbox(
        timer: DispatchSourceTimer, nextInboxScan: @escaping (Date) -> Void,
        summary: @escaping () -> PassSummary
    ) {
        inboxWatcher = nil
        inboxWatched = false
        guard inbox != nil else { return }
        let watcher = InboxWatcher(directory: options.stateDirectory + "/inbox") { [self] names in
            // Closed after writing or moved in: complete, taken at once.
            closedInboxFiles.formUnion(names)
            let scanAt = clock.now()
            nextInboxScan(scanAt)
            arm(timer, summary().nextWake, scanAt)
        }
        inboxWatched = watcher != nil
        inboxWatcher = watcher
    }

    private func cleanUp() {
        if let dryRunDirectory { try? FileManager.default.removeItem(atPath: dryRunDirectory) }
    }

    private func work(_ nextInboxScan: inout Date) -> PassSummary {
        let now = clock.now()
        if now >= nextInboxScan {
            scanInbox()
            // Watched by inotify, the inbox is scanned again when something arrives; the
            // hourly safety wake-up scans it too, in case an event was missed.
            nextInboxScan = now.addingTimeInterval(inboxWatched ? Self.safetyWake : Self.inboxInterval)
        }
        mailPoller?.pollIfDue(now: now)
        let summary = engine.pass(now: now)
        log(summary)
        // The daemon sleeps until the next step: the store's caches and what the pass
        // freed go back to the system.
        store.releaseMemory()
        HeapTrim.releaseFreedMemory()
        return summary
    }

    /// `run --once` takes every file present; the daemon the files inotify reported
    /// complete, and in its start and safety scans those left untouched for a while.
    private func scanInbox(everyFile: Bool = false) {
        guard let inbox else { return }
        let closed = closedInboxFiles
        closedInboxFiles = []
        do {
            // File times are real, even when the daemon's clock is pretended.
            let summary = try inbox.process(
                now: clock.now(),
                modifiedBefore: everyFile ? nil : Date().addingTimeInterval(-InboxProcessor.quietPeriod),
                closed: closed)
            for line in summary.logLines { logger.notice("inbox: \(line)") }
        } catch {
            logger.error("inbox scan failed", metadata: ["error": "\(error)"])
        }
    }

    /// SIGHUP: load the config again; a bad one is logged with all its errors and the old one stays.
    private func reload() {
        logger.notice("reloading the config", metadata: ["config": "\(options.configPath)"])
        let fresh: Config
        do {
            fresh = try Self.loadConfig(path: options.configPath)
        } catch {
            for issue in error.issues { logger.error("config: \(issue)") }
            logger.error(
                "the new config has errors; keeping the old one", metadata: ["problems": "\(error.issues.count)"])
            return
        }
        do {
            engine = try Self.makeEngine(config: fresh, store: store, options: options, logger: logger)
            config = fresh
            inbox = makeInbox(config: fresh)
            mailPoller = makeMailPoller(config: fresh)
            // The new config may fix what retries wait on (a CA file, a password): try them now.
            let brought = try store.bringRetriesForward(to: clock.now())
            if brought > 0 {
                logger.notice("retrying waiting deliveries now", metadata: ["delivery.count": "\(brought)"])
            }
            logger.notice("config reloaded", metadata: ["summary": "\(ConfigSummary(fresh))"])
        } catch {
            logger.error("cannot apply the new config; keeping the old one", metadata: ["error": "\(error)"])
        }
    }

    /// One timer for everything: the earliest of the next step or retry, the next
    /// inbox scan and the hourly safety wake-up.
    private func arm(_ timer: DispatchSourceTimer, _ nextWake: Date, _ nextInboxScan: Date) {
        let now = clock.now()
        var target = min(nextWake, now.addingTimeInterval(Self.safetyWake))
        if inbox != nil { target = min(target, nextInboxScan) }
        if let mailPoller { target = min(target, mailPoller.nextPoll) }
        let real = clock.realTime(of: max(target, now)).timeIntervalSince1970
        let deadline = DispatchWallTime(
            timespec: timespec(tv_sec: Int(real.rounded(.down)), tv_nsec: Int((real - real.rounded(.down)) * 1e9)))
        timer.schedule(wallDeadline: deadline, leeway: .milliseconds(500))
        logger.debug(
            "next wake", metadata: ["at": "\(WallClock(timeZone: config.organization.timeZone).iso8601(target))"])
    }

    private func startWatchdog() -> DispatchSourceTimer? {
        guard notifier.isActive, let interval = SystemdNotifier.watchdogInterval(environment: options.environment)
        else {
            return nil
        }
        let timer = DispatchSource.makeTimerSource(queue: .main)
        let notifier = self.notifier
        timer.schedule(deadline: .now(), repeating: interval / 2, leeway: .milliseconds(100))
        timer.setEventHandler { notifier.watchdog() }
        timer.activate()
        return timer
    }

    private func status(_ summary: PassSummary) -> String {
        let wall = WallClock(timeZone: config.organization.timeZone)
        let step = summary.nextStep.map { "next step \(wall.iso8601($0))" } ?? "no step scheduled"
        return
            "\(step); next wake \(wall.iso8601(summary.nextWake)); last pass sent \(summary.sent), failed \(summary.failed), dead \(summary.dead)"
    }

    private func log(_ summary: PassSummary) {
        let wall = WallClock(timeZone: config.organization.timeZone)
        logger.info(
            "pass done",
            metadata: [
                "sent": "\(summary.sent)", "failed": "\(summary.failed)", "dead": "\(summary.dead)",
                "skipped": "\(summary.skipped)", "resent": "\(summary.retried)",
                "next": "\(wall.iso8601(summary.nextWake))",
            ])
    }
}
