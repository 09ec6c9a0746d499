import Foundation
import Testing

@testable import NhacViec

@Suite struct StoreLedgerTests {
    typealias F = StoreFixture

    @Test func anIntentRecordsEveryItemAsPendingUnderTheMessageKeyThenSentMarksThemAllSent() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let digest = F.twoItemDigest()
            try store.recordIntent(digest: digest, now: F.t0)

            let keys = digest.items.map(\.key)
            #expect(keys.contains("task:II.3/2024-04-01/due/phong-qldt/email"))
            for key in keys {
                let entry = try #require(try store.delivery(key: key))
                #expect(entry.status == .pending)
                #expect(entry.messageKey == digest.key)
                #expect(entry.attempts == 0)
                #expect(entry.recipient == "phong-qldt")
                #expect(entry.channel == "email")
            }
            let row = try #require(try store.delivery(key: "task:II.3/2024-04-01/due/phong-qldt/email"))
            #expect(row.duty == "task:II.3")
            #expect(row.occurrence == "2024-04-01")
            #expect(row.step == "due")

            let sentAt = F.time(minutes: 1)
            try store.recordSent(messageKey: digest.key, at: sentAt, reply: "250 2.0.0 Ok: queued as 4F2A1")
            for key in keys {
                let entry = try #require(try store.delivery(key: key))
                #expect(entry.status == .sent)
                #expect(entry.sentAt == sentAt)
                #expect(entry.reply == "250 2.0.0 Ok: queued as 4F2A1")
                #expect(entry.attempts == 1)
            }
            #expect(try store.unfinishedMessages().isEmpty)
            #expect(try store.counts()[.sent] == 2)
            #expect(try store.counts()[.pending] == 0)
        }
    }

    @Test func aFailureMakesTheMessageRetryingAtItsNextAttemptUntilItIsSent() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let digest = F.twoItemDigest()
            try store.recordIntent(digest: digest, now: F.t0)
            try store.recordFailure(
                messageKey: digest.key, at: F.time(minutes: 1), error: "SMTP 451 4.7.1 Try again later",
                retryAt: F.time(minutes: 2))

            var message = try #require(try store.unfinishedMessages().first)
            #expect(message.key == digest.key)
            #expect(message.status == .retrying)
            #expect(message.attempts == 1)
            #expect(message.nextAttemptAt == F.time(minutes: 2))
            #expect(message.lastError == "SMTP 451 4.7.1 Try again later")
            let entry = try #require(try store.delivery(key: digest.items[0].key))
            #expect(entry.status == .retrying)
            #expect(entry.nextAttemptAt == F.time(minutes: 2))

            try store.recordFailure(
                messageKey: digest.key, at: F.time(minutes: 2), error: "connect timeout", retryAt: F.time(minutes: 10))
            message = try #require(try store.unfinishedMessages().first)
            #expect(message.attempts == 2)
            #expect(message.nextAttemptAt == F.time(minutes: 10))

            try store.recordSent(messageKey: digest.key, at: F.time(minutes: 10), reply: "250 Ok")
            #expect(try store.unfinishedMessages().isEmpty)
            let sent = try #require(try store.delivery(key: digest.items[0].key))
            #expect(sent.status == .sent)
            #expect(sent.attempts == 3)
            #expect(sent.nextAttemptAt == nil)
            // The last failure stays on record for audits.
            #expect(sent.lastError == "connect timeout")
        }
    }

    @Test func aDeadLetterIsShownByStatusAndReportedOnlyOnce() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let digest = F.twoItemDigest()
            try store.recordIntent(digest: digest, now: F.t0)
            try store.recordDead(
                messageKey: digest.key, at: F.time(minutes: 1),
                error: "SMTP 550 5.1.1 <qldt@example.gov.vn>: no such user")

            #expect(try store.unfinishedMessages().isEmpty)
            let shown = try store.deliveries(excluding: [.sent, .skipped])
            #expect(shown.map(\.status) == [.dead, .dead])
            #expect(shown.allSatisfy { $0.lastError?.contains("550 5.1.1") == true })

            let letters = try store.deadLettersNotYetReported()
            let letter = try #require(letters.first)
            #expect(letters.count == 1)
            #expect(letter.messageKey == digest.key)
            #expect(letter.recipient == "phong-qldt")
            #expect(letter.channel == "email")
            #expect(letter.items.map(\.key).sorted() == digest.items.map(\.key).sorted())
            #expect(letter.error.contains("no such user"))
            #expect(letter.diedAt == F.time(minutes: 1))

            try store.markDeadLettersReported(keys: [digest.key], at: F.time(minutes: 2))
            #expect(try store.deadLettersNotYetReported().isEmpty)
            // Still visible in status.
            #expect(try store.counts()[.dead] == 2)
        }
    }

    @Test func anIntentWithoutOutcomeIsResentAfterACrashWithTheSameKeyAndEverythingToRebuildIt() throws {
        try F.withStateDirectory { directory in
            let digest = F.digest(
                [
                    F.step(.task(id: "II.3"), kind: .before(ConfigDuration(amount: 5, unit: .workingDays))),
                    F.step(.monthlyReport(unit: "phong-qldt"), occurrence: "2024-03", kind: .escalation),
                    F.step(.request(id: "bc-dot-xuat-ddci", unit: "phong-qldt"), occurrence: "2024-05-10", kind: .due),
                ], channel: .webhook("zalo-van-phong"), at: F.time(minutes: 5))
            do {
                let store = try StateStore(directory: directory)
                try store.recordIntent(digest: digest, now: F.time(minutes: 5))
                // The process dies here: no outcome, the store is just closed.
                try store.close()
            }
            let reopened = try StateStore(directory: directory)
            let messages = try reopened.unfinishedMessages()
            let message = try #require(messages.first)
            #expect(messages.count == 1)
            #expect(message.key == digest.key)
            #expect(message.key.hasPrefix("digest/phong-qldt/webhook:zalo-van-phong/"))
            #expect(message.status == .pending)
            #expect(message.nextAttemptAt == nil)
            #expect(message.recipient == .unit("phong-qldt"))
            #expect(message.channel == .webhook("zalo-van-phong"))
            #expect(message.cc == digest.cc)
            #expect(message.at == F.time(minutes: 5))
            #expect(message.firstRecordedAt == F.time(minutes: 5))
            let expected = digest.items.map {
                UnfinishedMessage.Item(
                    key: $0.key, duty: $0.step.occurrence.duty, occurrence: $0.step.occurrence.occurrence,
                    step: $0.step.kind, recipient: $0.step.recipient, channel: .webhook("zalo-van-phong"))
            }
            #expect(message.items.sorted { $0.key < $1.key } == expected.sorted { $0.key < $1.key })
        }
    }

    @Test func recordingTheSameIntentAgainKeepsOneRowPerKeyAndNeverReopensAFinishedRow() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let digest = F.twoItemDigest()
            try store.recordIntent(digest: digest, now: F.t0)
            try store.recordIntent(digest: digest, now: F.time(minutes: 1))
            #expect(try store.counts()[.pending] == 2)
            #expect(try store.unfinishedMessages().count == 1)

            try store.recordSent(messageKey: digest.key, at: F.time(minutes: 2), reply: nil)
            try store.recordIntent(digest: digest, now: F.time(minutes: 3))
            #expect(try store.counts()[.sent] == 2)
            #expect(try store.counts()[.pending] == 0)
            #expect(try store.unfinishedMessages().isEmpty)
            // Repeating an outcome is harmless.
            try store.recordSent(messageKey: digest.key, at: F.time(minutes: 4), reply: nil)
            #expect(try store.delivery(key: digest.items[0].key)?.sentAt == F.time(minutes: 2))
        }
    }

    @Test func anOutcomeForAMessageNeverRecordedIsAnError() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let error = #expect(throws: StoreError.self) {
                try store.recordSent(messageKey: "task:X.9/2024-04-01/due/phong-qldt/email", at: F.t0, reply: nil)
            }
            #expect(error?.code == .unknownMessage)
            #expect(error?.description.contains("task:X.9") == true)
        }
    }

    @Test func fiftyThousandSkippedStepsAreRecordedInOneBatchWithoutOverwritingSentRows() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let digest = F.twoItemDigest()
            try store.recordIntent(digest: digest, now: F.t0)
            try store.recordSent(messageKey: digest.key, at: F.t0, reply: nil)

            let count = 50_000
            var skipped = (0..<count).map { index in
                SkippedDelivery(
                    key: "task:T.\(index)/2024-04-01/before-5wd/phong-qldt/email", duty: .task(id: "T.\(index)"),
                    occurrence: "2024-04-01", step: .before(ConfigDuration(amount: 5, unit: .workingDays)),
                    recipient: .unit("phong-qldt"), channel: .email, reason: "too_old")
            }
            // One key collides with a sent row: it must stay sent.
            let sentKey = digest.items[0].key
            skipped.append(
                SkippedDelivery(
                    key: sentKey, duty: .task(id: "II.3"), occurrence: "2024-04-01", step: .due,
                    recipient: .unit("phong-qldt"), channel: .email, reason: "superseded"))

            let clock = ContinuousClock()
            var added = 0
            let elapsed = try clock.measure {
                added = try store.recordSkipped(skipped, at: F.time(minutes: 1))
            }
            print("StoreLedgerTests: recorded \(count) skipped rows in \(elapsed)")

            #expect(added == count)
            #expect(try store.counts()[.skipped] == count)
            #expect(try store.delivery(key: sentKey)?.status == .sent)
            let last = try #require(try store.delivery(key: "task:T.49999/2024-04-01/before-5wd/phong-qldt/email"))
            #expect(last.status == .skipped)
            #expect(last.skipReason == "too_old")
            #expect(last.step == "before-5wd")
            #expect(last.messageKey == nil)
            // Recording them again adds nothing.
            #expect(try store.recordSkipped(Array(skipped.prefix(100)), at: F.time(minutes: 2)) == 0)
        }
    }

    @Test func statusListsEveryDeliveryNotYetSentOrSkipped() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let pending = F.digest([F.step(.task(id: "A.1"))])
            let retrying = F.digest([F.step(.task(id: "A.2"))])
            let sent = F.digest([F.step(.task(id: "A.3"))])
            for digest in [pending, retrying, sent] { try store.recordIntent(digest: digest, now: F.t0) }
            try store.recordFailure(messageKey: retrying.key, at: F.t0, error: "HTTP 503", retryAt: F.time(minutes: 1))
            try store.recordSent(messageKey: sent.key, at: F.t0, reply: "HTTP 200")
            try store.recordSkipped(
                [SkippedDelivery(key: "k", step: F.step(.task(id: "A.4")), channel: .email, reason: .superseded)],
                at: F.t0)

            let shown = try store.deliveries(excluding: [.sent, .skipped])
            #expect(Set(shown.map(\.key)) == [pending.key, retrying.key])
            #expect(try store.deliveries(excluding: []).count == 4)
            #expect(try store.counts() == [.pending: 1, .retrying: 1, .sent: 1, .skipped: 1, .dead: 0])
            #expect(try store.isRecorded(key: "k"))
            #expect(try store.isRecorded(key: "nope") == false)
        }
    }

    @Test func twoStoreHandlesOnOneFileSeeEachOthersWrites() throws {
        try F.withStateDirectory { directory in
            let daemon = try StateStore(directory: directory)
            let cli = try StateStore(directory: directory)
            let digest = F.twoItemDigest()
            try daemon.recordIntent(digest: digest, now: F.t0)
            #expect(try cli.unfinishedMessages().map(\.key) == [digest.key])

            try cli.setTaskStatus(taskID: "II.3", status: .done, at: F.t0, source: "cli")
            try daemon.recordSent(messageKey: digest.key, at: F.time(minutes: 1), reply: nil)
            try cli.setLastRun(F.time(minutes: 1))
            try daemon.setMetadata("note", to: "xin chào")

            #expect(try cli.counts()[.sent] == 2)
            #expect(try daemon.taskDoneAt("II.3") == F.t0)
            #expect(try daemon.lastRun() == F.time(minutes: 1))
            #expect(try cli.metadata("note") == "xin chào")
        }
    }
}
