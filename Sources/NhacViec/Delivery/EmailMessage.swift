import Foundation

/// One email as the daemon means it, before rendering to RFC 5322 bytes.
///
/// Render with ``rendered()``; the same message always renders to the same bytes
/// (boundaries and `Message-ID` come from ``key``), so a resend after a crash
/// and the outbox copy are byte-identical. Text may contain anything: control
/// characters are replaced by spaces in headers, and every header field is
/// encoded so no value can start a new header line.
package struct EmailMessage: Sendable, Equatable {
    /// A file attached to the message (`multipart/mixed`).
    package struct Attachment: Sendable, Equatable {
        /// Shown to the reader; any Unicode (RFC 2231-encoded). Path separators become `_`.
        package var filename: String
        /// `type/subtype`; anything malformed is sent as `application/octet-stream`.
        package var contentType: String
        package var data: [UInt8]

        package init(filename: String, contentType: String, data: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    /// An additional header such as `X-Nhacviec-Duty`. The name must be a valid
    /// field name and not one the renderer writes itself; the value is encoded
    /// like `Subject`.
    package struct ExtraHeader: Sendable, Equatable {
        package let name: String
        package let value: String

        package init?(name: String, value: String) {
            guard !name.isEmpty, name.utf8.count <= 76,
                name.unicodeScalars.allSatisfy({ $0.value >= 33 && $0.value <= 126 && $0 != ":" }),
                !Self.reserved.contains(name.lowercased())
            else { return nil }
            self.name = name
            self.value = value
        }

        static let reserved: Set<String> = [
            "date", "from", "sender", "reply-to", "to", "cc", "bcc", "subject", "message-id", "in-reply-to",
            "references", "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
            "auto-submitted", "return-path", "received",
        ]
    }

    /// The delivery key: becomes the `Message-ID` and seeds the MIME boundaries.
    package var key: String
    package var from: Mailbox
    package var to: [Mailbox]
    package var cc: [Mailbox]
    package var subject: String
    package var textBody: String
    /// With an HTML body the message is `multipart/alternative`.
    package var htmlBody: String?
    package var attachments: [Attachment]
    package var date: Date
    /// The zone of the `Date` header (the organisation's, +0700 for Asia/Ho_Chi_Minh).
    package var timeZone: TimeZone
    package var extraHeaders: [ExtraHeader]

    package init(
        key: String, from: Mailbox, to: [Mailbox], cc: [Mailbox] = [], subject: String, textBody: String,
        htmlBody: String? = nil, attachments: [Attachment] = [], date: Date, timeZone: TimeZone,
        extraHeaders: [ExtraHeader] = []
    ) {
        self.key = key
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.date = date
        self.timeZone = timeZone
        self.extraHeaders = extraHeaders
    }

    /// Envelope recipients: To then Cc, each address once (compared case-insensitively).
    package var envelopeRecipients: [String] {
        var seen: Set<String> = []
        return (to + cc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }

    /// `<id-left@domain-of-from>`, derived from ``key`` only: the id-left is
    /// ``DeliveryKey/encoded(_:)``, the same text as the outbox file name.
    package var messageID: String {
        "<\(DeliveryKey.encoded(key))@\(from.domain)>"
    }
}
