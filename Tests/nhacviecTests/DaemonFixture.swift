import Foundation
import NhacViecTestSupport

/// A config and state dir in a temporary folder for end-to-end runs of the binary.
final class DaemonFixture {
    let directory: TemporaryDirectory
    var configPath: String { directory.file("nhacviec.yaml") }
    var statePath: String { directory.file("state") }
    var outbox: String { statePath + "/outbox" }

    init(delivery: String = "", webhooks: String = "", unitWebhooks: String = "") throws {
        directory = try TemporaryDirectory()
        try write(Self.config(delivery: delivery, webhooks: webhooks, unitWebhooks: unitWebhooks))
    }

    func write(_ config: String) throws {
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// The shared board (``BoardConfig``): one task due Fri 29/03/2024, its steps at 08:00 +07:00.
    static func config(delivery: String, webhooks: String, unitWebhooks: String) -> String {
        BoardConfig.yaml(delivery: delivery, webhooks: webhooks, unitWebhooks: unitWebhooks)
    }

    /// `nhacviec run --once --now T` on this fixture.
    @discardableResult
    func runOnce(_ now: String, extra: [String] = []) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["run", "--once", "-c", configPath, "--state", statePath, "--now", now] + extra)
    }

    func outboxFiles(_ fileExtension: String = "eml") -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []
        return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map { outbox + "/" + $0 }
    }

    /// `status --format json`, decoded.
    func status(now: String) throws -> [String: Any] {
        let result = try BinaryRunner.run([
            "status", "-c", configPath, "--state", statePath, "--format", "json", "--now", now,
        ])
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else { throw TestFailure("status failed (\(result.status)): \(result.stderr)") }
        return object
    }

    /// A port on 127.0.0.1 nothing listens on (bound, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw TestFailure("cannot bind a port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Waits for a condition that another process brings about, checking every 50 ms
/// up to `limit` seconds. A synchronisation point, not a timing assertion.
func eventually(_ limit: TimeInterval = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while Date() < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}

/// `nhacviec run` on a fixture, running until the test stops it: its stderr in a
/// file and its sd_notify messages in another, so a test waits for what the daemon
/// says rather than for time to pass. Killed (SIGKILL) if still running when released.
final class RunningDaemon {
    let process = Process()
    let log: String
    let notifications: String
    private let listener: PythonServer

    init(fixture: DaemonFixture, now: String, environment extra: [String: String] = [:]) throws {
        notifications = fixture.directory.file("notify.log")
        let socketPath = fixture.directory.file("notify.sock")
        listener = try PythonServer("notify_listener.py", [socketPath, notifications])
        log = fixture.directory.file("daemon.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.executableURL = BinaryRunner.binary
        process.arguments = ["run", "-c", fixture.configPath, "--state", fixture.statePath, "--now", now]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socketPath
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        listener.stop()
    }

    func notified(_ text: String) -> Bool {
        ((try? String(contentsOfFile: notifications, encoding: .utf8)) ?? "").contains(text)
    }

    func logged(_ text: String) -> Bool {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains(text)
    }

    /// SIGTERM, then waits for the process to end.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}
