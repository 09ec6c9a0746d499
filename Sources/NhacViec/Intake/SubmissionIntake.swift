import Foundation

/// Takes one report file in: parse and validate, find the duty occurrence it
/// answers, record it through the sink. Shared by `nhacviec submit` and the inbox.
package struct SubmissionIntake: Sendable {
    package let config: Config
    package let calendar: WorkingCalendar
    package let sink: any SubmissionSink

    package init(config: Config, calendar: WorkingCalendar, sink: any SubmissionSink) {
        self.config = config
        self.calendar = calendar
        self.sink = sink
    }

    /// Receives a file's bytes. Throws `SubmissionError` for a file that must be
    /// fixed by its sender, or whatever the sink throws (then nothing was recorded).
    package func receive(data: Data, fileName: String, receivedAt: Date) throws -> SubmissionReceipt {
        let submission = try SubmissionParser.parse(
            data: data, fileName: fileName, config: config, receivedAt: receivedAt)
        return try record(submission)
    }

    /// Receives the file at `path` (`nhacviec submit FILE…`).
    package func receive(contentsOf path: String, receivedAt: Date) throws -> SubmissionReceipt {
        let submission = try SubmissionParser.parse(contentsOf: path, config: config, receivedAt: receivedAt)
        return try record(submission)
    }

    /// Records a parsed submission: the report (unless it only raises difficulties),
    /// then its difficulties. Shared by every channel that turns its input into a
    /// `Submission` (files, Word forms, e-mail, the web page).
    package func record(_ submission: Submission) throws -> SubmissionReceipt {
        try record(submission, into: sink)
    }

    /// Records a parsed submission through `recorder`: the sink, or a recorder bound to
    /// one transaction that also holds what the receipt causes (the web page's receipt
    /// e-mail, `StateStore.receive(_:through:causing:)`), with the same rules.
    package func record(_ submission: Submission, into recorder: some SubmissionRecorder) throws
        -> SubmissionReceipt
    {
        let unitName = config.unit(submission.unit)?.name ?? submission.unit
        let source = "submission:\(submission.unit):\(submission.sourceName)"
        if submission.isDifficultyReport {
            let raised = try recorder.raiseDifficulties(
                submission.difficultyEntries, unit: submission.unit, at: submission.receivedAt,
                timeZone: config.organization.timeZone, source: source, reopen: true)
            let target = SubmissionTarget.difficulties(raised: raised, submission: submission, config: config)
            return SubmissionReceipt(
                submission: submission, target: target, outcome: .recorded, unitName: unitName, difficulties: raised)
        }
        let target = try SubmissionTarget.resolve(submission, config: config, calendar: calendar)
        let outcome = try recorder.accept(submission, target: target)
        // With a sink, after the report is committed: a crash in between leaves a report whose
        // repeat is `unchanged`, which still creates missing records but never reopens closed ones.
        let isRepeat = if case .unchanged = outcome { true } else { false }
        let raised = try recorder.raiseDifficulties(
            submission.difficultyEntries, unit: submission.unit, at: submission.receivedAt,
            timeZone: config.organization.timeZone, source: source, reopen: !isRepeat)
        return SubmissionReceipt(
            submission: submission, target: target, outcome: outcome, unitName: unitName, difficulties: raised)
    }
}
