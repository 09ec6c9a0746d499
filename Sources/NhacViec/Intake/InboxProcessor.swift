import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
///   `.filepart`, `.download`, `.swp` or `~`; and, in the daemon's own scans, a
///   file modified at or after `modifiedBefore` that inotify has not reported
///   closed or moved in. `run --once` takes every regular file present.
///
/// Files of other types (and symbolic links, FIFOs…) are rejected with an
/// explanation. Nothing is followed (DESIGN §10): names are opened relative to the
/// inbox folder with `O_NOFOLLOW` and the opened descriptor is checked; a
/// symlinked `archive/` or `rejected/` stops the scan (see `InboxFiles`).
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

    /// Creates `inbox/` (0700) if missing, refusing a symlinked one; the daemon does it at
    /// start, so admins see where to drop files and inotify can watch it. `archive/` and
    /// `rejected/` come with the first scan.
    package func prepare() throws(InboxError) {
        _ = try InboxFolder(path: inbox)
    }

    /// The three folders, open for one scan.
    struct Folders {
        let inbox: InboxFolder
        let archive: InboxFolder
        let rejected: InboxFolder

        init(inbox path: String) throws(InboxError) {
            inbox = try InboxFolder(path: path)
            archive = try InboxFolder("archive", in: inbox)
            rejected = try InboxFolder("rejected", in: inbox)
        }
    }

    /// Processes every file that is ready, oldest first (by modification time, then name), so
    /// that a corrected report dropped after the first one replaces it, whatever their names.
    ///
    /// - Parameters:
    ///   - now: the receipt time recorded for every file taken (the daemon's clock, or `--now`).
    ///   - modifiedBefore: nil takes every regular file present (`run --once`). Otherwise files
    ///     modified at or after this instant may still be being written and wait, unless they
    ///     are in `closed`. File times are real, so this comes from the real clock
    ///     (`Date() - quietPeriod`) even when `now` is pretended.
    ///   - closed: names inotify reported closed after writing, or moved in: complete, taken at once.
    /// - Throws: only when the inbox itself cannot be created, opened or listed; a problem with
    ///   one file is reported in the summary and the scan goes on.
    package func process(now: Date, modifiedBefore: Date? = nil, closed: Set<String> = []) throws(InboxError)
        -> InboxSummary
    {
        let folders = try Folders(inbox: inbox)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inbox).sorted()
        } catch {
            throw InboxError(path: inbox, message: "cannot list: \(error.localizedDescription)")
        }
        let entries = names.filter { !$0.hasPrefix(".") }.compactMap { name -> (String, stat)? in
            // A file gone since the listing (taken by hand) is simply not there any more.
            var info = stat()
            guard fstatat(folders.inbox.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return (name, info)
        }
        let ordered = entries.sorted { a, b in
            let ta = Self.modified(a.1)
            let tb = Self.modified(b.1)
            return ta != tb ? ta < tb : a.0 < b.0
        }
        var summary = InboxSummary()
        for (name, info) in ordered {
            let isFresh = modifiedBefore.map { Self.modified(info) >= $0 } ?? false
            let wait = isFresh && !closed.contains(name)
            process(name, info: info, folders: folders, now: now, wait: wait, into: &summary)
        }
        return summary
    }

    private static func modified(_ info: stat) -> Date {
        Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
    }

    /// One file, as the listing saw it (`info`, from `fstatat` without following): by the
    /// time it is opened it may have been swapped, which `O_NOFOLLOW` and `fstat` catch.
    func process(
        _ name: String, info: stat, folders: Folders, now: Date, wait: Bool, into summary: inout InboxSummary
    ) {
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return }
        if Self.partialSuffixes.contains(where: { name.lowercased().hasSuffix($0) }) {
            summary.waiting.append(name)
            return
        }
        if wait {
            summary.waiting.append(name)
            return
        }
        guard type == S_IFREG else {
            reject(
                name, error: notRegular(name, isLink: type == S_IFLNK), folders: folders, now: now, into: &summary)
            return
        }
        let data: Data
        do throws(SubmissionError) {
            // Checked before opening, so a large file of the wrong kind is never touched.
            try SubmissionParser.checkFormat(name, messages: messages)
            let fd = openat(folders.inbox.descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else {
                let code = errno
                if code == ELOOP {
                    // Swapped for a symbolic link since the listing: never read through it.
                    throw notRegular(name, isLink: true)
                }
                if code == ENOENT { return }
                summary.failed.append(.init(fileName: name, reason: "cannot open: \(InboxFiles.describe(code))"))
                return
            }
            defer { close(fd) }
            data = try SubmissionFile.read(descriptor: fd, fileName: name, issueFile: name, messages: messages)
        } catch {
            if error.code == .unreadable {
                summary.failed.append(.init(fileName: name, reason: "cannot read the file: \(error)"))
            } else {
                reject(name, error: error, folders: folders, now: now, into: &summary)
            }
            return
        }
        let receipt: SubmissionReceipt
        do {
            receipt = try intake.receive(data: data, fileName: name, receivedAt: now)
        } catch let error as SubmissionError {
            reject(name, error: error, folders: folders, now: now, into: &summary)
            return
        } catch {
            summary.failed.append(.init(fileName: name, reason: "could not record: \(error)"))
            return
        }
        do {
            let archivedAs = try InboxFiles.link(
                name, from: folders.inbox, into: folders.archive, as: InboxFiles.fitted(name, reserve: 0))
            try InboxFiles.remove(name, in: folders.inbox)
            summary.accepted.append(.init(fileName: name, archivedAs: archivedAs, receipt: receipt))
        } catch {
            summary.accepted.append(.init(fileName: name, archivedAs: nil, receipt: receipt))
            summary.failed.append(.init(fileName: name, reason: "recorded, but not moved to archive/: \(error)"))
        }
    }

    private var messages: SubmissionMessages { SubmissionMessages(intake.config) }

    private func notRegular(_ name: String, isLink: Bool) -> SubmissionError {
        SubmissionError(code: .unsupportedType, file: name, message: messages.notInboxFile(isLink: isLink))
    }

    /// Links the file into `rejected/` under a name whose `.error` notice fits, writes the
    /// notice beside it, then removes the inbox name. If the notice cannot be written the
    /// link is taken back and the file stays in the inbox alone, to be rejected again.
    private func reject(
        _ name: String, error: SubmissionError, folders: Folders, now: Date, into summary: inout InboxSummary
    ) {
        let notice = RejectionNotice.text(
            fileName: name, error: error, receivedAt: now, timeZone: intake.config.organization.timeZone,
            language: intake.config.organization.language)
        let suffix = ".error"
        var linked: String?
        do {
            let rejectedAs = try InboxFiles.link(
                name, from: folders.inbox, into: folders.rejected,
                as: InboxFiles.fitted(name, reserve: suffix.utf8.count), companion: suffix)
            linked = rejectedAs
            try InboxFiles.createNew(rejectedAs + suffix, in: folders.rejected, contents: Data(notice.utf8))
            linked = nil
            try InboxFiles.remove(name, in: folders.inbox)
            summary.rejected.append(.init(fileName: name, rejectedAs: rejectedAs, error: error))
        } catch let failure {
            if let linked { try? InboxFiles.remove(linked, in: folders.rejected) }
            summary.rejected.append(.init(fileName: name, rejectedAs: nil, error: error))
            summary.failed.append(.init(fileName: name, reason: "rejected, but not moved to rejected/: \(failure)"))
        }
    }
}
