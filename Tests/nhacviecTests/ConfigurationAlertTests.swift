import Foundation
import NhacViecTestSupport
import Testing

/// A mail server whose certificate nhacviec does not trust (DESIGN §5): the admins are
/// told once through the ledger, whatever the number of runs, restarts or reloads; the
/// alert is delivered with what waited once the config is fixed; a problem that comes
/// back after a working delivery is a new episode and is told again.
@Suite struct ConfigurationAlertTests {
    /// The ledger's alert rows (`stored_message`), read with Python's sqlite3, not nhacviec.
    static func alertRows(_ fixture: DaemonFixture) throws -> [String] {
        let result = try TestSupport.run(
            TestSupport.python,
            [
                "-c",
                """
                import sqlite3, sys
                db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
                for key, status in db.execute(
                        "SELECT key, status FROM stored_message WHERE key LIKE 'alert:server-configuration/%' ORDER BY key"):
                    print(key, status)
                """,
                fixture.statePath + "/state.sqlite",
            ])
        try #require(result.status == 0)
        return String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Alert copies in the outbox (written when the alert cannot be e-mailed).
    static func outboxAlerts(_ fixture: DaemonFixture) throws -> [ParsedEmail] {
        try fixture.outboxFiles().map { try ParsedEmail.parse(file: $0) }.filter {
            $0.to.map(\.address) == ["quantri@example.gov.vn"]
        }
    }

    @Test func twoRunsAgainstAnUntrustedCertificateAlertOnceAndTheFixDeliversTheAlertOnce() throws {
        let certificates = try TestSupport.certificates.get()
        let received = try TemporaryDirectory()
        let server = try PythonServer.smtpWithTestCertificate(received.path)
        defer { server.stop() }
        let fixture = try DaemonFixture(delivery: BoardConfig.email(port: server.port, caFile: nil))
        try #require(FileManager.default.fileExists(atPath: fixture.configPath))

        // Fri 22/03 08:00: the reminder fails on the certificate; the alert cannot go by
        // e-mail either (same server), so a copy waits in the outbox.
        let first = try fixture.runOnce("2024-03-22T08:00:00+07:00")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("the mail server configuration needs fixing"))
        #expect(try Self.alertRows(fixture).count == 1)
        let alerts = try Self.outboxAlerts(fixture)
        try #require(alerts.count == 1)
        #expect(alerts[0].parts.contains { $0.text?.contains("delivery.email.ca_file") == true })

        // An hour later, a new process (as after a restart or a reload): the reminder is
        // retried and fails the same way; the admins are not told again.
        let second = try fixture.runOnce("2024-03-22T09:00:00+07:00")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stderr.contains("needs fixing"), "\(second.stderr)")
        #expect(!second.stderr.contains("cannot e-mail the admins"), "\(second.stderr)")
        #expect(try Self.alertRows(fixture).count == 1)
        #expect(try Self.outboxAlerts(fixture).count == 1)
        #expect(received.files(withExtension: "eml").isEmpty)

        // The admin sets ca_file: the reminder and the waiting alert are delivered, each once.
        try fixture.write(
            DaemonFixture.config(
                delivery: BoardConfig.email(port: server.port, caFile: certificates.file("ca.pem")), webhooks: "",
                unitWebhooks: ""))
        let fixed = try fixture.runOnce("2024-03-22T10:00:00+07:00")
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stderr.contains("works again"), "\(fixed.stderr)")
        try fixture.runOnce("2024-03-22T11:00:00+07:00")
        let delivered = try received.files(withExtension: "eml").map { try ParsedEmail.parse(file: $0) }
        let toAdmins = delivered.filter { $0.to.map(\.address) == ["quantri@example.gov.vn"] }
        #expect(delivered.count == 2, "the reminder and the alert: \(delivered.map(\.subject))")
        #expect(toAdmins.count == 1)
        #expect(toAdmins.first?.message_id?.contains("server-configuration") == true)
        #expect(try Self.alertRows(fixture).map { $0.hasSuffix(" sent") } == [true])

        // Broken again after it worked: a new episode, told again (a second ledger row).
        try fixture.write(
            DaemonFixture.config(
                delivery: BoardConfig.email(port: server.port, caFile: nil), webhooks: "", unitWebhooks: ""))
        let broken = try fixture.runOnce("2024-03-28T08:00:00+07:00")
        #expect(broken.stderr.contains("the mail server configuration needs fixing"), "\(broken.stderr)")
        let rows = try Self.alertRows(fixture)
        #expect(rows.count == 2)
        #expect(Set(rows.map { $0.split(separator: " ")[0] }).count == 2)
        #expect(try Self.outboxAlerts(fixture).count == 2)
    }
}
