/// Parses RFC 5322/MIME messages as mail clients write them: nested
/// multiparts, base64 and quoted-printable, `message/rfc822` parts.
///
/// Lenient by design, like a mail reader: a missing closing boundary ends the
/// part at the end of the data, unknown encodings are taken as they are, and
/// nothing throws. Nesting is capped so a hostile message cannot recurse forever.
package enum MIMEParser {
    static let maximumDepth = 20

    package static func parse(_ bytes: [UInt8]) -> MIMEEntity {
        parse(bytes[...], depth: 0, defaultType: "text/plain; charset=us-ascii")
    }

    static func parse(_ bytes: ArraySlice<UInt8>, depth: Int, defaultType: String) -> MIMEEntity {
        let header: MIMEHeader
        let body: ArraySlice<UInt8>
        if let split = MIMEBytes.bodyStart(bytes) {
            header = MIMEHeader(bytes: bytes[bytes.startIndex..<split.headerEnd])
            body = bytes[split.bodyStart...]
        } else if let first = bytes.first, first == UInt8(ascii: "\r") || first == UInt8(ascii: "\n") {
            header = MIMEHeader(fields: [])
            body = bytes
        } else {
            header = MIMEHeader(bytes: bytes)
            body = []
        }
        var contentType = MIMEFieldValue(header.raw("Content-Type") ?? defaultType)
        if !contentType.value.contains("/") { contentType = MIMEFieldValue(defaultType) }
        let disposition = header.raw("Content-Disposition").map(MIMEFieldValue.init)
        var entity = MIMEEntity(
            header: header, contentType: contentType, disposition: disposition, content: [], parts: [],
            encapsulated: [], encodedSize: bytes.count)
        guard depth < maximumDepth else { return entity }
        if contentType.value.hasPrefix("multipart/"), let boundary = contentType.parameters["boundary"],
            !boundary.isEmpty
        {
            let childType = contentType.value == "multipart/digest" ? "message/rfc822" : "text/plain; charset=us-ascii"
            entity.parts = split(body, boundary: boundary).map { parse($0, depth: depth + 1, defaultType: childType) }
            return entity
        }
        let encoding = header.raw("Content-Transfer-Encoding")?.trimmingSpaces.lowercased() ?? "7bit"
        switch encoding {
        case "base64": entity.content = MIMEBytes.base64(body)
        case "quoted-printable": entity.content = MIMEBytes.quotedPrintable(body)
        default: entity.content = Array(body)
        }
        if contentType.value == "message/rfc822" || contentType.value == "message/global" {
            entity.encapsulated = [
                parse(entity.content[...], depth: depth + 1, defaultType: "text/plain; charset=us-ascii")
            ]
        }
        return entity
    }

    /// The body parts between `--boundary` lines; the preamble and epilogue are dropped.
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        var index = body.startIndex
        while lineStart < body.endIndex {
            index = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let line = body[lineStart..<index]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                let trailing = isClose ? rest.dropFirst(2) : rest
                if trailing.allSatisfy({
                    $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
                }) {
                    if let start = partStart {
                        // The line break before the delimiter belongs to the delimiter.
                        var end = lineStart
                        if end > start, body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                        if end > start, body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if isClose { return parts }
                    partStart = index < body.endIndex ? index + 1 : body.endIndex
                }
            }
            lineStart = index < body.endIndex ? index + 1 : body.endIndex
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }
}
