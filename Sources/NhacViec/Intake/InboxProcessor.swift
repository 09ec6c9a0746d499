import Foundation

/// Takes in the report files dropped into `<state>/inbox/` (DESIGN §7).
///
/// Each regular file is parsed and validated. Accepted: recorded through the
/// sink, then moved to `inbox/archive/`. Rejected: moved to `inbox/rejected/`
/// with `<name>.error` beside it (a Vietnamese line on top, then every issue).
/// Nothing is deleted or overwritten; a taken name gets a numeric suffix.
///
/// Files that are left alone:
/// - dotfiles and directories (`archive/`, `rejected/` live here);
/// - partial files: a name ending in `.part`, `.partial`, `.tmp`, `.crdownload`,
///   `.filepart`, `.download`, `.swp` or `~`, or any file modified at or after
///   `modifiedBefore` (callers pass 2 seconds before the real clock). Writers
///   should write under a dotfile or `.part` name and rename when done.
///
/// Files of other types (and symbolic links, FIFOs…) are rejected with an explanation.
/// The sink runs before the move, so a crash in between leaves the file in
/// the inbox and the next scan gives it to the sink again, which must treat
/// the repeat as unchanged (see `SubmissionSink`).
package struct InboxProcessor: Sendable {
    /// How long a file must have been left untouched before it is taken.
    package static let quietPeriod: TimeInterval = 2
    package static let partialSuffixes = [
        ".part", ".partial", ".tmp", ".crdownload", ".filepart", ".download", ".swp", "~",
    ]

    package let inbox: String
    package let intake: SubmissionIntake

    package var archive: String { inbox + "/archive" }
    package var rejected: String { inbox + "/rejected" }

    package init(inbox: String, intake: SubmissionIntake) {
        self.inbox = inbox
        self.intake = intake
    }

    /// The inbox of a state directory: `<state>/inbox`.
    package init(stateDirectory: String, intake: SubmissionIntake) {
        self.init(inbox: stateDirectory + "/inbox", intake: intake)
    }

    /// Creates `inbox/`, `inbox/archive/` and `inbox/rejected/` if missing (the daemon does it at start,
    /// so admins see where to drop files).
    package func prepare() throws(InboxError) {
        for directory in [inbox, archive, rejected] {
            try InboxFiles.ensureDirectory(directory)
        }
    }

    /// Processes every file that is ready, oldest first (by modification time, then name), so
    /// that a corrected report dropped after the first one replaces it, whatever their names.
    ///
    /// - Parameters:
    ///   - now: the receipt time recorded for every file taken (the daemon's clock, or `--now`).
    ///   - modifiedBefore: files modified at or after this instant may still be being written and
    ///     wait for the next scan. File times are real, so this comes from the real clock
    ///     (`Date() - quietPeriod`) even when `now` is pretended.
    /// - Throws: only when the inbox itself cannot be created or listed; a problem with one file
    ///   is reported in the summary and the scan goes on.
    package func process(now: Date, modifiedBefore: Date) throws(InboxError) -> InboxSummary {
        try prepare()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inbox).sorted()
        } catch {
            throw InboxError(path: inbox, message: "cannot list: \(error.localizedDescription)")
        }
        let entries = names.filter { !$0.hasPrefix(".") }.compactMap { name -> (String, [FileAttributeKey: Any])? in
            // A file gone since the listing (taken by hand) is simply not there any more.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: inbox + "/" + name) else {
                return nil
            }
            return (name, attributes)
        }
        let ordered = entries.sorted { a, b in
            let ta = a.1[.modificationDate] as? Date ?? .distantPast
            let tb = b.1[.modificationDate] as? Date ?? .distantPast
            return ta != tb ? ta < tb : a.0 < b.0
        }
        var summary = InboxSummary()
        for (name, attributes) in ordered {
            process(name, attributes: attributes, now: now, modifiedBefore: modifiedBefore, into: &summary)
        }
        return summary
    }

    private func process(
        _ name: String, attributes: [FileAttributeKey: Any], now: Date, modifiedBefore: Date,
        into summary: inout InboxSummary
    ) {
        let path = inbox + "/" + name
        let type = attributes[.type] as? FileAttributeType
        if type == .typeDirectory { return }
        if Self.partialSuffixes.contains(where: { name.lowercased().hasSuffix($0) }) {
            summary.waiting.append(name)
            return
        }
        if let modified = attributes[.modificationDate] as? Date, modified >= modifiedBefore {
            summary.waiting.append(name)
            return
        }
        guard type == .typeRegular else {
            let what = type == .typeSymbolicLink ? "a symbolic link" : "not a regular file"
            let error = SubmissionError(
                code: .unsupportedType, file: name,
                message: "\(what): put the report file itself in the inbox")
            reject(name, error: error, now: now, into: &summary)
            return
        }
        do {
            // Checked before reading, so a large file of the wrong kind is never loaded.
            try SubmissionParser.checkFormat(name)
            try SubmissionParser.checkSize((attributes[.size] as? NSNumber)?.intValue ?? 0, fileName: name)
        } catch {
            reject(name, error: error, now: now, into: &summary)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            summary.failed.append(.init(fileName: name, reason: "cannot read the file (permission denied?)"))
            return
        }
        let receipt: SubmissionReceipt
        do {
            receipt = try intake.receive(data: data, fileName: name, receivedAt: now)
        } catch let error as SubmissionError {
            reject(name, error: error, now: now, into: &summary)
            return
        } catch {
            summary.failed.append(.init(fileName: name, reason: "could not record: \(error)"))
            return
        }
        do {
            let archivedAs = try InboxFiles.move(path, into: archive, name: name)
            summary.accepted.append(.init(fileName: name, archivedAs: archivedAs, receipt: receipt))
        } catch {
            summary.accepted.append(.init(fileName: name, archivedAs: nil, receipt: receipt))
            summary.failed.append(.init(fileName: name, reason: "recorded, but not moved to archive/: \(error)"))
        }
    }

    /// Links the file into `rejected/`, writes the notice beside it, then removes the inbox name.
    /// If the notice cannot be written the file stays in the inbox too, to be rejected again.
    private func reject(_ name: String, error: SubmissionError, now: Date, into summary: inout InboxSummary) {
        let path = inbox + "/" + name
        let notice = RejectionNotice.text(
            fileName: name, error: error, receivedAt: now, timeZone: intake.config.organization.timeZone)
        do {
            let rejectedAs = try InboxFiles.link(path, into: rejected, name: name, companion: ".error")
            try InboxFiles.createNew(rejected + "/" + rejectedAs + ".error", contents: Data(notice.utf8))
            try InboxFiles.remove(path)
            summary.rejected.append(.init(fileName: name, rejectedAs: rejectedAs, error: error))
        } catch let failure {
            summary.rejected.append(.init(fileName: name, rejectedAs: nil, error: error))
            summary.failed.append(.init(fileName: name, reason: "rejected, but not moved to rejected/: \(failure)"))
        }
    }
}
