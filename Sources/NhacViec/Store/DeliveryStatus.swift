/// Where one delivery key stands (DESIGN §5).
package enum DeliveryStatus: String, Sendable, Hashable, CaseIterable {
    /// The intent is recorded and the send has not reported back (or the process died meanwhile).
    case pending
    case sent
    /// A transient failure; another attempt is due at `next_attempt_at`.
    case retrying
    /// Given up (permanent failure, or `give_up_after` exceeded): a dead letter.
    case dead
    /// Never sent on purpose (superseded by a later step, or too old to catch up).
    case skipped

    /// Pending and retrying rows still owe an outcome.
    package var isFinished: Bool {
        switch self {
        case .pending, .retrying: false
        case .sent, .dead, .skipped: true
        }
    }
}
