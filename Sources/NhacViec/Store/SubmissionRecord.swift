import Foundation
import GRDB

/// A `submission` row: one received report, current or superseded.
struct SubmissionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "submission"

    var id: Int64?
    var duty: String
    var occurrence: String
    var unit: String
    var report: String
    var period: String?
    /// GRDB stores arrays as JSON text.
    var difficulties: [String]
    var proposals: [String]
    var body: String
    var receivedAt: Date
    var sourceName: String
    var recordedAt: Date
    var replacesID: Int64?
    var supersededByID: Int64?
    var supersededAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, duty, occurrence, unit, report, period, difficulties, proposals, body
        case receivedAt = "received_at"
        case sourceName = "source_name"
        case recordedAt = "recorded_at"
        case replacesID = "replaces_id"
        case supersededByID = "superseded_by_id"
        case supersededAt = "superseded_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
