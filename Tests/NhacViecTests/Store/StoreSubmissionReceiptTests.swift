import Foundation
import GRDB
import Testing

@testable import NhacViec

/// A unit's answer on its web page and the receipt e-mail it causes are one transaction
/// (``StateStore/receive(_:through:causing:)``): the page has nothing to read again after
/// a crash, so a receipt recorded after its answer could be lost for good.
@Suite struct StoreSubmissionReceiptTests {
    typealias F = StoreFixture
    static let duty = Duty.monthlyReport(unit: "phong-qldt")

    private func intake(_ store: StateStore) throws -> SubmissionIntake {
        let config = try IntakeTestSupport.config()
        return SubmissionIntake(config: config, calendar: WorkingCalendar(rules: config.calendar.rules), sink: store)
    }

    /// March's report (due 18/03/2024) setting II.3 done and raising one difficulty.
    private func answer(receivedAt: Date = F.t0) -> Submission {
        F.submission(receivedAt: receivedAt, tasks: [TaskUpdate(id: "II.3", status: .done, note: "Đã rà soát")])
    }

    /// The receipt the closure composes, keyed by what the intake decided (as the page's mail is).
    private func receiptMail(_ receipt: SubmissionReceipt) -> [StoredMessage] {
        let key = "reply:web-test/\(receipt.target.occurrence)/receipt/\(receipt.submission.unit)/email"
        return [
            StoredMessage(
                key: key, sender: "vanphong@example.gov.vn", recipients: ["qldt@example.gov.vn"],
                mime: Array("Subject: \(receipt.outcome)\r\n\r\n\(receipt.summary)\r\n".utf8), createdAt: F.t0)
        ]
    }

    @Test func aReceiptThatCannotBeRecordedTakesItsSubmissionBackWithIt() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            // A failure while writing the receipt row, as a full disk or an I/O error would give.
            try store.pool.write { db in
                try db.execute(
                    sql: """
                        CREATE TRIGGER refuse_receipt BEFORE INSERT ON stored_message
                        BEGIN SELECT RAISE(ABORT, 'receipt refused'); END
                        """)
            }
            let error = #expect(throws: StoreError.self) {
                try store.receive(answer(), through: intake(store), causing: receiptMail)
            }
            #expect(error?.underlying?.contains("receipt refused") == true)
            #expect(try store.currentSubmission(duty: Self.duty, occurrence: "2024-03") == nil)
            #expect(try store.currentTaskStatuses().isEmpty)
            #expect(try store.difficulties().isEmpty)
            #expect(try store.unfinishedStoredMessages().isEmpty)

            // Once the receipt can be written, the same answer is a first answer: nothing of
            // the failed attempt survived to make it a repeat.
            try store.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse_receipt") }
            let (receipt, mails) = try store.receive(answer(), through: intake(store), causing: receiptMail)
            #expect(receipt.outcome == .recorded)
            #expect(try store.currentSubmission(duty: Self.duty, occurrence: "2024-03")?.submission == answer())
            #expect(try store.currentTaskStatuses()["II.3"]?.status == .done)
            #expect(try store.difficulties().map(\.text) == ["Chưa có hướng dẫn của Sở Nội vụ về đánh giá"])
            let stored = try #require(try store.storedMessage(mails[0].key))
            #expect(stored.status == .pending)
            #expect(String(decoding: stored.mime, as: UTF8.self).hasPrefix("Subject: recorded\r\n"))
        }
    }

    @Test func theReceiptIsComposedFromWhatTheSameTransactionRecorded() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            _ = try store.receive(answer(), through: intake(store), causing: receiptMail)
            var replacement = answer(receivedAt: F.time(minutes: 30))
            replacement.body = "Bản bổ sung"
            var seen: [SubmissionOutcome] = []
            let (receipt, _) = try store.receive(replacement, through: intake(store)) { receipt in
                seen.append(receipt.outcome)
                return []
            }
            #expect(seen == [.replaced(previousReceivedAt: F.t0)])
            #expect(receipt.outcome == .replaced(previousReceivedAt: F.t0))
            #expect(try store.submissionHistory(duty: Self.duty, occurrence: "2024-03").count == 2)
        }
    }

    @Test func aSubmissionThatAnswersNothingIsRefusedAsSuchAndRecordsNothing() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            var stray = answer()
            stray.report = "bc-khong-co"
            stray.period = nil
            var composed = false
            let error = #expect(throws: SubmissionError.self) {
                try store.receive(stray, through: intake(store)) { _ in
                    composed = true
                    return []
                }
            }
            #expect(error?.issues.first?.path == "report")
            #expect(composed == false)
            #expect(try store.difficulties().isEmpty)
            #expect(try store.currentTaskStatuses().isEmpty)
        }
    }
}
