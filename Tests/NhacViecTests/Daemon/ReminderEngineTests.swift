import Foundation
import Logging
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// The engine in-process against a real state store in a temporary directory, the
/// real outbox and a real HTTP receiver: no fakes but the clock (an argument).
@Suite struct ReminderEngineTests {
    /// The shared board (``BoardConfig``) with phong-qldt's webhook at `webhookURL`:
    /// task II.3 is due Fri 29/03/2024, so before-5wd fires on Fri 22/03 at 08:00.
    static func config(webhookURL: String) throws -> Config {
        try TestConfig.load(
            BoardConfig.yaml(
                webhooks: "webhooks:\n  - id: zalo-qldt\n    url: \(webhookURL)",
                unitWebhooks: "webhooks: [zalo-qldt]"))
    }

    static let before5wd = ISO8601DateFormatter().date(from: "2024-03-22T01:00:00Z") ?? Date.distantPast

    /// A real state store in a temporary directory and an engine on it (live delivery:
    /// the outbox, or the config's SMTP server and webhooks).
    struct Setup {
        let state: TemporaryDirectory
        let store: StateStore
        let engine: ReminderEngine
        var outbox: String { state.path + "/outbox" }

        init(config: Config, stop: StopRequest = StopRequest()) throws {
            state = try TemporaryDirectory()
            store = try StateStore(directory: state.path)
            engine = try Self.engine(config, store: store, directory: state.path, stop: stop)
        }

        init(webhookURL: String, stop: StopRequest = StopRequest()) throws {
            try self.init(config: try ReminderEngineTests.config(webhookURL: webhookURL), stop: stop)
        }

        /// A new engine on the same state, as a reload (SIGHUP) or a restart makes.
        func reloaded(_ config: Config) throws -> ReminderEngine {
            try Self.engine(config, store: store, directory: state.path, stop: StopRequest())
        }

        private static func engine(_ config: Config, store: StateStore, directory: String, stop: StopRequest) throws
            -> ReminderEngine
        {
            let delivery = try DeliveryService(config: config, stateDirectory: directory, mode: .live, environment: [:])
            return try ReminderEngine(
                config: config, store: store, delivery: delivery, logger: Logger(label: "test"),
                reportsDirectory: directory, stop: stop)
        }

        func outboxFiles(_ fileExtension: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).filter {
                $0.hasSuffix("." + fileExtension)
            }.sorted()
        }
    }

    @Test func aDueStepIsWrittenToTheOutboxCalledOnTheWebhookAndRecordedOnce() throws {
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let setup = try Setup(webhookURL: "http://127.0.0.1:\(receiver.port)/ok")

        let summary = setup.engine.pass(now: Self.before5wd)

        #expect(summary.sent == 2)
        #expect(summary.storeFailures == 0)
        #expect(setup.outboxFiles("eml").count == 1)
        #expect(calls.files(withExtension: "json").count == 1)
        let email = try #require(try setup.store.delivery(key: "task:II.3/2024-03-29/before-5wd/phong-qldt/email"))
        let webhook = try #require(
            try setup.store.delivery(key: "task:II.3/2024-03-29/before-5wd/phong-qldt/webhook:zalo-qldt"))
        #expect(email.status == .sent)
        #expect(webhook.status == .sent)

        // The same instant again: nothing new goes out.
        let again = setup.engine.pass(now: Self.before5wd.addingTimeInterval(30))
        #expect(again.sent == 0)
        #expect(calls.files(withExtension: "json").count == 1)
    }

    @Test func aRefusedWebhookIsDeadLetteredWhileTheEmailIsSentAndTheAdminsAreToldOnce() throws {
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let setup = try Setup(webhookURL: "http://127.0.0.1:\(receiver.port)/bad")

        let summary = setup.engine.pass(now: Self.before5wd)

        #expect(summary.sent == 1)
        #expect(summary.dead == 1)
        let webhook = try #require(
            try setup.store.delivery(key: "task:II.3/2024-03-29/before-5wd/phong-qldt/webhook:zalo-qldt"))
        #expect(webhook.status == .dead)
        #expect(try setup.store.deadLettersNotYetReported().isEmpty, "the alert went out (to the outbox)")
        // The reminder and the alert to the admins.
        #expect(setup.outboxFiles("eml").count == 2)
        _ = setup.engine.pass(now: Self.before5wd.addingTimeInterval(3600))
        #expect(setup.outboxFiles("eml").count == 2, "no second alert")
    }

    @Test func aTransientFailureIsRetriedAtItsTimeAndThenDelivered() throws {
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let setup = try Setup(webhookURL: "http://127.0.0.1:\(receiver.port)/fail")
        let key = "task:II.3/2024-03-29/before-5wd/phong-qldt/webhook:zalo-qldt"

        let first = setup.engine.pass(now: Self.before5wd)

        #expect(first.failed == 1)
        let retrying = try #require(try setup.store.delivery(key: key))
        #expect(retrying.status == .retrying)
        let retryAt = try #require(retrying.nextAttemptAt)
        #expect(first.nextWake == retryAt, "the daemon comes back for the retry")
        // Before its time, nothing is retried.
        let early = setup.engine.pass(now: retryAt.addingTimeInterval(-5))
        #expect(early.retried == 0)
        #expect(calls.files(withExtension: "json").count == 1)
        // At its time it is tried again (the receiver still fails: the attempt counts).
        let second = setup.engine.pass(now: retryAt)
        #expect(second.retried == 1)
        #expect(calls.files(withExtension: "json").count == 2)
        #expect(try setup.store.delivery(key: key)?.attempts == 2)
    }

    @Test func aStopRequestedBeforeThePassSendsNothingAndLeavesNoOutcome() throws {
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let stop = StopRequest()
        stop.request(signal: SIGTERM)
        let setup = try Setup(webhookURL: "http://127.0.0.1:\(receiver.port)/ok", stop: stop)

        let summary = setup.engine.pass(now: Self.before5wd)

        #expect(summary.sent == 0)
        #expect(setup.outboxFiles("eml").isEmpty)
        #expect(calls.files(withExtension: "json").isEmpty)
    }
}

/// A failure of the mail server's configuration (DESIGN §5): retried, the admins
/// told at once naming the fix, delivered once the config is fixed and reloaded.
@Suite struct ServerConfigurationFailureTests {
    /// The shared board, mailing through a TLS server on `port`.
    static func config(port: Int, caFile: String?) throws -> Config {
        try TestConfig.load(
            BoardConfig.yaml(delivery: BoardConfig.email(port: port, caFile: caFile)))
    }

    @Test func anUntrustedCertificateWaitsAlertsNamingCAFileAndIsDeliveredAfterTheFix() throws {
        let certificates = try TestSupport.certificates.get()
        let received = try TemporaryDirectory()
        let server = try PythonServer.smtpWithTestCertificate(received.path)
        defer { server.stop() }
        let setup = try ReminderEngineTests.Setup(config: try Self.config(port: server.port, caFile: nil))
        let store = setup.store
        let key = "task:II.3/2024-03-29/before-5wd/phong-qldt/email"
        let now = ReminderEngineTests.before5wd

        let broken = setup.engine
        let first = broken.pass(now: now)

        #expect(first.failed == 1 && first.dead == 0, "retried, not dead-lettered: \(first)")
        #expect(try store.delivery(key: key)?.status == .retrying)
        // The alert could not go by e-mail (same server): it waits in the outbox, naming the fix.
        let outbox = setup.outbox
        let alerts = try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.hasSuffix(".eml") }
        try #require(alerts.count == 1)
        let alert = try ParsedEmail.parse(file: outbox + "/" + alerts[0])
        #expect(alert.to.map(\.address) == ["quantri@example.gov.vn"])
        #expect(alert.parts.contains { $0.text?.contains("delivery.email.ca_file") == true })
        // Told once, not at every retry, nor after a reload (a new engine on the same state).
        _ = broken.pass(now: now.addingTimeInterval(1800))
        _ = try setup.reloaded(try Self.config(port: server.port, caFile: nil)).pass(now: now.addingTimeInterval(3600))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.hasSuffix(".eml") }.count == 1)
        let told = try #require(try store.unfinishedStoredMessages().first)
        #expect(told.key.hasPrefix("alert:server-configuration/"))
        #expect(told.attempts >= 2, "the alert itself is retried like every stored message")

        // The admin adds ca_file and reloads: what waited goes out at once.
        let fixed = try setup.reloaded(try Self.config(port: server.port, caFile: certificates.file("ca.pem")))
        let later = now.addingTimeInterval(3660)
        #expect(try store.bringRetriesForward(to: later) == 1)
        let second = fixed.pass(now: later)
        #expect(second.sent == 1, "\(second)")
        #expect(try store.delivery(key: key)?.status == .sent)
        #expect(received.files(withExtension: "eml").count == 1)
    }
}

/// `run --once` must know when the state could not record what happened (DESIGN §9: exit 74).
@Suite struct StoreFailureTests {
    @Test func aPassWhoseWritesFailCountsTheFailures() throws {
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let setup = try ReminderEngineTests.Setup(webhookURL: "http://127.0.0.1:\(receiver.port)/ok")
        // Every write fails from now on, as on a full disk or a read-only file.
        try setup.store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }

        let summary = setup.engine.pass(now: ReminderEngineTests.before5wd)

        #expect(summary.storeFailures > 0)
        #expect(summary.sent == 0, "nothing is sent without its intent recorded")
        #expect(calls.files(withExtension: "json").isEmpty)
    }
}
