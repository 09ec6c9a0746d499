/// What one inbox scan did, file by file, for the log.
package struct InboxSummary: Sendable {
    /// Recorded by the sink and moved to `archive/`.
    package struct Accepted: Sendable {
        package let fileName: String
        /// The name under `archive/`; nil when the move failed (the file stays in the inbox,
        /// and the next scan finds it again and the sink reports it unchanged).
        package let archivedAs: String?
        package let receipt: SubmissionReceipt
    }

    /// Moved to `rejected/` with `<rejectedAs>.error` beside it.
    package struct Rejected: Sendable {
        package let fileName: String
        /// The name under `rejected/`; nil when the move failed (see `failed`).
        package let rejectedAs: String?
        package let error: SubmissionError
    }

    /// Left in the inbox to be tried again: the sink or the file system failed.
    package struct Failed: Sendable {
        package let fileName: String
        package let reason: String
    }

    package var accepted: [Accepted] = []
    package var rejected: [Rejected] = []
    package var failed: [Failed] = []
    /// Left for a later scan: still being written (modified too recently, or a partial-download name).
    package var waiting: [String] = []

    package var isEmpty: Bool { accepted.isEmpty && rejected.isEmpty && failed.isEmpty && waiting.isEmpty }

    /// One line per file that was accepted, rejected or failed (waiting files are not news).
    package var logLines: [String] {
        var lines: [String] = []
        for item in accepted {
            let place = item.archivedAs.map { "archive/\(Self.shown($0))" } ?? "chưa chuyển được vào archive/"
            lines.append("\(Self.shown(item.fileName)) → \(place): \(item.receipt.summary)")
        }
        for item in rejected {
            let place =
                item.rejectedAs.map { "rejected/\(Self.shown($0)) (xem \(Self.shown($0)).error)" }
                ?? "chưa chuyển được vào rejected/"
            let first = item.error.issues.first.map(\.description) ?? ""
            let more = item.error.issues.count > 1 ? " (và \(item.error.issues.count - 1) lỗi khác)" : ""
            lines.append("\(Self.shown(item.fileName)) → \(place): không tiếp nhận: \(first)\(more)")
        }
        for item in failed {
            lines.append("\(Self.shown(item.fileName)): để lại trong inbox, sẽ thử lại: \(item.reason)")
        }
        return lines
    }

    /// A file name as a log line may show it: a name can hold a line break or an escape sequence.
    static func shown(_ name: String) -> String {
        DisplayText.elided(DisplayText.escaped(name))
    }
}
