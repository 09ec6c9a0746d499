import GRDB

/// A `submission_task` row: one task line of a submission, in the order written.
struct SubmissionTaskRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "submission_task"

    var submissionID: Int64
    var position: Int
    var taskID: String
    var status: String
    var progress: Int?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case position, status, progress, note
        case submissionID = "submission_id"
        case taskID = "task_id"
    }
}
