import ArgumentParser
import Foundation
import Logging
import NhacViec

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Office's pages, unit calendars, /metrics and /healthz (beside the daemon)."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Option(help: "Address and port to listen on (loopback by default; put TLS in a reverse proxy).")
    var listen: String = WebListenAddress.defaultAddress.description
    @Option(help: "Threads that build pages (default: one per core, at least 2; at most 256).")
    var workers: Int?
    @Option(
        help: "Requests that may wait for a busy thread; past them serve answers 503 with Retry-After (0 to 10000).")
    var queue: Int = WebWorkers.defaultQueueLength
    @Option(
        name: .customLong("state-wait"),
        help: ArgumentHelp(
            "Seconds a request waits for the daemon to finish creating or migrating the state before 503 (0 to 600).",
            valueName: "seconds"))
    var stateWait: Double = WebOptions.defaultStateWaitSeconds

    func validate() throws {
        let problems = WebOptions.problems(
            workers: workers ?? WebWorkers.defaultThreads, queueLength: queue, stateWait: stateWait)
        guard problems.isEmpty else { throw ValidationError(problems.joined(separator: "; ")) }
    }

    func run() throws {
        guard let address = WebListenAddress(parsing: listen) else {
            throw ValidationError("--listen '\(listen)' is not ADDRESS:PORT (e.g. 127.0.0.1:8080 or [::1]:8080)")
        }
        let environment = ProcessInfo.processInfo.environment
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, environment: environment) }
        let logger = Logger(label: "nhacviec.web")
        let loaded = try config.load()
        let startAt = try clock.now.map { _ in try clock.resolve(WallClock(timeZone: loaded.organization.timeZone)) }
        let options = WebOptions(
            configPath: config.resolvedPath, stateDirectory: state.resolvedPath, listen: address, startAt: startAt,
            environment: environment, workers: workers ?? WebWorkers.defaultThreads, queueLength: queue,
            stateWait: .seconds(stateWait))
        let site: WebSite
        do {
            site = try WebSite(options: options, logger: logger)
        } catch let error as ConfigError {
            printError(error.description)
            throw ExitCode(ExitStatus.configError.rawValue)
        } catch {
            printError("nhacviec: \(error)")
            throw ExitCode(ExitStatus.configError.rawValue)
        }
        do {
            try WebServer(site: site).runBlocking()
        } catch {
            printError("nhacviec: cannot serve on \(address): \(error)")
            throw ExitCode(ExitStatus.unavailable.rawValue)
        }
    }
}
