/// Someone a reminder goes to (DESIGN §9 `recipient`).
package enum Recipient: Hashable, Sendable, Comparable, CustomStringConvertible {
    case unit(String)
    case group(String)
    /// The head of a unit (`head:<unit-id>`).
    case head(String)

    package var description: String {
        switch self {
        case .unit(let id), .group(let id): id
        case .head(let unit): "head:\(unit)"
        }
    }

    package static func < (lhs: Recipient, rhs: Recipient) -> Bool {
        lhs.description < rhs.description
    }
}

/// How a message reaches a recipient: email, or one configured webhook.
package enum Channel: Hashable, Sendable, Comparable, CustomStringConvertible {
    case email
    case webhook(String)

    package var description: String {
        switch self {
        case .email: "email"
        case .webhook(let id): "webhook:\(id)"
        }
    }

    package static func < (lhs: Channel, rhs: Channel) -> Bool {
        lhs.description < rhs.description
    }
}
