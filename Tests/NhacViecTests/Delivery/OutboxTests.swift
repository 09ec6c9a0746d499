import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

@Suite struct OutboxTests {
    @Test func anEmailIsWrittenAsExactlyTheSMTPBytes() throws {
        let directory = try TemporaryDirectory()
        let outbox = Outbox(directory: directory.path + "/outbox")
        let message = DeliveryFixtures.message(attachments: [DeliveryFixtures.report])

        let result = try outbox.write(message)

        #expect(
            result
                == .written(
                    path: directory.path + "/outbox/task=3AII.3=2F2024-04-01=2Fbefore-5wd=2Fphong-qldt=2Femail.eml"))
        let stored = try Data(contentsOf: URL(fileURLWithPath: result.path))
        #expect(Array(stored) == message.rendered())
        let parsed = try ParsedEmail.parse(file: result.path)
        #expect(parsed.subject == DeliveryFixtures.subject)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: outbox.directory).filter {
            $0.hasPrefix(".tmp")
        }
        #expect(leftovers.isEmpty, "no temporary file is left behind")
    }

    @Test func writingTheSameMessageAgainIsAcceptedAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let outbox = Outbox(directory: directory.path)
        let message = DeliveryFixtures.message()

        let first = try outbox.write(message)
        let second = try outbox.write(message)

        #expect(first == .written(path: first.path))
        #expect(second == .unchanged(path: first.path))
    }

    @Test func aDifferentMessageUnderTheSameKeyIsRefusedAndTheFileKept() throws {
        let directory = try TemporaryDirectory()
        let outbox = Outbox(directory: directory.path)
        let message = DeliveryFixtures.message()
        let path = try outbox.write(message).path
        var changed = message
        changed.subject = "Khác"

        #expect(throws: DeliveryError.self) { try outbox.write(changed) }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == message.rendered())
    }

    @Test func aWebhookBodyIsWrittenAsJSON() throws {
        let directory = try TemporaryDirectory()
        let outbox = Outbox(directory: directory.path)
        let body = WebhookBodyTests.digest.body(for: .json)
        let request = WebhookRequest(
            key: "k/1", url: "https://hooks.example.vn/x", body: body, timestamp: DeliveryFixtures.sendTime)

        let result = try outbox.write(request)

        #expect(result.path == directory.path + "/k=2F1.json")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: result.path))) == body)
    }

    @Test func anUnwritableDirectoryIsAnIOError() throws {
        let directory = try TemporaryDirectory()
        let blocker = directory.file("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let outbox = Outbox(directory: blocker + "/outbox")

        #expect(throws: DeliveryError.self) { try outbox.write(DeliveryFixtures.message()) }
    }
}
