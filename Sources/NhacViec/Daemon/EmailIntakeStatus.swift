import Foundation

/// The report mailbox as `status` shows it (DESIGN §12): the last poll, its
/// result, the messages left for the next poll, the last UID taken in, and the
/// replies and notices not yet sent.
package struct EmailIntakeStatus: Sendable {
    package var lastPoll: String?
    package var result: String?
    package var backlog: Int?
    package var lastUID: Int?
    package var unsent: [StoredMessage]

    package static func read(_ store: StateStore) throws(StoreError) -> EmailIntakeStatus {
        EmailIntakeStatus(
            lastPoll: try store.metadata(EmailIntakePass.lastPollKey),
            result: try store.metadata(EmailIntakePass.resultKey),
            backlog: try store.metadata(EmailIntakePass.backlogKey).flatMap { Int($0) },
            lastUID: try store.metadata(EmailIntakePass.lastUIDKey).flatMap { Int($0) },
            unsent: try store.unfinishedStoredMessages())
    }

    /// `{"last_poll","result","backlog","last_uid"}`.
    package var json: JSONValue {
        .object([
            ("last_poll", lastPoll.map(JSONValue.string) ?? .null),
            ("result", result.map(JSONValue.string) ?? .null),
            ("backlog", backlog.map(JSONValue.int) ?? .null),
            ("last_uid", lastUID.map(JSONValue.int) ?? .null),
        ])
    }

    package var lines: [String] {
        var lines = [
            "Hộp thư nhận báo cáo: lần đọc gần nhất \(lastPoll ?? "chưa đọc")"
                + (result.map { " — \($0)" } ?? "") + (backlog.map { $0 > 0 ? "; còn \($0) thư chờ" : "" } ?? "")
        ]
        for message in unsent {
            lines.append(
                "  \(message.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(message.key)  (lần thử: \(message.attempts))"
            )
            if let error = message.lastError { lines.append("           lỗi: \(error)") }
        }
        return lines
    }
}
