extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        // Most values have nothing to trim: they are returned as they are, not copied.
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let head = utf8.first, let tail = utf8.last else { return self }
        if !isSpace(head), !isSpace(tail) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
