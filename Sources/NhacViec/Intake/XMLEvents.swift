/// A small, strict pull reader for the XML of an Office package part: elements with
/// their attributes, and character data, in document order.
///
/// Only what OOXML parts use: no DTD at all (a part with `<!DOCTYPE` is refused, so no
/// entity can expand), the five predefined entities and character references, CDATA,
/// comments and processing instructions skipped. Iterative, so deep nesting cannot
/// exhaust the stack; malformed input throws instead of guessing.
struct XMLEvents {
    enum Event {
        case start(name: Substring, attributes: [(name: Substring, value: String)], selfClosing: Bool)
        case end(name: Substring)
        case text(String)
    }

    struct Malformed: Error {
        var message: String
        /// Byte offset in the part.
        var offset: Int
    }

    /// Every event of `xml`, in order. Throws at the first malformed construct.
    static func parse(_ xml: String) throws(Malformed) -> [Event] {
        var events: [Event] = []
        let bytes = Array(xml.utf8)
        var index = 0
        var open: [Substring] = []
        let text = Substring(xml)
        let utf8 = text.utf8
        func slice(_ from: Int, _ to: Int) -> Substring {
            let start = utf8.index(utf8.startIndex, offsetBy: from)
            let end = utf8.index(start, offsetBy: to - from)
            return text[start..<end]
        }
        func find(_ pattern: [UInt8], from: Int) -> Int? {
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
            var i = from
            while i + pattern.count <= bytes.count {
                if bytes[i] == pattern[0] && Array(bytes[i..<i + pattern.count]) == pattern { return i }
                i += 1
            }
            return nil
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                events.append(.text(try decodeEntities(slice(index, end), at: index)))
                index = end
                continue
            }
            if bytes.count > index + 1 && bytes[index + 1] == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), from: index + 2) else {
                    throw Malformed(message: "unclosed processing instruction", offset: index)
                }
                index = end + 2
            } else if slice(index, min(index + 4, bytes.count)) == "<!--" {
                guard let end = find(Array("-->".utf8), from: index + 4) else {
                    throw Malformed(message: "unclosed comment", offset: index)
                }
                index = end + 3
            } else if slice(index, min(index + 9, bytes.count)) == "<![CDATA[" {
                guard let end = find(Array("]]>".utf8), from: index + 9) else {
                    throw Malformed(message: "unclosed CDATA section", offset: index)
                }
                events.append(.text(String(slice(index + 9, end))))
                index = end + 3
            } else if bytes.count > index + 1 && bytes[index + 1] == UInt8(ascii: "!") {
                throw Malformed(message: "document type declarations are not allowed", offset: index)
            } else if bytes.count > index + 1 && bytes[index + 1] == UInt8(ascii: "/") {
                guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else {
                    throw Malformed(message: "unclosed end tag", offset: index)
                }
                let name = slice(index + 2, end).trimmingXMLSpace()
                guard let last = open.popLast(), last == name else {
                    throw Malformed(message: "end tag </\(name)> does not match", offset: index)
                }
                events.append(.end(name: name))
                index = end + 1
            } else {
                let (event, next) = try startTag(bytes, at: index, slice: slice)
                if case .start(let name, _, let selfClosing) = event, !selfClosing { open.append(name) }
                events.append(event)
                index = next
            }
        }
        guard open.isEmpty else {
            throw Malformed(message: "element <\(open[open.count - 1])> is never closed", offset: index)
        }
        return events
    }

    private static func startTag(_ bytes: [UInt8], at start: Int, slice: (Int, Int) -> Substring)
        throws(Malformed) -> (Event, Int)
    {
        var index = start + 1
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameEnd(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }
        let nameStart = index
        while index < bytes.count && !isNameEnd(bytes[index]) { index += 1 }
        guard index > nameStart else { throw Malformed(message: "a tag without a name", offset: start) }
        let name = slice(nameStart, index)
        var attributes: [(name: Substring, value: String)] = []
        while true {
            while index < bytes.count && isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { throw Malformed(message: "unclosed tag <\(name)>", offset: start) }
            if bytes[index] == UInt8(ascii: ">") {
                return (.start(name: name, attributes: attributes, selfClosing: false), index + 1)
            }
            if bytes[index] == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else {
                    throw Malformed(message: "stray '/' in <\(name)>", offset: index)
                }
                return (.start(name: name, attributes: attributes, selfClosing: true), index + 2)
            }
            let attributeStart = index
            while index < bytes.count && !isNameEnd(bytes[index]) { index += 1 }
            let attribute = slice(attributeStart, index)
            while index < bytes.count && isSpace(bytes[index]) { index += 1 }
            guard !attribute.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw Malformed(message: "attribute without a value in <\(name)>", offset: index)
            }
            index += 1
            while index < bytes.count && isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw Malformed(message: "unquoted attribute value in <\(name)>", offset: index)
            }
            let quote = bytes[index]
            guard let close = bytes[(index + 1)...].firstIndex(of: quote) else {
                throw Malformed(message: "unclosed attribute value in <\(name)>", offset: index)
            }
            attributes.append((attribute, try decodeEntities(slice(index + 1, close), at: index)))
            index = close + 1
        }
    }

    /// Character data with its references resolved.
    private static func decodeEntities(_ raw: Substring, at offset: Int) throws(Malformed) -> String {
        guard raw.contains("&") else { return String(raw) }
        var out = ""
        var rest = raw[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                throw Malformed(message: "a bare '&'", offset: offset)
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            switch name {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                var value: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst())
                }
                guard let value, let scalar = Unicode.Scalar(value) else {
                    throw Malformed(message: "unknown entity '&\(name);'", offset: offset)
                }
                out.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}

extension Substring {
    fileprivate func trimmingXMLSpace() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            result = result.dropLast()
        }
        return result
    }
}
