/// Where a difficulty (vướng mắc) stands (DESIGN §14): `open → forwarded → resolved`, or `withdrawn`.
package enum DifficultyStatus: String, Sendable, Hashable, CaseIterable {
    case open
    /// Passed to the steering committee or the competent body; still awaiting a direction.
    case forwarded
    case resolved
    /// The raising unit took it back.
    case withdrawn

    /// Still waiting for someone: follow-ups and escalation apply.
    package var isActive: Bool { self == .open || self == .forwarded }

    /// Whether the Office may move a difficulty from this status to `next` (`difficulty forward|resolve|withdraw`).
    /// Reopening is not a move: it happens only when the unit raises the same text again.
    package func canMove(to next: DifficultyStatus) -> Bool {
        switch (self, next) {
        case (.open, .forwarded), (.open, .resolved), (.forwarded, .resolved), (.open, .withdrawn),
            (.forwarded, .withdrawn):
            true
        default:
            false
        }
    }

    package var vietnameseName: String {
        switch self {
        case .open: "Chưa xử lý"
        case .forwarded: "Đã chuyển xử lý"
        case .resolved: "Đã giải quyết"
        case .withdrawn: "Đơn vị đã rút"
        }
    }

    package var englishName: String {
        switch self {
        case .open: "Open"
        case .forwarded: "Forwarded"
        case .resolved: "Resolved"
        case .withdrawn: "Withdrawn"
        }
    }
}
