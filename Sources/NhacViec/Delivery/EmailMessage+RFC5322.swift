extension EmailMessage {
    /// The message as RFC 5322/MIME bytes with CRLF line ends: exactly what SMTP
    /// carries after `DATA` (before dot-stuffing, which libcurl does) and what the
    /// outbox stores.
    ///
    /// Text parts are UTF-8 quoted-printable, attachments base64; with an HTML body
    /// the text is `multipart/alternative`, and attachments wrap it all in
    /// `multipart/mixed`. Boundaries start with `=_`, which neither encoding can
    /// produce, and are derived from the key, so rendering is deterministic.
    package func rendered() -> [UInt8] {
        if let prerendered { return prerendered }
        var head = ""
        head += "Date: \(RFC5322Date.format(date, timeZone: timeZone))\r\n"
        head += MIMEEncoding.addressField("From", [from])
        if !to.isEmpty { head += MIMEEncoding.addressField("To", to) }
        if !cc.isEmpty { head += MIMEEncoding.addressField("Cc", cc) }
        head += MIMEEncoding.unstructuredField("Subject", subject)
        // Never folded: some clients keep the folding space as part of the id and then
        // fail to thread replies. Its length is capped far below 998 (DeliveryKey).
        head += "Message-ID: \(messageID)\r\n"
        // RFC 3834: tells auto-responders (vacation replies) not to answer.
        if let replyTo { head += MIMEEncoding.addressField("Reply-To", [replyTo]) }
        if let inReplyTo, Self.isValidMessageID(inReplyTo) { head += "In-Reply-To: \(inReplyTo)\r\n" }
        let references = references.filter(Self.isValidMessageID)
        if !references.isEmpty { head += MIMEEncoding.foldedField("References", references) }
        head += "Auto-Submitted: \(autoSubmitted.rawValue)\r\n"
        for header in extraHeaders {
            head += MIMEEncoding.unstructuredField(header.name, header.value)
        }
        head += "MIME-Version: 1.0\r\n"
        return Array((head + bodyEntity() + "\r\n").utf8)
    }

    /// The top-level entity: its content headers, a blank line and its body.
    private func bodyEntity() -> String {
        let hash = DeliveryKey.hash(key)
        let text = textEntity(textBody, subtype: "plain")
        var content = text
        if let htmlBody {
            content = multipart(
                "alternative", boundary: "=_nv-alt-\(hash)", parts: [text, textEntity(htmlBody, subtype: "html")])
        }
        if !attachments.isEmpty {
            content = multipart(
                "mixed", boundary: "=_nv-mix-\(hash)", parts: [content] + attachments.map(attachmentEntity))
        }
        return content
    }

    private func textEntity(_ text: String, subtype: String) -> String {
        "Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + MIMEEncoding.quotedPrintable(text)
    }

    private func multipart(_ subtype: String, boundary: String, parts: [String]) -> String {
        var body = "Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\"\r\n\r\n"
        for part in parts {
            body += "--\(boundary)\r\n" + part + "\r\n"
        }
        return body + "--\(boundary)--"
    }

    private func attachmentEntity(_ attachment: Attachment) -> String {
        let name = Self.safeFilename(attachment.filename)
        let disposition = MIMEEncoding.foldedField(
            "Content-Disposition", ["attachment;"] + Self.joinedParameters(MIMEEncoding.filenameParameters(name)))
        return "Content-Type: \(Self.safeContentType(attachment.contentType))\r\n"
            + "Content-Transfer-Encoding: base64\r\n" + disposition + "\r\n"
            + MIMEEncoding.base64Lines(attachment.data)
    }

    private static func joinedParameters(_ parameters: [String]) -> [String] {
        parameters.enumerated().map { index, parameter in index < parameters.count - 1 ? parameter + ";" : parameter }
    }

    /// A file name without control characters or path separators.
    static func safeFilename(_ filename: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in MIMEEncoding.headerText(filename).unicodeScalars {
            scalars.append(scalar == "/" || scalar == "\\" ? "_" : scalar)
        }
        let name = String(scalars)
        return name.isEmpty || name == "." || name == ".." ? "attachment" : name
    }

    /// `type/subtype` in lower case if both are MIME tokens, else `application/octet-stream`.
    static func safeContentType(_ contentType: String) -> String {
        let token = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-")
        let parts = contentType.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 64 && $0.allSatisfy(token.contains) })
        else { return "application/octet-stream" }
        return parts.joined(separator: "/")
    }
}
