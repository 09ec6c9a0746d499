import Foundation
import NhacViecTestSupport
import Testing

/// Failed sends are retried or dead-lettered, never lost (DESIGN §5).
@Suite struct DaemonFailureTests {
    @Test func anSMTPServerThatIsDownIsRetriedAndDeliveredWhenItComesBack() throws {
        let port = try DaemonFixture.freePort()
        let fixture = try DaemonFixture(
            delivery: """
                  email:
                    url: smtp://127.0.0.1:\(port)
                    tls: none
                    from: "Văn phòng Ban Quản lý <vanphong@example.gov.vn>"
                    timeout: 10s
                """.replacingOccurrences(of: "\n  ", with: "\n  "))
        try fixture.runOnce("2024-03-22T08:00:00+07:00")
        let down = try fixture.status(now: "2024-03-22T08:00:30+07:00")
        let deliveries = try #require(down["deliveries"] as? [[String: Any]])
        #expect(deliveries.count == 1)
        #expect(deliveries.first?["status"] as? String == "retrying")
        #expect((deliveries.first?["last_error"] as? String)?.contains("connect") == true)

        let received = try TemporaryDirectory()
        let server = try PythonServer("smtp_server.py", [received.path, "--port", "\(port)"])
        defer { server.stop() }
        // The first retry is 1 minute (±20 %) later.
        try fixture.runOnce("2024-03-22T08:10:00+07:00")
        #expect(received.files(withExtension: "eml").count == 1)
        let after = try fixture.status(now: "2024-03-22T08:10:30+07:00")
        #expect((after["counts"] as? [String: Int])?["sent"] == 1)
        #expect((after["deliveries"] as? [Any])?.isEmpty == true)
        let message = try ParsedEmail.parse(file: received.files(withExtension: "eml")[0])
        #expect(message.message_id?.contains("before-5wd") == true)
    }

    @Test func aWebhookAnswering400IsDeadLetteredAndTheAdminsAreToldOnce() throws {
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let fixture = try DaemonFixture(
            webhooks: """
                webhooks:
                  - id: zalo-qldt
                    url: http://127.0.0.1:\(receiver.port)/bad
                """,
            unitWebhooks: "webhooks: [zalo-qldt]")
        try fixture.runOnce("2024-03-22T08:00:00+07:00")
        let status = try fixture.status(now: "2024-03-22T08:01:00+07:00")
        let dead = (status["deliveries"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "dead" }
        #expect(dead.count == 1)
        #expect((dead.first?["last_error"] as? String)?.contains("400") == true)
        #expect(calls.files(withExtension: "json").count == 1)

        let alerts = try fixture.outboxFiles().map { try ParsedEmail.parse(file: $0) }.filter {
            $0.to.map(\.address) == ["quantri@example.gov.vn"]
        }
        #expect(alerts.count == 1)
        // Later passes don't repeat the alert or the call.
        try fixture.runOnce("2024-03-22T09:00:00+07:00")
        let again = try fixture.outboxFiles().map { try ParsedEmail.parse(file: $0) }.filter {
            $0.to.map(\.address) == ["quantri@example.gov.vn"]
        }
        #expect(again.count == 1)
        #expect(calls.files(withExtension: "json").count == 1)
    }

    @Test func aSendInterruptedByKill9IsResentWithTheSameKeyAfterRestart() throws {
        let calls = try TemporaryDirectory()
        let receiver = try PythonServer("http_receiver.py", [calls.path])
        defer { receiver.stop() }
        let webhooks = { (path: String) in
            """
            webhooks:
              - id: zalo-qldt
                url: http://127.0.0.1:\(receiver.port)/\(path)
                timeout: 60s
            """
        }
        let fixture = try DaemonFixture(webhooks: webhooks("slow"), unitWebhooks: "webhooks: [zalo-qldt]")
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = [
            "run", "--once", "-c", fixture.configPath, "--state", fixture.statePath, "--now",
            "2024-03-22T08:00:00+07:00",
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The receiver records the call before it starts stalling: the send is in flight.
        let arrived = eventually { calls.files(withExtension: "json").count == 1 }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(arrived)

        // Restart against a receiver path that answers at once.
        try fixture.write(
            DaemonFixture.config(delivery: "", webhooks: webhooks("ok"), unitWebhooks: "webhooks: [zalo-qldt]"))
        let restart = try fixture.runOnce("2024-03-22T08:05:00+07:00")
        #expect(restart.status == 0, "\(restart.stderr)")
        let records = calls.files(withExtension: "json")
        #expect(records.count == 2)
        let keys = try records.map { file -> String in
            let object =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
            let headers = object?["headers"] as? [[String]] ?? []
            return headers.first { $0.first?.lowercased() == "idempotency-key" }?.last ?? ""
        }
        #expect(keys[0] == keys[1] && !keys[0].isEmpty)
        let counts = try fixture.status(now: "2024-03-22T08:06:00+07:00")["counts"] as? [String: Int]
        #expect(counts?["sent"] == 2)  // the email (to the outbox) and the webhook
        #expect(counts?["pending"] ?? 0 == 0)
    }
}
