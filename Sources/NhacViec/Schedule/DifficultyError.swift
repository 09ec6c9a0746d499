/// A `difficulty forward|resolve|withdraw` that cannot be done: an unknown id or a
/// move the lifecycle does not allow (DESIGN §14; the CLI exits 65).
package struct DifficultyError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Code: Sendable, Hashable {
        case unknownID
        case invalidTransition
        case missingNote
    }

    package let code: Code
    package let id: String
    /// Vietnamese, then English, so either reader can act on it.
    package let message: String

    package var description: String { message }

    package static func unknown(_ id: String, known: [String]) -> DifficultyError {
        let list = known.isEmpty ? "chưa có vướng mắc nào / none recorded yet" : Suggestion.list(known)
        return DifficultyError(
            code: .unknownID, id: id,
            message: "không có vướng mắc '\(id)' / unknown difficulty '\(id)' (known: \(list))")
    }

    package static func transition(_ id: String, from: DifficultyStatus, to: DifficultyStatus) -> DifficultyError {
        let allowed = DifficultyStatus.allCases.filter { from.canMove(to: $0) }.map(\.rawValue)
        let hint =
            allowed.isEmpty
            ? "it is \(from.rawValue): nothing more can be done; it reopens when the unit raises it again"
            : "from \(from.rawValue) it can go to: \(allowed.joined(separator: ", "))"
        return DifficultyError(
            code: .invalidTransition, id: id,
            message:
                "không thể chuyển vướng mắc \(id) từ '\(from.vietnameseName)' sang '\(to.vietnameseName)' / "
                + "difficulty \(id) cannot go from \(from.rawValue) to \(to.rawValue) (\(hint))")
    }
}
