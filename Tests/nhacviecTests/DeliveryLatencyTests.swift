import Foundation
import NhacViecTestSupport
import Testing

/// Correctness at a real network's latency (issue 15), not speed: the binary's
/// morning burst through Tests/Support/latency_proxy.py (50 ms round trip) to the
/// recording SMTP server of Tests/Support/smtp_server.py. DeliveryBurstTests
/// covers the burst delivered exactly once and a session stalled at RCPT; this
/// suite stalls sessions after a message's data, where libcurl waits for the final
/// reply blocking (`smtp_done`). Each check is about order, never about speed:
/// what the others did while the stalled session was still held (the server marks
/// its hang active until it releases it or the client gives up), so the SMTP
/// timeouts here are long and a passing run never reaches them.
@Suite(.serialized) struct DeliveryLatencyTests {
    static let now = "2024-04-03T08:00:00+07:00"

    /// `units` units, each leading one task due Wed 03/04/2024: one digest per unit
    /// at 08:00, to dv<i>@example.gov.vn (and a call to `webhookURL` for each, if set).
    static func config(
        units: Int, smtpPort: Int, connections: Int, timeout: String, webhookURL: String? = nil
    ) -> String {
        var lines = [
            "version: 1",
            "organization:",
            "  name: Ban Quản lý Khu kinh tế Hải Phòng",
            "  office: don-vi-0",
            "  plan_year: 2024",
            "delivery:",
            "  send_time: \"08:00\"",
            "  retry: { first: 1m, max_interval: 10m, give_up_after: 2h }",
            "  email:",
            "    url: smtp://127.0.0.1:\(smtpPort)",
            "    tls: none",
            "    from: \"Văn phòng Ban Quản lý <vanphong@example.gov.vn>\"",
            "    timeout: \(timeout)",
            "    connections: \(connections)",
        ]
        if let webhookURL { lines += ["webhooks:", "  - id: hook", "    url: \(webhookURL)"] }
        lines.append("units:")
        for index in 0..<units {
            lines += [
                "  - id: don-vi-\(index)", "    name: Phòng chuyên môn số \(index)",
                "    email: [dv\(index)@example.gov.vn]",
            ]
            if webhookURL != nil { lines.append("    webhooks: [hook]") }
        }
        lines.append("tasks:")
        for index in 0..<units {
            lines += [
                "  - id: T.\(index)", "    area: tthc",
                "    title: Rà soát thủ tục hành chính lĩnh vực đầu tư của đơn vị \(index)",
                "    lead: don-vi-\(index)", "    due: 3/4/2024",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func counts(_ fixture: DaemonFixture) throws -> [String: Int] {
        try fixture.status(now: now)["counts"] as? [String: Int] ?? [:]
    }

    /// `run --once` as a process the test can watch while it sends.
    static func start(_ fixture: DaemonFixture) throws -> Process {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["run", "--once", "-c", fixture.configPath, "--state", fixture.statePath, "--now", now]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The server's hangs after DATA: how many are under way and how many have ended.
    static func stalls(_ received: TemporaryDirectory) -> (active: Int, ended: Int) {
        (received.files(withExtension: "active").count, received.files(withExtension: "ended").count)
    }

    /// Ends every hang (the stalled messages get 451) and lets the run finish.
    static func release(_ received: TemporaryDirectory, _ process: Process) throws {
        try Data().write(to: URL(fileURLWithPath: received.file("release-stall")))
        process.waitUntilExit()
    }

    @Test func aServerThatHangsAfterOneMessagesDataDoesNotStallTheOthers() throws {
        let received = try TemporaryDirectory()
        // The message to dv0 is read whole, but its final reply does not come: that
        // session hangs until the test releases it.
        let server = try PythonServer("smtp_server.py", [received.path, "--stall-data", "dv0@"])
        defer { server.stop() }
        let proxy = try PythonServer("latency_proxy.py", ["127.0.0.1:\(server.port)", "--delay-ms", "25"])
        defer { proxy.stop() }
        let fixture = try DaemonFixture()
        // A timeout far beyond what the others need: the hang must not be what frees them.
        try fixture.write(Self.config(units: 40, smtpPort: proxy.port, connections: 4, timeout: "120s"))
        let process = try Self.start(fixture)
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        // The other 39 are delivered and recorded as sent while dv0's session still hangs.
        let others = try eventually(100) { try Self.counts(fixture)["sent"] == 39 || !process.isRunning }
        #expect(others)
        let counts = try Self.counts(fixture)
        #expect(counts["sent"] == 39, "\(counts)")
        #expect(counts["pending"] == 1, "the hung message is still awaiting its reply: \(counts)")
        let stalls = Self.stalls(received)
        #expect(stalls.active == 1 && stalls.ended == 0, "dv0's session was held all along: \(stalls)")
        #expect(process.isRunning)
        #expect(received.files(withExtension: "eml").count == 39)

        try Self.release(received, process)
        #expect(process.terminationStatus == 0)
        let after = try Self.counts(fixture)
        // Every message the server accepted is recorded as sent (none will go twice);
        // the one it answered 451 is retried later.
        #expect(after["sent"] == 39, "\(after)")
        #expect(after["retrying"] == 1, "\(after)")
    }

    @Test func aHungSMTPServerDoesNotDelayWebhookCalls() throws {
        let received = try TemporaryDirectory()
        // Every message hangs after its data: all four sessions are soon held.
        let server = try PythonServer("smtp_server.py", [received.path, "--stall-data", "@"])
        defer { server.stop() }
        let calls = try TemporaryDirectory()
        // 200 ms per call, 8 at a time: the calls span well past the first hang's start.
        let receiver = try PythonServer("http_receiver.py", [calls.path, "--service-ms", "200"])
        defer { receiver.stop() }
        let fixture = try DaemonFixture()
        try fixture.write(
            Self.config(
                units: 40, smtpPort: server.port, connections: 4, timeout: "120s",
                webhookURL: "http://127.0.0.1:\(receiver.port)/ok"))
        let process = try Self.start(fixture)
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        #expect(eventually(100) { calls.files(withExtension: "json").count == 40 || !process.isRunning })
        // Every call went out while the SMTP sessions hung, before any hang ended.
        #expect(calls.files(withExtension: "json").count == 40)
        let stalls = Self.stalls(received)
        #expect(stalls.active > 0 && stalls.ended == 0, "\(stalls)")
        #expect(process.isRunning)

        try Self.release(received, process)
        #expect(process.terminationStatus == 0)
        let counts = try Self.counts(fixture)
        #expect(counts["sent"] == 40, "the webhook calls: \(counts)")
        #expect(counts["retrying"] == 40, "the e-mails, answered 451: \(counts)")
    }
}
