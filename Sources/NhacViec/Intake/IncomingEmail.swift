/// A message taken from the mailbox, parsed, with what intake decides on:
/// who sent it, whether it is automatic (RFC 3834), how to thread a reply.
package struct IncomingEmail: Sendable {
    package let raw: [UInt8]
    package let root: MIMEEntity

    package init(raw: [UInt8]) {
        self.raw = raw
        self.root = MIMEParser.parse(raw)
    }

    package var header: MIMEHeader { root.header }

    /// `From`'s address (the first mailbox), lower-cased domain kept as written.
    package var from: Mailbox? {
        header.text("From").flatMap(Self.firstMailbox)
    }

    /// Where a reply goes: `Reply-To` when it names a mailbox, else `From`.
    package var replyTo: Mailbox? {
        header.text("Reply-To").flatMap(Self.firstMailbox) ?? from
    }

    package var subject: String { header.text("Subject")?.trimmingSpaces ?? "" }

    /// `<id@host>` as written, or nil.
    package var messageID: String? {
        guard let raw = header.raw("Message-ID")?.trimmingSpaces, raw.hasPrefix("<"), raw.hasSuffix(">"),
            raw.count > 2, raw.utf8.count < 900, !raw.contains(" ")
        else { return nil }
        return raw
    }

    /// The ids in `References` (falling back to `In-Reply-To`), oldest first.
    package var references: [String] {
        let text = header.raw("References") ?? header.raw("In-Reply-To") ?? ""
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init).filter {
            $0.hasPrefix("<") && $0.hasSuffix(">") && $0.utf8.count < 900
        }
    }

    /// RFC 3834 §2 and common practice: a message no program may answer. Delivery
    /// reports, `Auto-Submitted` other than `no`, `Precedence: bulk|list|junk`, a null
    /// `Return-Path`, mailing-list and autoresponder markers.
    package var isAutomatic: Bool {
        if let value = header.raw("Auto-Submitted")?.trimmingSpaces.lowercased(), !value.isEmpty,
            !(value == "no" || value.hasPrefix("no;") || value.hasPrefix("no "))
        {
            return true
        }
        if let precedence = header.raw("Precedence")?.trimmingSpaces.lowercased(),
            ["bulk", "list", "junk"].contains(precedence)
        {
            return true
        }
        if let returnPath = header.raw("Return-Path")?.replacingOccurrences(of: " ", with: ""), returnPath == "<>" {
            return true
        }
        let type = root.contentType
        if type.value == "multipart/report" || type.value == "message/delivery-status"
            || type.value == "message/disposition-notification"
        {
            return true
        }
        for name in ["List-Id", "List-Unsubscribe", "X-Autoreply", "X-Autorespond"] where header.raw(name) != nil {
            return true
        }
        if let from = from?.address.lowercased(),
            from.hasPrefix("mailer-daemon@") || from.hasPrefix("postmaster@") || from.hasPrefix("noreply@")
                || from.hasPrefix("no-reply@")
        {
            return true
        }
        return false
    }

    /// Whether the topmost field `name` matches the glob (`*`, `?`), without case.
    package func topmostHeader(_ name: String, matches pattern: String) -> Bool {
        guard let value = header.raw(name) else { return false }
        return Glob.matches(Array(pattern.lowercased().unicodeScalars), Array(value.lowercased().unicodeScalars))
    }

    /// The first mailbox of an address list: `Name <a@b>`, `"Name, X" <a@b>`, or `a@b`.
    static func firstMailbox(_ text: String) -> Mailbox? {
        var inQuotes = false
        var current = ""
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if character == ",", !inQuotes { break }
            current.append(character)
        }
        if let open = current.lastIndex(of: "<"), let close = current.lastIndex(of: ">"), open < close {
            let address = String(current[current.index(after: open)..<close]).trimmingSpaces
            var name = String(current[..<open]).trimmingSpaces
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            return Mailbox(displayName: name.isEmpty ? nil : name, address: address)
        }
        return Mailbox(address: current.trimmingSpaces)
    }
}

/// `*` and `?` wildcards over Unicode scalars, iteratively (no recursion blow-up).
enum Glob {
    static func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if let star {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
