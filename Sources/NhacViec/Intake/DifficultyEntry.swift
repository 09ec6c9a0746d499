/// One difficulty as a unit wrote it (DESIGN §7, §14): a string, or `{text, task}`.
package struct DifficultyEntry: Sendable, Hashable {
    package var text: String
    /// A plan task id the difficulty concerns, checked against the config.
    package var task: String?

    package init(text: String, task: String? = nil) {
        self.text = text
        self.task = task
    }
}
