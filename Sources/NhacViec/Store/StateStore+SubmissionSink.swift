import Foundation

extension StateStore: SubmissionSink {
    /// Records an accepted submission and its task statuses in one transaction (see
    /// ``SubmissionTransaction/accept(_:target:)``). Difficulties are
    /// ``raiseDifficulties(_:unit:at:timeZone:source:reopen:)``, in their own.
    package func accept(_ submission: Submission, target: SubmissionTarget) throws(StoreError) -> SubmissionOutcome {
        try write("recording the report \(submission.sourceName) of \(target.duty) for \(target.occurrence)") { db in
            try SubmissionTransaction(store: self, db: db).accept(submission, target: target)
        }
    }

    /// Records `submission` as `intake` records it (the report, its task statuses, its
    /// difficulties) and the messages its receipt causes, all in one transaction: either
    /// the unit's answer and its receipt e-mail are both kept, or neither is. The web page
    /// has no message to read again after a crash, as the e-mail intake has, so a receipt
    /// recorded after the answer could be lost for good.
    ///
    /// `messages` runs inside the transaction (it only composes). Throws the
    /// ``SubmissionError`` of a submission that must be fixed, else a ``StoreError``;
    /// either way nothing was recorded.
    package func receive(
        _ submission: Submission, through intake: SubmissionIntake,
        causing messages: (SubmissionReceipt) -> [StoredMessage]
    ) throws -> (receipt: SubmissionReceipt, messages: [StoredMessage]) {
        do {
            return try pool.write { db in
                let receipt = try intake.record(submission, into: SubmissionTransaction(store: self, db: db))
                let caused = messages(receipt)
                for message in caused { _ = try Self.insert(message, db) }
                return (receipt, caused)
            }
        } catch let error as SubmissionError {
            throw error
        } catch {
            throw StoreError.wrapping(
                error, path: databasePath, while: "recording the report \(submission.sourceName) with its receipt")
        }
    }
}
