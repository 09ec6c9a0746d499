import Foundation
import NhacViecTestSupport
import Testing

/// A real kill -9 of `nhacviec intake --once` between the commit of a submission and
/// the MOVE of its message (DESIGN §12: "a crash re-reads it and records nothing
/// twice"). An IMAP proxy holds the `UID MOVE` command unanswered, so the process is
/// killed exactly while the move is in flight; then it runs again straight to Dovecot.
@Suite(.serialized) struct EmailIntakeCrashTests {
    /// `SELECT COUNT(*)` of each table, read by Python's sqlite3 from the state database.
    static func counts(_ state: String) throws -> [String: Int] {
        let script = """
            import json, sqlite3, sys
            db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
            out = {t: db.execute("SELECT COUNT(*) FROM " + t).fetchone()[0]
                   for t in ("submission", "intake_message", "stored_message")}
            out["pending"] = db.execute("SELECT COUNT(*) FROM stored_message WHERE status = 'pending'").fetchone()[0]
            print(json.dumps(out))
            """
        let result = try TestSupport.run(TestSupport.python, ["-c", script, state + "/state.sqlite"])
        guard result.status == 0 else { throw TestFailure("reading the state database failed") }
        return try JSONDecoder().decode([String: Int].self, from: result.output)
    }

    @Test func aKill9WhileTheMoveIsInFlightRecordsOnceMovesOnceAndAnswersOnce() throws {
        let fixture = try EmailIntakeReplyTests.Fixture()
        let received = try TemporaryDirectory()
        let sink = try PythonServer("smtp_server.py", [received.path, "--port", "\(fixture.smtpPort)"])
        defer { sink.stop() }
        try fixture.append(EmailIntakeReplyTests.report(messageID: "crash-1"), name: "report.eml")
        let marker = fixture.directory.file("move-held")
        let proxy = try PythonServer(
            "imap_hold_proxy.py", ["\(fixture.server.imapPort)", "--hold", "UID MOVE", "--marker", marker])
        defer { proxy.stop() }
        let throughProxy = try fixture.config(imapURL: "imap://127.0.0.1:\(proxy.port)/INBOX", name: "proxy")

        let intake = Process()
        intake.executableURL = BinaryRunner.binary
        intake.arguments = [
            "intake", "--once", "-c", throughProxy, "--state", fixture.statePath, "--now", "2024-03-15T10:00:00+07:00",
        ]
        intake.environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
        intake.standardOutput = FileHandle.nullDevice
        intake.standardError = FileHandle.nullDevice
        try intake.run()
        defer {
            if intake.isRunning { kill(intake.processIdentifier, SIGKILL) }
            intake.waitUntilExit()
        }
        // The MOVE is in flight: the submission and its receipt are committed, the message is still in INBOX.
        try #require(eventually { FileManager.default.fileExists(atPath: marker) })
        #expect(intake.isRunning)
        kill(intake.processIdentifier, SIGKILL)
        intake.waitUntilExit()
        #expect(intake.terminationReason == .uncaughtSignal && intake.terminationStatus == SIGKILL)
        let afterCrash = try Self.counts(fixture.statePath)
        #expect(afterCrash["submission"] == 1)
        #expect(afterCrash["intake_message"] == 1)
        #expect(afterCrash["pending"] == 1)
        #expect(try fixture.server.folders()["INBOX"]?.count == 1)
        #expect(received.files(withExtension: "eml").isEmpty)
        proxy.stop()

        // Restarted, straight to the server: the message is read again, recognised, moved.
        let direct = try fixture.config(name: "direct")
        let again = try fixture.run(["intake", "--once", "--now", "2024-03-15T10:05:00+07:00"], config: direct)
        #expect(again.status == 0, "\(again.stderr)")
        let folders = try fixture.server.folders()
        #expect(folders["INBOX"]?.count == 0)
        #expect(folders["nhacviec/accepted"]?.count == 1)
        #expect(folders["nhacviec/rejected"]?.count ?? 0 == 0)
        let afterRestart = try Self.counts(fixture.statePath)
        #expect(afterRestart["submission"] == 1)
        #expect(afterRestart["intake_message"] == 1)
        #expect(afterRestart["stored_message"] == 1)
        #expect(afterRestart["pending"] == 0)
        // And once more: nothing new.
        let third = try fixture.run(["run", "--once", "--now", "2024-03-15T10:10:00+07:00"], config: direct)
        #expect(third.status == 0, "\(third.stderr)")
        let receipts = try EmailIntakeReplyTests.Fixture.received(received).filter {
            $0.auto_submitted == "auto-replied"
        }
        #expect(receipts.count == 1)
        #expect(receipts.first?.to.map(\.address) == ["qldt@example.gov.vn"])
        #expect(try Self.counts(fixture.statePath)["submission"] == 1)
    }

    /// The intake's entries in the state's metadata table, read by Python's sqlite3.
    static func intakeMetadata(_ state: String) throws -> [String: String] {
        let script = """
            import json, sqlite3, sys
            db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
            print(json.dumps(dict(db.execute("SELECT key, value FROM metadata WHERE key LIKE 'intake.email.%'"))))
            """
        let result = try TestSupport.run(TestSupport.python, ["-c", script, state + "/state.sqlite"])
        guard result.status == 0 else { throw TestFailure("reading the state database failed") }
        return try JSONDecoder().decode([String: String].self, from: result.output)
    }

    /// DESIGN §10: a SIGTERM is handled while a poll waits on a stalled server. The proxy
    /// passes the server's greeting and then holds the first command unanswered; without
    /// an abort the poll would wait for libcurl's 60 s timeout and the stop would only end
    /// at the 10 s grace period's forced exit ("stop grace period over"). The poll is
    /// recorded as interrupted, not as a failing mailbox. (How long the stop takes is
    /// measured by Benchmarks/imap-bench.sh.)
    @Test func aSIGTERMDuringAPollOfAStalledServerStopsTheDaemonWithoutTheGracePeriod() throws {
        let fixture = try EmailIntakeReplyTests.Fixture()
        let marker = fixture.directory.file("command-held")
        let proxy = try PythonServer(
            "imap_hold_proxy.py", ["\(fixture.server.imapPort)", "--hold", ".", "--marker", marker])
        defer { proxy.stop() }
        let config = try fixture.config(poll: "2m", imapURL: "imap://127.0.0.1:\(proxy.port)/INBOX", name: "stalled")
        let (daemon, log) = try fixture.startDaemon(config: config)
        defer {
            if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) }
            daemon.waitUntilExit()
        }
        // The poll's first command is in flight and unanswered.
        try #require(eventually { FileManager.default.fileExists(atPath: marker) })
        #expect(daemon.isRunning)
        kill(daemon.processIdentifier, SIGTERM)
        let stopped = eventually(15) { !daemon.isRunning }
        daemon.waitUntilExit()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(stopped)
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
        #expect(text.contains("stopping"))
        #expect(!text.contains("stop grace period over"), "\(text)")
        #expect(text.contains("intake: interrupted by a stop"), "\(text)")
        #expect(!text.contains("intake mailbox unavailable"), "\(text)")
        let metadata = try Self.intakeMetadata(fixture.statePath)
        #expect(metadata["intake.email.result"]?.hasPrefix("interrupted by a stop") == true, "\(metadata)")
        #expect(metadata["intake.email.failing_since"] == nil)
    }
}
