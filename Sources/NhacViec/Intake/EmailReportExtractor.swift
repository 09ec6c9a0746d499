/// Finds the reports in a message (DESIGN §12): its attachments that are
/// reports (`.md`, `.markdown`, `.yaml`, `.yml`, `.docx`), else its body when
/// the body holds front matter (the plain-text part, or the text of an
/// HTML-only body; a forwarded message's body when the message's own has none).
///
/// In a body, the front matter may follow a greeting; quoted lines (`>`) and
/// everything from a reply header on ("On … wrote:", "Vào … đã viết:",
/// Outlook's "-----Original Message-----" or "From:/Sent:" block) are ignored.
package enum EmailReportExtractor {
    /// An attachment over this size is refused with a reply (DESIGN §12).
    package static let maximumAttachmentSize = 10 * 1024 * 1024
    /// A message over this size is refused with a reply, unread (DESIGN §12).
    package static let maximumMessageSize = 25 * 1024 * 1024
    package static let reportExtensions: Set<String> = ["md", "markdown", "yaml", "yml", "docx"]

    /// One report found in a message.
    package struct Found: Sendable, Hashable {
        package enum Origin: Sendable, Hashable {
            case attachment
            /// The message body; `firstLine` is the body line (1-based) where the front matter starts.
            case body(firstLine: Int)
        }
        /// The attachment's file name, or `noi-dung-thu.md` for the body.
        package var fileName: String
        package var origin: Origin
        package var data: [UInt8]
    }

    /// A part that looked like a report but cannot be read.
    package struct Problem: Sendable, Hashable {
        package var fileName: String
        package var message: String
    }

    package struct Result: Sendable, Hashable {
        package var reports: [Found] = []
        package var problems: [Problem] = []
    }

    package static let bodyFileName = "noi-dung-thu.md"

    /// The reports in `email`; `messages` words the problems (the organization's language).
    package static func extract(_ email: IncomingEmail, messages: SubmissionMessages) -> Result {
        var result = Result()
        for entity in email.root.allEntities where entity.parts.isEmpty && entity.encapsulated.isEmpty {
            guard let name = entity.fileName, let ext = fileExtension(name), reportExtensions.contains(ext) else {
                continue
            }
            if entity.content.count > maximumAttachmentSize {
                result.problems.append(
                    Problem(
                        fileName: name,
                        message: messages.attachmentTooLarge(
                            size: entity.content.count, maximum: maximumAttachmentSize)))
                continue
            }
            result.reports.append(Found(fileName: name, origin: .attachment, data: entity.content))
        }
        if !result.reports.isEmpty || !result.problems.isEmpty { return result }
        for message in [email.root] + email.root.allEntities.flatMap(\.encapsulated) {
            guard let text = bodyText(of: message), let found = frontMatter(inBody: text) else { continue }
            result.reports.append(
                Found(fileName: bodyFileName, origin: .body(firstLine: found.firstLine), data: Array(found.text.utf8)))
            break
        }
        return result
    }

    static func fileExtension(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The readable body of one message, not descending into forwarded messages:
    /// the first inline `text/plain`, else the first `text/html` as text.
    static func bodyText(of message: MIMEEntity) -> String? {
        var plain: String?
        var html: String?
        func visit(_ entity: MIMEEntity) {
            if !entity.parts.isEmpty {
                entity.parts.forEach(visit)
                return
            }
            guard !entity.isAttachment, entity.disposition?.value != "attachment" else { return }
            if entity.contentType.value == "text/plain", plain == nil { plain = entity.text }
            if entity.contentType.value == "text/html", html == nil { html = EmailHTMLText.text(entity.text) }
        }
        visit(message)
        return (plain ?? html).map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
    }

    /// The front matter and what follows it in a body, cut at the quoted part.
    static func frontMatter(inBody text: String) -> (text: String, firstLine: Int)? {
        // `\.isNewline`: a CRLF is one Character in Swift, never equal to "\n".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var kept: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if isReplyHeader(line, next: index + 1 < lines.count ? lines[index + 1] : nil) { break }
            kept.append(line.hasPrefix(">") ? "" : line)
            index += 1
        }
        guard let start = kept.firstIndex(where: { $0.trimmingSpaces == "---" }) else { return nil }
        var report = Array(kept[start...])
        report[0] = "---"
        while let last = report.last, last.trimmingSpaces.isEmpty { report.removeLast() }
        return (report.joined(separator: "\n") + "\n", start + 1)
    }

    /// A line that starts the quoted original in a reply.
    static func isReplyHeader(_ line: String, next: String?) -> Bool {
        let trimmed = line.trimmingSpaces
        let joined = next.map { trimmed + " " + $0.trimmingSpaces } ?? trimmed
        if trimmed.hasPrefix("On "), trimmed.hasSuffix("wrote:") || joined.hasSuffix("wrote:") { return true }
        if trimmed.hasPrefix("Vào "), trimmed.hasSuffix("đã viết:") || joined.hasSuffix("đã viết:") { return true }
        if trimmed.hasPrefix("Le "), trimmed.hasSuffix("a écrit :") { return true }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("-----original message") || lower.hasPrefix("-----thư gốc") { return true }
        if trimmed.count >= 20, trimmed.allSatisfy({ $0 == "_" }) { return true }
        if let next = next?.trimmingSpaces {
            if trimmed.hasPrefix("From:"), next.hasPrefix("Sent:") || next.hasPrefix("Date:") { return true }
            if trimmed.hasPrefix("Từ:"), next.hasPrefix("Đã gửi:") || next.hasPrefix("Ngày:") { return true }
        }
        return false
    }
}
