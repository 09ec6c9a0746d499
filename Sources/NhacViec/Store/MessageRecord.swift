import Foundation
import GRDB

/// A `message` row: the header of one email or webhook call that carries ledger items.
struct MessageRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "message"

    var key: String
    /// ``Recipient/storageTag``.
    var recipient: String
    var channel: String
    /// Storage tags; GRDB stores the array as JSON text.
    var cc: [String]
    var at: Date
    var createdAt: Date
    var deadReportedAt: Date?

    enum CodingKeys: String, CodingKey {
        case key, recipient, channel, cc, at
        case createdAt = "created_at"
        case deadReportedAt = "dead_reported_at"
    }
}
