/// The shapes a report file may have, told apart by the file name's extension.
package enum SubmissionFormat: Sendable, Hashable {
    /// `.md`, `.markdown`: YAML front matter between `---` lines, then free text.
    case markdown
    /// `.yaml`, `.yml`: the fields only.
    case yaml
    /// `.docx`: the unit's filled report form (DESIGN §13).
    case docx

    package static let extensions = ["md", "markdown", "yaml", "yml", "docx"]

    /// The format for a file name (extension compared without case), or nil for other files.
    package init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "yaml", "yml": self = .yaml
        case "docx": self = .docx
        default: return nil
        }
    }
}
