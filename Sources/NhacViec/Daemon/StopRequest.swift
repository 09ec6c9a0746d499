import Synchronization

/// Set from the signal thread when SIGTERM or SIGINT arrives; read by the main
/// thread between messages, so a pass under way stops sending new messages
/// while every outcome already known is still recorded (DESIGN §10).
package final class StopRequest: Sendable {
    private let signal = Atomic<Int32>(0)

    package init() {}

    /// Records the signal that asked for the stop (the first one wins).
    package func request(signal number: Int32) {
        _ = signal.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
    }

    package var isRequested: Bool { signal.load(ordering: .sequentiallyConsistent) != 0 }

    /// The signal number, 0 when no stop was asked for.
    package var signalNumber: Int32 { signal.load(ordering: .sequentiallyConsistent) }
}
