import Foundation
import GRDB

/// A `delivery` row (the ledger), as GRDB reads it.
struct DeliveryRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "delivery"

    var key: String
    var duty: String
    var occurrence: String
    var step: String
    var recipient: String
    var channel: String
    var status: String
    var attempts: Int
    var nextAttemptAt: Date?
    var lastError: String?
    var reply: String?
    var messageKey: String?
    var skipReason: String?
    var createdAt: Date
    var updatedAt: Date
    var sentAt: Date?

    enum CodingKeys: String, CodingKey {
        case key, duty, occurrence, step, recipient, channel, status, attempts, reply
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case messageKey = "message_key"
        case skipReason = "skip_reason"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case sentAt = "sent_at"
    }

    /// Nil when the status is not one of ours (the CHECK constraint makes that a hand edit).
    var entry: LedgerEntry? {
        guard let status = DeliveryStatus(rawValue: status) else { return nil }
        return LedgerEntry(
            key: key, duty: duty, occurrence: occurrence, step: step, recipient: recipient, channel: channel,
            status: status, attempts: attempts, nextAttemptAt: nextAttemptAt, lastError: lastError, reply: reply,
            messageKey: messageKey, skipReason: skipReason, createdAt: createdAt, updatedAt: updatedAt,
            sentAt: sentAt)
    }
}
