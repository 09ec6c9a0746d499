import Foundation
import NhacViec
import NhacViecTestSupport
import Testing

/// The daemon's first instants (DESIGN §10): signals handled from the start, first
/// pass included; `READY=1` not held up by a slow server; `<state>/wake` heeded.
@Suite struct DaemonStartupTests {
    static func smtpDelivery(port: Int, timeout: String = "60s") -> String {
        """
          email:
            url: smtp://127.0.0.1:\(port)
            tls: none
            from: "Văn phòng Ban Quản lý <vanphong@example.gov.vn>"
            timeout: \(timeout)
        """
    }

    @Test func signalsDuringAFirstPassStuckOnAStallingServerNeitherKillItNorLoseTheIntent() throws {
        let received = try TemporaryDirectory()
        let server = try PythonServer("smtp_server.py", [received.path, "--stall", "@"])
        defer { server.stop() }
        let fixture = try DaemonFixture(delivery: Self.smtpDelivery(port: server.port))
        // 08:00 on Fri 22/03: the first pass sends before-5wd and hangs on the server.
        let daemon = try RunningDaemon(fixture: fixture, now: "2024-03-22T08:00:00+07:00")

        // READY comes although the server never answers (systemd's start timeout is 90 s).
        #expect(eventually(15) { daemon.notified("READY=1") })
        #expect(eventually(15) { daemon.logged("resending") || daemon.logged("sent") || fixture.hasPendingIntent() })
        // SIGHUP then SIGTERM: had SIGHUP's default action killed the daemon, it would
        // end by that signal rather than exit 0 from its own stop.
        kill(daemon.process.processIdentifier, SIGHUP)
        kill(daemon.process.processIdentifier, SIGTERM)
        #expect(eventually(15) { !daemon.process.isRunning })
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationReason == .exit, "SIGHUP during the first pass does not kill the daemon")
        #expect(daemon.process.terminationStatus == 0)
        // The stalled send was abandoned by the stop itself, not by the grace period running out.
        #expect(!daemon.logged("stop grace period over"))
        // The message was never answered: its intent waits, pending, for the next start.
        let status = try fixture.status(now: "2024-03-22T08:05:00+07:00")
        let deliveries = status["deliveries"] as? [[String: Any]] ?? []
        #expect(deliveries.map { $0["status"] as? String } == ["pending"])
        #expect(received.files(withExtension: "eml").isEmpty)
    }

    @Test func aWakeFileTouchedByAnotherProcessSendsWhatItRecordedWithinSeconds() throws {
        let fixture = try DaemonFixture()
        // Thu 21/03 10:00: nothing is due until tomorrow 08:00.
        let daemon = try RunningDaemon(fixture: fixture, now: "2024-03-21T10:00:00+07:00")
        try #require(eventually(15) { daemon.notified("READY=1") && daemon.notified("next step") })
        #expect(fixture.outboxFiles().isEmpty)

        // Another process (here the test, as `serve` or `difficulty resolve` would)
        // records a message as pending, then touches the wake file.
        let config = try ConfigLoader.load(path: fixture.configPath)
        let store = try StateStore(directory: fixture.statePath)
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let due = try #require(ISO8601DateFormatter().date(from: "2024-03-22T01:00:00Z"))
        let digest = try #require(
            scheduler.tick(now: due, state: try store.loadSnapshot()).compactMap { action -> Digest? in
                if case .send(let digest) = action, digest.channel == .email { return digest }
                return nil
            }.first)
        try store.recordIntent(digest: digest, now: due)
        try store.wakeDaemon()

        #expect(eventually(15) { fixture.outboxFiles().count == 1 }, "sent without waiting for the timer")
        #expect(eventually(5) { (try? store.delivery(key: digest.items[0].key))?.status == .sent })
        kill(daemon.process.processIdentifier, SIGTERM)
        daemon.process.waitUntilExit()
    }
}

extension DaemonFixture {
    /// Whether the ledger holds a pending row (read by another process, as `status` would).
    func hasPendingIntent() -> Bool {
        guard let store = try? StateStore.openExisting(directory: statePath, readOnly: true),
            let rows = try? store.deliveries()
        else { return false }
        return rows.contains { $0.status == .pending }
    }
}
