import Foundation

/// What one pass did, for logs, `STATUS=`, `run --once`'s exit status and tests.
package struct PassSummary: Sendable, Equatable {
    package var sent = 0
    package var failed = 0
    package var dead = 0
    package var skipped = 0
    package var retried = 0
    /// Writes to the state that failed (a full disk, a read-only database): what
    /// they should have recorded is sent again or found again on the next pass,
    /// and `run --once` exits 74 (DESIGN §9).
    package var storeFailures = 0
    /// The pass ended early for SIGTERM/SIGINT; what it did not send stays pending.
    package var stopped = false
    /// When the next reminder step is due (nil: none within the scheduler's horizon).
    package var nextStep: Date?
    package var nextWake: Date

    package init(nextWake: Date) {
        self.nextWake = nextWake
    }

    /// Whether the pass sent, failed, skipped or resent anything.
    package var didWork: Bool {
        sent + failed + dead + skipped + retried > 0
    }
}
