import Foundation
import NhacViecTestSupport
import Testing

/// The long-running daemon: systemd notifications, reload and stop signals.
@Suite struct DaemonSignalTests {
    @Test func itNotifiesSystemdReloadsKeepingTheOldConfigOnErrorsAndStopsCleanly() throws {
        let fixture = try DaemonFixture()
        let daemon = try RunningDaemon(
            fixture: fixture, now: "2024-03-22T07:59:58+07:00", environment: ["JOURNAL_STREAM": "8:12345"])
        let process = daemon.process
        let notified = daemon.notified
        let logged = daemon.logged

        try #require(eventually { notified("READY=1") })
        // READY=1 comes before the first pass; the pass's result follows as STATUS=.
        #expect(eventually { notified("STATUS=next step 2024-03-22T08:00:00+07:00") })
        // Its clock reaches 08:00 two seconds later: before-5wd is written to the outbox.
        #expect(eventually { fixture.outboxFiles().count == 1 })

        // A broken config on SIGHUP: every error logged, the old config kept, still running.
        try fixture.write("version: 1\norganization: { name: X, office: nowhere }\nunits: []\n")
        kill(process.processIdentifier, SIGHUP)
        #expect(eventually { logged("keeping the old one") })
        #expect(logged("<3>config: "))
        #expect(logged("unknown unit 'nowhere'"))
        #expect(notified("RELOADING=1"))
        #expect(process.isRunning)
        // The old schedule is intact: after the reload it still points at the next step, Thu 28/03.
        let afterReload = { () -> String in
            let text = (try? String(contentsOfFile: daemon.notifications, encoding: .utf8)) ?? ""
            return text.components(separatedBy: "RELOADING=1").last ?? ""
        }
        #expect(eventually { afterReload().contains("next step 2024-03-28T08:00:00+07:00") })

        kill(process.processIdentifier, SIGTERM)
        #expect(eventually { !process.isRunning })
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(notified("STOPPING=1"))
        #expect(logged("<5>stopping"))
    }
}

/// The running daemon takes inbox files when they arrive (inotify), not on a poll.
@Suite struct DaemonInboxWatchTests {
    @Test func aReportDroppedIntoTheInboxIsTakenWithinSeconds() throws {
        let fixture = try ReportCommandTests.fixture()
        let daemon = try RunningDaemon(fixture: fixture, now: "2024-04-15T10:00:00+07:00")
        defer { daemon.stop() }
        let inbox = fixture.statePath + "/inbox"
        try #require(eventually { FileManager.default.fileExists(atPath: inbox + "/archive") })
        // Written elsewhere and moved in whole, the way a mail filter or scp would deliver it.
        let staging = fixture.directory.file("qldt.md")
        try "---\nunit: phong-qldt\nreport: monthly\nperiod: 2024-04\n---\n".write(
            toFile: staging, atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: staging, toPath: inbox + "/qldt.md")
        #expect(eventually(15) { FileManager.default.fileExists(atPath: inbox + "/archive/qldt.md") })
        #expect(daemon.process.isRunning)
    }
}
