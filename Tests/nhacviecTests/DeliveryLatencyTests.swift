import Foundation
import NhacViecTestSupport
import Testing

/// Correctness at a real network's latency (issue 15), not speed: the binary's
/// morning burst through Tests/Support/latency_proxy.py (50 ms round trip) to the
/// recording SMTP server of Tests/Support/smtp_server.py. DeliveryBurstTests
/// covers the burst delivered exactly once and a session stalled at RCPT; this
/// suite stalls a session after the message's data, where the client waits for
/// the final reply.
@Suite(.serialized) struct DeliveryLatencyTests {
    static let now = "2024-04-03T08:00:00+07:00"

    /// `units` units, each leading one task due Wed 03/04/2024: one digest per unit
    /// at 08:00, to dv<i>@example.gov.vn.
    static func config(units: Int, smtpPort: Int, connections: Int, timeout: String) -> String {
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
            "units:",
        ]
        for index in 0..<units {
            lines += [
                "  - id: don-vi-\(index)", "    name: Phòng chuyên môn số \(index)",
                "    email: [dv\(index)@example.gov.vn]",
            ]
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

    /// Known to fail on main at the time of writing (the engine's side of issue
    /// 15): besides the hung message, about six others on other sessions fail with
    /// it at its timeout ("server replied 354 … server response timeout"), and some
    /// the server accepted are recorded as failed ("DATA failed: 250", replies read
    /// one behind on a reused connection), so they will be sent twice. The same
    /// happens without the latency proxy. When the engine is fixed this test fails
    /// ("known issue was not recorded"): then remove `withKnownIssue`.
    @Test func aServerThatHangsAfterOneMessagesDataDoesNotStallTheOthers() throws {
        withKnownIssue("issue 15: a session hung after DATA takes other messages down with it") {
            try hungAfterData()
        }
    }

    func hungAfterData() throws {
        let received = try TemporaryDirectory()
        // The message to dv0 is read whole, but its final reply never comes: that session hangs.
        let server = try PythonServer("smtp_server.py", [received.path, "--stall-data", "dv0@"])
        defer { server.stop() }
        let proxy = try PythonServer("latency_proxy.py", ["127.0.0.1:\(server.port)", "--delay-ms", "25"])
        defer { proxy.stop() }
        let fixture = try DaemonFixture()
        try fixture.write(Self.config(units: 40, smtpPort: proxy.port, connections: 4, timeout: "20s"))
        let start = Date()

        let run = try fixture.runOnce(Self.now)

        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let messages = received.files(withExtension: "eml")
        #expect(messages.count == 39, "all but the stalled one (its data is not written: no reply, no copy)")
        // The others went out while the stalled session waited for its 20 s timeout.
        let latest =
            try messages.map {
                try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date ?? .distantFuture
            }.max() ?? .distantFuture
        #expect(latest.timeIntervalSince(start) < 15, "the last of the others: \(latest.timeIntervalSince(start)) s")
        let counts = try Self.counts(fixture)
        // Every message the server accepted is recorded as sent (none will go twice).
        #expect(counts["sent"] == messages.count)
        #expect(counts["sent"] == 39)
        #expect(counts["retrying"] == 1, "the stalled one is retried later: \(counts)")
    }
}
