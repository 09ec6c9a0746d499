/// Splits a Markdown report into its YAML front matter and its body.
///
/// The YAML handed to Yams is the file's text from its very first character up
/// to the closing `---` line, opening `---` included: YAML reads that line as a
/// document start, so every mark Yams reports is already a line and column of
/// the original file and needs no offset.
struct FrontMatter {
    /// From the start of the file to just before the closing delimiter line.
    let yaml: String
    /// Everything after the closing delimiter line, unchanged.
    let body: String

    /// Line text without its terminator; a delimiter may carry trailing blanks (and a CR).
    private static func isDelimiter(_ line: Substring.UnicodeScalarView) -> Bool {
        var text = String(String.UnicodeScalarView(line))
        while let last = text.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            text.unicodeScalars.removeLast()
        }
        return text == "---"
    }

    /// Splits `text`, or throws a located issue when the front matter is missing or not closed.
    static func split(_ text: String, file: String, messages: SubmissionMessages) throws(SubmissionError)
        -> FrontMatter
    {
        let scalars = text.unicodeScalars
        guard !scalars.isEmpty else { throw missingStart(file, messages) }
        var lineStart = scalars.startIndex
        var lineNumber = 1
        while lineStart < scalars.endIndex {
            let lineEnd = scalars[lineStart...].firstIndex(of: "\n") ?? scalars.endIndex
            let line = scalars[lineStart..<lineEnd]
            if lineNumber == 1 {
                guard isDelimiter(line) else { throw missingStart(file, messages) }
            } else if isDelimiter(line) {
                let bodyStart = lineEnd < scalars.endIndex ? scalars.index(after: lineEnd) : lineEnd
                return FrontMatter(
                    yaml: String(String.UnicodeScalarView(scalars[..<lineStart])),
                    body: String(String.UnicodeScalarView(scalars[bodyStart...])))
            }
            guard lineEnd < scalars.endIndex else { break }
            lineStart = scalars.index(after: lineEnd)
            lineNumber += 1
        }
        throw SubmissionError(code: .syntax, file: file, line: 1, column: 1, message: messages.frontMatterUnclosed)
    }

    private static func missingStart(_ file: String, _ messages: SubmissionMessages) -> SubmissionError {
        SubmissionError(code: .syntax, file: file, line: 1, column: 1, message: messages.frontMatterMissing)
    }
}
