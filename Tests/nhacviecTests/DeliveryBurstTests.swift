import Foundation
import NhacViecTestSupport
import Testing

/// The morning burst against a real SMTP server (aiosmtpd), run by the built binary:
/// each outcome committed as it comes (DESIGN §5), parallel sessions (issue 15).
@Suite(.serialized) struct DeliveryBurstTests {
    @Test func killedMidBurstAndRestartedEveryMessageArrivesAndOnlyThoseInFlightTwice() throws {
        let received = try TemporaryDirectory()
        // A slow server (20 ms per message) so that the kills land mid-burst.
        let server = try PythonServer("smtp_server.py", [received.path, "--delay", "0.02"])
        defer { server.stop() }
        let connections = 4
        let fixture = try BurstFixture(smtpPort: server.port, connections: connections)
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<5 {
            let before = received.files(withExtension: "eml").count
            let process = try fixture.startRun()
            // Wait until this run is sending, then kill it at a random point.
            _ = eventually(20) { received.files(withExtension: "eml").count > before || !process.isRunning }
            usleep(UInt32.random(in: 100_000...900_000, using: &generator))
            guard process.isRunning else { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
        }
        // A last run finishes the burst.
        let last = try fixture.startRun()
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)

        let copies = try BurstFixture.copiesPerMessageID(in: received)
        #expect(copies.count == BurstFixture.units, "every message arrived")
        let duplicates = copies.values.reduce(0) { $0 + $1 - 1 }
        // A kill re-sends at most what was in flight: the e-mail window, twice the
        // sessions (on the wire, or answered but not yet committed).
        #expect(kills > 0)
        #expect(duplicates <= kills * 2 * connections, "\(duplicates) duplicates after \(kills) kills")
        #expect(try fixture.counts()["sent"] == BurstFixture.units)
    }

    @Test func aBurstThroughALatencyProxyIsDeliveredExactlyOnceEach() throws {
        let received = try TemporaryDirectory()
        let server = try PythonServer("smtp_server.py", [received.path])
        defer { server.stop() }
        // 25 ms each way: a 50 ms round trip, as to a mail server across the city.
        let proxy = try PythonServer("latency_proxy.py", ["127.0.0.1:\(server.port)", "--delay-ms", "25"])
        defer { proxy.stop() }
        let fixture = try BurstFixture(smtpPort: proxy.port, connections: 8)

        let process = try fixture.startRun()
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        let copies = try BurstFixture.copiesPerMessageID(in: received)
        #expect(copies.count == BurstFixture.units)
        #expect(copies.values.allSatisfy { $0 == 1 }, "no message twice")
        #expect(try fixture.counts()["sent"] == BurstFixture.units)
        // Several sessions, each carrying several messages.
        let ports = try received.files(withExtension: "json").map {
            try SinkEnvelope.read($0).peer_port
        }
        let perSession = Dictionary(grouping: ports, by: { $0 }).mapValues(\.count)
        #expect(perSession.count > 1 && perSession.count <= 8, "sessions: \(perSession.count)")
        #expect(perSession.values.contains { $0 > 1 }, "a session is reused for several messages")
    }

    @Test func aSessionStalledByTheServerDoesNotHoldUpTheOthersNorTheWebhooks() throws {
        let received = try TemporaryDirectory()
        // The message to u002 never gets its reply: that session hangs until its timeout.
        let server = try PythonServer("smtp_server.py", [received.path, "--stall", "u002@"])
        defer { server.stop() }
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let fixture = try BurstFixture(
            smtpPort: server.port, connections: 4, timeout: "30s",
            webhookURL: "http://127.0.0.1:\(receiver.port)/ok")

        let process = try fixture.startRun()
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        // While one session waits for its reply, the other three carry the rest, and
        // the webhook call goes out beside them.
        let others = BurstFixture.units - 1
        #expect(eventually(25) { received.files(withExtension: "eml").count == others })
        #expect(calls.files(withExtension: "json").count == 1)
        #expect(process.isRunning, "the stalled message is still waiting for its reply")
        process.waitUntilExit()
        let counts = try fixture.counts()
        #expect(counts["sent"] == others + 1)
        #expect(counts["retrying"] == 1)
    }

    @Test func sigtermDuringABurstEndsWithinTenSecondsWithEveryMessageRecordedOrPending() throws {
        let received = try TemporaryDirectory()
        // 50 ms per message: the burst takes several seconds, the stop lands inside it.
        let server = try PythonServer("smtp_server.py", [received.path, "--delay", "0.05"])
        defer { server.stop() }
        let fixture = try BurstFixture(smtpPort: server.port, connections: 4)
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = [
            "run", "-c", fixture.configPath, "--state", fixture.statePath, "--now", BurstFixture.burstTime,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        try #require(eventually(30) { received.files(withExtension: "eml").count >= 20 })

        let stopAsked = Date()
        kill(process.processIdentifier, SIGTERM)
        #expect(eventually(12) { !process.isRunning })
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(stopAsked) <= 10.5)
        #expect(process.terminationStatus == 0)

        // Nothing lost: each message is sent or pending, and every message the server
        // accepted is recorded as sent, except at most the window still in flight.
        let counts = try fixture.counts()
        let arrived = try BurstFixture.copiesPerMessageID(in: received).count
        #expect(arrived < BurstFixture.units, "the stop came mid-burst")
        #expect((counts["sent"] ?? 0) + (counts["pending"] ?? 0) == BurstFixture.units, "\(counts)")
        #expect(arrived - (counts["sent"] ?? 0) <= 2 * 4, "arrived \(arrived), recorded \(counts)")
    }
}
