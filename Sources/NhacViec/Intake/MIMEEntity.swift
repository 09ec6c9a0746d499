/// One MIME entity (a whole message or one part of it), parsed.
///
/// Leaves keep their content already transfer-decoded (base64 and
/// quoted-printable undone); multiparts keep their children, and a
/// `message/rfc822` part (a forwarded message) keeps the message it holds.
package struct MIMEEntity: Sendable {
    package var header: MIMEHeader
    /// `Content-Type`; `text/plain; charset=us-ascii` when absent (RFC 2045), or
    /// `message/rfc822` inside a `multipart/digest`.
    package var contentType: MIMEFieldValue
    package var disposition: MIMEFieldValue?
    /// The transfer-decoded content of a leaf; empty for multiparts.
    package var content: [UInt8]
    /// The children of a multipart, in order.
    package var parts: [MIMEEntity]
    /// The message a `message/rfc822` part holds.
    package var encapsulated: [MIMEEntity]
    /// The size of the entity as received (header and body, still encoded).
    package var encodedSize: Int

    /// The file name: `Content-Disposition` `filename`, else `Content-Type` `name`.
    package var fileName: String? {
        let name = disposition?.parameters["filename"] ?? contentType.parameters["name"]
        guard let name, !name.isEmpty else { return nil }
        return name
    }

    /// Explicitly an attachment, or a named non-text part.
    package var isAttachment: Bool {
        if disposition?.value == "attachment" { return true }
        return fileName != nil && !contentType.value.hasPrefix("text/") && disposition?.value != "inline"
    }

    /// The text of a `text/*` leaf in its declared charset (UTF-8 or Latin-1 when
    /// that is unknown), NFC.
    package var text: String {
        MIMECharset.decodeLeniently(content, charset: contentType.parameters["charset"])
    }

    /// This entity and every entity inside it, depth first, forwarded messages included.
    package var allEntities: [MIMEEntity] {
        [self] + parts.flatMap(\.allEntities) + encapsulated.flatMap(\.allEntities)
    }
}
