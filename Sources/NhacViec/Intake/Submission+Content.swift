extension Submission {
    /// What the unit said, as one canonical string: every field except when and
    /// under which file name it arrived. Two submissions with the same key are the
    /// same report sent twice (`SubmissionSink` uses it to make a repeat harmless).
    ///
    /// Compact JSON with fields in a fixed order; store it as is and compare it for equality.
    package var contentKey: String {
        let tasks: [JSONValue] = tasks.map { task in
            .object([
                ("id", .string(task.id)), ("status", .string(task.status.rawValue)),
                ("progress", task.progress.map(JSONValue.int) ?? .null),
                ("note", task.note.map(JSONValue.string) ?? .null),
            ])
        }
        return JSONValue.object([
            ("unit", .string(unit)), ("report", .string(report)), ("period", period.map(JSONValue.string) ?? .null),
            ("tasks", .array(tasks)), ("difficulties", .array(difficulties.map(JSONValue.string))),
            ("proposals", .array(proposals.map(JSONValue.string))), ("body", .string(body)),
        ]).rendered
    }
}
