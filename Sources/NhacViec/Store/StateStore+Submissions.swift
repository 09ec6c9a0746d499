import Foundation
import GRDB

/// Received reports (DESIGN §7). Every submission is kept; the latest one for a
/// duty occurrence (unit + report + period or request) is the current one and
/// the earlier ones are marked superseded, never deleted.
extension StateStore {
    /// Records a received report as the current one for (`duty`, `occurrence`),
    /// superseding the previous current one if any, and appends `statusUpdates`
    /// (the task statuses the intake decided this report sets) to the task status
    /// history, all in one transaction.
    ///
    /// The status changes take `submission.receivedAt` as their time and
    /// `submission:<unit>:<file>` as their source. Which task lines become status
    /// changes is the intake's decision (a supporting unit's line may not be), so
    /// `submission.tasks` alone changes no status.
    @discardableResult
    package func recordSubmission(
        _ submission: Submission, duty: Duty, occurrence: String, now: Date, statusUpdates: [TaskUpdate] = []
    ) throws(StoreError) -> StoredSubmission {
        try write("recording the report \(submission.sourceName) of \(duty) for \(occurrence)") { db in
            try insertSubmission(
                submission, duty: duty, occurrence: occurrence, now: now, statusUpdates: statusUpdates, db)
        }
    }

    /// ``recordSubmission(_:duty:occurrence:now:statusUpdates:)`` inside the caller's transaction.
    func insertSubmission(
        _ submission: Submission, duty: Duty, occurrence: String, now: Date, statusUpdates: [TaskUpdate],
        _ db: Database
    ) throws -> StoredSubmission {
        var previous = try SubmissionRecord.filter(
            Column("duty") == duty.description && Column("occurrence") == occurrence
                && Column("superseded_at") == nil
        ).fetchOne(db)
        // Leave "current" first: the unique index allows one current row per occurrence.
        if var earlier = previous {
            earlier.supersededAt = now
            try earlier.update(db)
            previous = earlier
        }
        var record = SubmissionRecord(
            duty: duty.description, occurrence: occurrence, unit: submission.unit, report: submission.report,
            period: submission.period, difficulties: submission.difficulties, proposals: submission.proposals,
            body: submission.body, receivedAt: submission.receivedAt, sourceName: submission.sourceName,
            recordedAt: now, replacesID: previous?.id)
        try record.insert(db)
        guard let id = record.id else { throw corrupt("the new submission has no id") }
        if var earlier = previous {
            earlier.supersededByID = id
            try earlier.update(db)
        }
        var tasks: [SubmissionTaskRecord] = []
        for (position, update) in submission.tasks.enumerated() {
            let task = SubmissionTaskRecord(
                submissionID: id, position: position, taskID: update.id, status: update.status.rawValue,
                progress: update.progress, note: update.note)
            try task.insert(db)
            tasks.append(task)
        }
        for update in statusUpdates {
            var change = TaskStatusChangeRecord(
                taskID: update.id, status: update.status.rawValue, progress: update.progress, note: update.note,
                at: submission.receivedAt, source: "submission:\(submission.unit):\(submission.sourceName)",
                recordedAt: now)
            try change.insert(db)
        }
        return try storedSubmission(record, tasks: tasks)
    }

    /// The current submission for the duty occurrence, if any was received.
    package func currentSubmission(duty: Duty, occurrence: String) throws(StoreError) -> StoredSubmission? {
        try read("reading the report of \(duty) for \(occurrence)") { db in
            try currentSubmission(duty: duty, occurrence: occurrence, db)
        }
    }

    /// ``currentSubmission(duty:occurrence:)`` inside the caller's transaction.
    func currentSubmission(duty: Duty, occurrence: String, _ db: Database) throws -> StoredSubmission? {
        try submissions(db) { db in
            try SubmissionRecord.filter(
                Column("duty") == duty.description && Column("occurrence") == occurrence
                    && Column("superseded_at") == nil
            ).fetchAll(db)
        }.first
    }

    /// The current submission of every unit for one report (`monthly` or a request
    /// id) and occurrence, by unit; with `asOf`, those known at that moment (the
    /// latest received at or before it), as a consolidated report compiled then saw them.
    package func submissions(report: String, occurrence: String, asOf: Date? = nil) throws(StoreError)
        -> [StoredSubmission]
    {
        try loadSubmissions("reading the \(report) reports for \(occurrence)") { db in
            try SubmissionRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT *, ROW_NUMBER() OVER (PARTITION BY duty ORDER BY received_at DESC, id DESC) AS latest
                        FROM submission
                        WHERE report = ?1 AND occurrence = ?2
                          AND (CASE WHEN ?3 IS NULL THEN superseded_at IS NULL ELSE received_at <= ?3 END)
                    ) WHERE latest = 1 ORDER BY unit
                    """,
                arguments: [report, occurrence, asOf])
        }
    }

    /// Every submission received for a report occurrence, resubmissions and
    /// superseded ones included, oldest first (the consolidated report decides
    /// on-time vs late from the first receipt). Without `taskLines`, each comes
    /// without its task lines (the report reads statuses from their history).
    package func allSubmissions(report: String, occurrence: String, taskLines: Bool = true) throws(StoreError)
        -> [StoredSubmission]
    {
        try loadSubmissions("reading every \(report) report for \(occurrence)", taskLines: taskLines) { db in
            try SubmissionRecord.filter(Column("report") == report && Column("occurrence") == occurrence)
                .order(Column("id"))
                .fetchAll(db)
        }
    }

    /// Every submission for the duty occurrence, oldest first (the current one last).
    package func submissionHistory(duty: Duty, occurrence: String) throws(StoreError) -> [StoredSubmission] {
        try loadSubmissions("reading the report history of \(duty) for \(occurrence)") { db in
            try SubmissionRecord.filter(Column("duty") == duty.description && Column("occurrence") == occurrence)
                .order(Column("id"))
                .fetchAll(db)
        }
    }

    /// Whether a report was received for the duty occurrence (the scheduler's question).
    package func reportReceived(_ duty: Duty, occurrence: String) throws(StoreError) -> Bool {
        try read("looking up the report of \(duty) for \(occurrence)") { db in
            try SubmissionRecord.filter(Column("duty") == duty.description && Column("occurrence") == occurrence)
                .isEmpty(db) == false
        }
    }

    /// Fetches submission rows and (unless told not to) their task lines in one read transaction.
    private func loadSubmissions(
        _ operation: String, taskLines: Bool = true, _ fetch: (Database) throws -> [SubmissionRecord]
    ) throws(StoreError) -> [StoredSubmission] {
        try read(operation) { db in try submissions(db, taskLines: taskLines, fetch) }
    }

    /// Submission rows and (unless told not to) their task lines, inside the caller's transaction.
    private func submissions(
        _ db: Database, taskLines: Bool = true, _ fetch: (Database) throws -> [SubmissionRecord]
    ) throws -> [StoredSubmission] {
        let records = try fetch(db)
        let tasks =
            taskLines
            ? try SubmissionTaskRecord.filter(records.compactMap(\.id).contains(Column("submission_id")))
                .order(Column("submission_id"), Column("position"))
                .fetchAll(db) : []
        let tasksBySubmission = Dictionary(grouping: tasks, by: \.submissionID)
        var result: [StoredSubmission] = []
        for record in records {
            result.append(try storedSubmission(record, tasks: record.id.flatMap { tasksBySubmission[$0] } ?? []))
        }
        return result
    }

    private func storedSubmission(_ record: SubmissionRecord, tasks: [SubmissionTaskRecord]) throws(StoreError)
        -> StoredSubmission
    {
        guard let id = record.id, let duty = Duty(ledgerText: record.duty) else {
            throw corrupt("submission \(record.id.map(String.init) ?? "?") has an unreadable duty \(record.duty)")
        }
        var updates: [TaskUpdate] = []
        for task in tasks {
            guard let status = TaskStatus(rawValue: task.status) else {
                throw corrupt("submission \(id), task \(task.taskID) has status \(task.status)")
            }
            updates.append(TaskUpdate(id: task.taskID, status: status, progress: task.progress, note: task.note))
        }
        let submission = Submission(
            unit: record.unit, report: record.report, period: record.period, tasks: updates,
            difficulties: record.difficulties, proposals: record.proposals, body: record.body,
            receivedAt: record.receivedAt, sourceName: record.sourceName)
        return StoredSubmission(
            id: id, duty: duty, occurrence: record.occurrence, submission: submission, recordedAt: record.recordedAt,
            replacesID: record.replacesID, supersededByID: record.supersededByID, supersededAt: record.supersededAt)
    }
}
