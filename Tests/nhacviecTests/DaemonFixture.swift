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
