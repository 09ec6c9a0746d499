import Foundation
import Logging
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// A reminder whose intent was recorded but whose send was cut short (a crash) is
/// rebuilt from the ledger's keys on the next pass, form included, byte for byte.
@Suite struct FormResendTests {
    @Test func aReminderResentAfterACrashCarriesTheSameForm() throws {
        let state = try TemporaryDirectory()
        let config = try FormTestSupport.config()
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let store = try StateStore(directory: state.path)
        // The scheduler fires before-5wd of March's report (due Mon 18/03) on Mon 11/03.
        let at = try IntakeTestSupport.at("2024-03-11T08:00:00+07:00")
        var scheduler = Scheduler(config: config, calendar: calendar)
        let digests = scheduler.tick(now: at, state: try store.loadSnapshot()).compactMap { action -> Digest? in
            if case .send(let digest) = action, digest.recipient == .unit("phong-qldt"), digest.channel == .email {
                return digest
            }
            return nil
        }
        let digest = try #require(digests.first)
        #expect(digest.items.contains { $0.step.occurrence.duty == .monthlyReport(unit: "phong-qldt") })
        // The crash: the intent is committed, the message never left.
        try store.recordIntent(digest: digest, now: at)

        let delivery = try DeliveryService(
            config: config, stateDirectory: state.path, mode: .live, environment: [:])
        let engine = try ReminderEngine(
            config: config, store: store, delivery: delivery, logger: Logger(label: "test"),
            reportsDirectory: state.path)
        let summary = engine.pass(now: at.addingTimeInterval(300))
        #expect(summary.retried >= 1)
        #expect(try store.delivery(key: digest.items[0].key)?.status == .sent)

        let emails = try FileManager.default.contentsOfDirectory(atPath: state.file("outbox"))
            .filter { $0.hasSuffix(".eml") }
        var found: Data?
        for name in emails {
            let email = try ParsedEmail.parse(file: state.file("outbox/" + name))
            guard email.to.contains(where: { $0.address == "qldt@example.gov.vn" }) else { continue }
            for part in email.parts where part.filename == "phong-qldt-2024-03.docx" {
                found = part.base64.flatMap { Data(base64Encoded: $0) }
            }
        }
        let attached = try #require(found)
        // The form as of the digest's time: the same bytes a first send would have carried.
        let expected = try ReportFormWriter(config: config).write(
            unit: "phong-qldt", kind: .monthly(period: "2024-03"), data: store, now: digest.at)
        #expect(attached == expected.data)
    }
}
