import Foundation
import Logging

/// `nhacviec intake --once` and the daemon's poll (DESIGN §12): builds the
/// mailbox client from `intake.email` (the password read from its `*_env` or
/// `*_file`, never logged) and runs one ``EmailIntakePass``.
package enum EmailIntakeRunner {
    /// The mailbox client for `settings`, or a config error naming the password's source.
    /// - Parameter stop: a stop asked for ends the command under way at once.
    package static func mailbox(
        _ settings: EmailIntakeSettings, config: Config, environment: [String: String], stop: StopRequest? = nil
    ) throws(ConfigError) -> IMAPMailbox {
        let password: String
        do {
            password = try settings.password.resolve(environment: environment, configDirectory: config.directory)
        } catch {
            throw ConfigError(
                code: .invalid,
                issues: [
                    ConfigIssue(
                        file: config.path, line: 0, column: 0, path: "intake.email.password",
                        message: "cannot read the mailbox password: \(error.message)")
                ])
        }
        var abort: (@Sendable () -> Bool)?
        if let stop { abort = { stop.isRequested } }
        do {
            return try IMAPMailbox(
                settings: .init(
                    serverURL: settings.serverURL, mailbox: settings.mailbox, tls: settings.tls,
                    username: settings.username, password: password, caFile: settings.caFile,
                    shouldAbort: abort))
        } catch {
            throw ConfigError(
                code: .invalid,
                issues: [
                    ConfigIssue(file: config.path, line: 0, column: 0, path: "intake.email", message: error.message)
                ])
        }
    }

    /// One poll with the state dir's run lock held: exits 75 while a daemon runs, 78 for a
    /// config problem, 69 when the mailbox could not be read, 74 when the state could not be written.
    package static func runOnce(
        config: Config, stateDirectory: String, now: Date, environment: [String: String], logger: Logger
    ) -> (status: ExitStatus, message: String) {
        guard let settings = config.intake.email else {
            return (.configError, "\(config.path): intake.email is not configured")
        }
        let lock: StateDirectoryLock
        do {
            lock = try StateDirectoryLock.acquire(stateDirectory: stateDirectory)
        } catch {
            return (error.code == .locked ? .temporaryFailure : .ioError, "nhacviec: \(error)")
        }
        defer { _ = lock }
        do {
            let store = try StateStore(directory: stateDirectory)
            let delivery = try DeliveryService(
                config: config, stateDirectory: stateDirectory, mode: .live, environment: environment)
            let mailbox = try Self.mailbox(settings, config: config, environment: environment)
            let summary = try EmailIntakePass(
                config: config, settings: settings, store: store, mailbox: mailbox, delivery: delivery, logger: logger
            ).run(now: now)
            let line = "intake: \(summary.line); \(summary.repliesSent) message(s) sent"
            return (summary.error == nil ? .ok : .unavailable, line)
        } catch let error as ConfigError {
            return (.configError, error.description)
        } catch let error as StoreError {
            return (error.exitStatus, "nhacviec: \(error)")
        } catch {
            return (.ioError, "nhacviec: \(error)")
        }
    }
}
