/// The text of an HTML mail body, line by line as a reader sees it: block
/// elements and `<br>` end lines, `<style>`/`<script>`/`<head>` vanish, entities
/// and non-breaking spaces (Outlook indents with them) become characters.
///
/// Enough for reading a report typed into an HTML-only message; not a renderer.
package enum EmailHTMLText {
    static let lineBreakingTags: Set<String> = [
        "br", "p", "/p", "div", "/div", "li", "/li", "tr", "/tr", "h1", "h2", "h3", "h4", "h5", "h6", "/h1",
        "/h2", "/h3", "/h4", "/h5", "/h6", "blockquote", "/blockquote", "pre", "/pre", "table", "/table", "hr",
    ]
    static let hiddenElements: Set<String> = ["style", "script", "head", "title"]

    package static func text(_ html: String) -> String {
        var out = ""
        var scalars = Substring(html).unicodeScalars[...]
        var hiddenUntil: String?
        while let scalar = scalars.first {
            if scalar == "<" {
                guard let close = scalars.firstIndex(of: ">") else { break }
                let inside = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                scalars = scalars[scalars.index(after: close)...]
                if inside.hasPrefix("!--") {
                    // A comment may contain ">"; skip to its real end.
                    if !inside.hasSuffix("--") {
                        let rest = String(String.UnicodeScalarView(scalars))
                        if let end = rest.range(of: "-->") {
                            let consumed = rest[..<end.upperBound].unicodeScalars.count
                            scalars = scalars.dropFirst(consumed)
                        }
                    }
                    continue
                }
                let name = tagName(inside)
                if let hidden = hiddenUntil {
                    if name == "/" + hidden { hiddenUntil = nil }
                    continue
                }
                if hiddenElements.contains(name), !inside.hasSuffix("/") {
                    hiddenUntil = name
                    continue
                }
                if lineBreakingTags.contains(name), !out.isEmpty, !out.hasSuffix("\n") || name == "br" {
                    out += "\n"
                }
                continue
            }
            scalars.removeFirst()
            if hiddenUntil != nil { continue }
            if scalar == "&" {
                let (decoded, length) = entity(scalars)
                out += decoded
                scalars = scalars.dropFirst(length)
            } else if scalar == "\r" || scalar == "\n" || scalar == "\t" {
                if !out.hasSuffix(" "), !out.hasSuffix("\n"), !out.isEmpty { out += " " }
            } else if scalar == "\u{00A0}" {
                out += " "
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        // Source line breaks became blanks; drop the ones left at line ends.
        return out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n")
    }

    private static func tagName(_ inside: String) -> String {
        var name = ""
        for character in inside {
            if character == " " || character == "\t" || character == "\n" || character == "\r" || character == ">" {
                break
            }
            if character == "/", !name.isEmpty { break }
            name.append(character)
        }
        return name.lowercased()
    }

    /// The entity after an `&` (already consumed): its text and how many scalars it used.
    private static func entity(_ scalars: Substring.UnicodeScalarView.SubSequence) -> (String, Int) {
        var name = ""
        var length = 0
        for scalar in scalars.prefix(12) {
            length += 1
            if scalar == ";" {
                let value: String? =
                    switch name {
                    case "amp": "&"
                    case "lt": "<"
                    case "gt": ">"
                    case "quot": "\""
                    case "apos", "#39": "'"
                    case "nbsp": " "
                    default: numeric(name)
                    }
                if let value { return (value, length) }
                return ("&", 0)
            }
            name.unicodeScalars.append(scalar)
        }
        return ("&", 0)
    }

    private static func numeric(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value: UInt32? =
            digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return scalar == "\u{00A0}" ? " " : String(Character(scalar))
    }
}
