extension Recipient {
    /// `unit:<id>`, `group:<id>` or `head:<unit>`: unlike `description`, it keeps a
    /// unit apart from a group of the same id, so a stored message can be rebuilt.
    var storageTag: String {
        switch self {
        case .unit(let id): "unit:\(id)"
        case .group(let id): "group:\(id)"
        case .head(let unit): "head:\(unit)"
        }
    }

    init?(storageTag tag: String) {
        guard let colon = tag.firstIndex(of: ":") else { return nil }
        let id = String(tag[tag.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        switch tag[..<colon] {
        case "unit": self = .unit(id)
        case "group": self = .group(id)
        case "head": self = .head(id)
        default: return nil
        }
    }
}
