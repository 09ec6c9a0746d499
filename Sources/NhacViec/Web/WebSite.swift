import Foundation
import Logging

/// Everything `serve` answers from: the config (reloaded on SIGHUP), the Office's logins,
/// the link-signing key, the state store and the pages' clock.
///
/// Requests run concurrently on Hummingbird's tasks; the reloadable part is swapped whole
/// under a lock, so a request sees either the old or the new config, never a mix.
package final class WebSite: @unchecked Sendable {
    /// One consistent generation of what the config decides.
    package struct Loaded: Sendable {
        package let config: Config
        package let calendar: WorkingCalendar
        package let users: OfficeUsers
        /// Nil without `web.secret_env`/`secret_file` (or when it cannot be read): no unit calendar then.
        package let signer: WebSignature?
        /// The report builder of this config: it keeps what it works out of the config
        /// (see ``ReportBuilderMemo``) for every page built from this generation.
        package let builder: ConsolidatedReportBuilder
        /// `/metrics`' next step, kept while the state and the day stay the same.
        let nextStep: WebNextStep
    }

    package let options: WebOptions
    package let logger: Logger
    package let clock: DaemonClock
    package let csrf: CSRFToken
    package let pages: WebPages
    /// The threads pages are built on (started and stopped by ``WebServer/run()``).
    package let workers: WebWorkers
    /// Requests answered 503 without their page, counted for `/metrics` and logged sparingly.
    package let refusals: WebRefusals
    private let lock = NSLock()
    private var loaded: Loaded
    private var openedStore: StateStore?
    /// Logins that passed bcrypt recently, by an HMAC of name and password (never the password
    /// itself): a page view then costs no bcrypt run. Emptied on reload.
    private var recentLogins: [String: Date] = [:]
    private let loginCacheKey = WebSignature(key: CSRFToken.randomKey())
    private static let loginCacheLifetime: TimeInterval = 300
    /// POST times per unit link (by its signature), for the 20-an-hour limit.
    private var linkPosts: [String: [Date]] = [:]
    /// Failed logins per client address (10 a minute, then 429).
    private var loginThrottle = LoginThrottle()
    /// Whether the state's newer schema was logged (once: every request meets it).
    private var newerSchemaLogged = false

    package init(options: WebOptions, logger: Logger) throws {
        self.options = options
        self.logger = logger
        self.workers = WebWorkers(threads: options.workers, queueLength: options.queueLength)
        self.refusals = WebRefusals(logger: logger)
        self.clock = DaemonClock(startingAt: options.startAt)
        self.csrf = CSRFToken(key: CSRFToken.randomKey())
        self.pages = try WebPages()
        self.loaded = try Self.load(options: options, logger: logger)
        // Parsing a large plan's YAML leaves tens of MiB freed but held by the heap.
        HeapTrim.releaseFreedMemory()
    }

    package var current: Loaded {
        lock.withLock { loaded }
    }

    /// SIGHUP: a config (or users file) that does not load is logged and the old one kept.
    package func reload() {
        do {
            let fresh = try Self.load(options: options, logger: logger)
            lock.withLock {
                loaded = fresh
                recentLogins = [:]
            }
            logger.notice("config reloaded", metadata: ["config.path": "\(options.configPath)"])
            HeapTrim.releaseFreedMemory()
        } catch let error as ConfigError {
            for issue in error.issues { logger.error("config: \(issue)") }
            logger.error("the new config has errors; keeping the old one")
        } catch {
            logger.error("cannot reload: \(error); keeping the old config")
        }
    }

    /// What a request's Basic credentials get: refused without being checked while `client`
    /// is throttled, else checked (and a failure counted against `client`).
    package func login(user: String, password: String, client: String) -> LoginOutcome {
        let now = clock.now()
        if let wait = lock.withLock({ loginThrottle.retryAfter(client: client, now: now) }) {
            return .throttled(retryAfter: wait)
        }
        let accepted = authenticate(user: user, password: password)
        lock.withLock {
            if accepted {
                loginThrottle.recordSuccess(client: client)
            } else {
                loginThrottle.recordFailure(client: client, now: now)
            }
        }
        return accepted ? .accepted : .refused
    }

    /// Whether `user`/`password` is an Office login of the current users file.
    package func authenticate(user: String, password: String) -> Bool {
        let fingerprint = loginCacheKey.sign(user + "\u{0}" + password)
        let now = Date()
        let (users, cached) = lock.withLock { (loaded.users, recentLogins[fingerprint]) }
        if let cached, now.timeIntervalSince(cached) < Self.loginCacheLifetime { return true }
        guard users.verify(user: user, password: password) else { return false }
        lock.withLock {
            if recentLogins.count > 1000 { recentLogins = [:] }
            recentLogins[fingerprint] = now
        }
        return true
    }

    /// Counts a POST to a unit link; false when it already had `limit` in the last hour (real time).
    package func allowPost(link: String, limit: Int, now: Date = Date()) -> Bool {
        lock.withLock {
            let recent = (linkPosts[link] ?? []).filter { now.timeIntervalSince($0) < 3600 }
            if linkPosts.count > 10_000 { linkPosts = [:] }
            guard recent.count < limit else {
                linkPosts[link] = recent
                return false
            }
            linkPosts[link] = recent + [now]
            return true
        }
    }

    /// Logs, the first time only, that the state was written by a newer nhacviec.
    package func noteNewerSchema(_ error: StoreError) {
        let first = lock.withLock {
            defer { newerSchemaLogged = true }
            return !newerSchemaLogged
        }
        guard first else { return }
        logger.critical(
            "the state was written by a newer nhacviec: pages answer 503 until nhacviec is upgraded",
            metadata: ["error": "\(error)"])
    }

    /// The values of the `message` page outside any Office view (no login, no store).
    package func messageContext(title: String, text: String) -> [String: Any] {
        let config = current.config
        return [
            "title": title, "text": text, "organization": config.organization.name,
            "generatedAt": WebFormat.dateTime(clock.now(), WallClock(timeZone: config.organization.timeZone)),
            "version": NhacViecVersion.current,
        ]
    }

    /// The state store once the daemon (or any command) has created it; nil before. Throws
    /// ``StoreError/Code/setupInProgress`` when another process holds the store's setup lock
    /// past `--state-wait`: the request is refused, its worker freed, and the next one tries again.
    package func store() throws(StoreError) -> StateStore? {
        if let store = lock.withLock({ openedStore }) { return store }
        guard let store = try StateStore.openExisting(directory: options.stateDirectory, setupWait: options.stateWait)
        else { return nil }
        return lock.withLock {
            if let existing = openedStore { return existing }
            openedStore = store
            return store
        }
    }

    /// The store for a write, created if missing (as `nhacviec task` does).
    package func writableStore() throws(StoreError) -> StateStore {
        if let store = try store() { return store }
        let store = try StateStore(directory: options.stateDirectory, setupWait: options.stateWait)
        return lock.withLock {
            if let existing = openedStore { return existing }
            openedStore = store
            return store
        }
    }

    private static func load(options: WebOptions, logger: Logger) throws -> Loaded {
        let config = try ConfigLoader.load(path: options.configPath)
        var users = OfficeUsers(hashes: [:])
        if let path = config.web.usersFile {
            users = try OfficeUsers(contentsOf: path)
            for line in users.ignored { logger.warning("users file: line ignored: \(line)") }
            if users.count == 0 {
                logger.warning("users file \(path) has no bcrypt login: every Office page answers 401")
            }
        } else {
            logger.warning("web.users_file is not set: every Office page answers 401")
        }
        var signer: WebSignature?
        if let secret = config.web.secret {
            do {
                let key = try secret.resolve(environment: options.environment, configDirectory: config.directory)
                signer = WebSignature(key: Array(key.utf8))
            } catch {
                logger.error("web secret: \(error.message): unit calendars and links are refused")
            }
        }
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        return Loaded(
            config: config, calendar: calendar, users: users, signer: signer,
            builder: ConsolidatedReportBuilder(config: config, calendar: calendar, keepsWork: true),
            nextStep: WebNextStep(config: config, calendar: calendar))
    }
}

/// What a login attempt gets.
package enum LoginOutcome: Sendable, Equatable {
    case accepted
    case refused
    /// Too many failures from the client lately: try again in that many seconds.
    case throttled(retryAfter: Int)
}
