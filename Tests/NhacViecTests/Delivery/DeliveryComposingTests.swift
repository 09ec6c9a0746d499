import Foundation
import NhacViecTestSupport
import Synchronization
import Testing

@testable import NhacViec

/// E-mails handed to a batch are composed when their turn to be sent comes, a window at
/// a time, not all before the first goes (issue 15: a morning burst must not hold every
/// rendered digest at once); one that can no longer be composed is a permanent failure.
@Suite struct DeliveryComposingTests {
    static let count = 20

    /// For each e-mail, in the order composed: how many outcomes the caller had taken by then.
    final class Log: Sendable {
        let composedAfter = Mutex<[Int]>([])
        let taken = Atomic<Int>(0)
    }

    static func messages(_ log: Log, missing: Set<Int> = []) -> [DeliveryService.ComposeEmail] {
        (0..<count).map { index in
            {
                log.composedAfter.withLock { $0.append(log.taken.load(ordering: .relaxed)) }
                guard !missing.contains(index) else { return nil }
                return DeliveryFixtures.message(key: "test:composing/\(index)/email")
            }
        }
    }

    /// Drains the batch as the daemon does, counting each outcome taken.
    static func drain(_ batch: DeliveryBatch, _ log: Log) -> [Int: DeliveryOutcome] {
        var outcomes: [Int: DeliveryOutcome] = [:]
        while true {
            switch batch.next(timeout: .seconds(5)) {
            case .outcome(.email(let index), let outcome):
                outcomes[index] = outcome
                log.taken.add(1, ordering: .relaxed)
            case .outcome(.webhook, _), .waiting: continue
            case .finished: return outcomes
            }
        }
    }

    @Test func smtpComposesOnlyAWindowAheadOfTheOutcomesTaken() throws {
        let certificates = try TestSupport.certificates.get()
        let received = try TemporaryDirectory()
        let server = try PythonServer.smtpWithTestCertificate(received.path)
        defer { server.stop() }
        let config = try TestConfig.load(
            BoardConfig.yaml(
                delivery: BoardConfig.email(port: server.port, caFile: certificates.file("ca.pem"))
                    + "\n    connections: 2"))
        let state = try TemporaryDirectory()
        let delivery = try DeliveryService(config: config, stateDirectory: state.path, mode: .live, environment: [:])
        let log = Log()

        let outcomes = Self.drain(delivery.start(composing: Self.messages(log), webhooks: []), log)

        #expect(outcomes.count == Self.count)
        #expect(outcomes.values.allSatisfy { $0.receipt != nil }, "\(outcomes)")
        #expect(received.files(withExtension: "eml").count == Self.count)
        let composedAfter = log.composedAfter.withLock { $0 }
        #expect(composedAfter.count == Self.count)
        // Two sessions: four e-mails out at once (sending or awaiting their commit). The
        // n-th (from 0) is composed as the (n - 4)-th outcome is handed out, which the
        // caller counts once it has it; composed all at first, every count would be 0.
        for (position, taken) in composedAfter.enumerated() {
            #expect(taken >= position - 4, "e-mail \(position) composed after only \(taken) outcomes")
        }
        #expect(composedAfter.last == Self.count - 5)
    }

    @Test func theOutboxComposesEachEMailAsItIsWritten() throws {
        let config = try TestConfig.load(BoardConfig.yaml())
        let state = try TemporaryDirectory()
        let delivery = try DeliveryService(config: config, stateDirectory: state.path, mode: .live, environment: [:])
        let log = Log()

        let outcomes = Self.drain(delivery.start(composing: Self.messages(log, missing: [7]), webhooks: []), log)

        #expect(log.composedAfter.withLock { $0 } == Array(0..<Self.count))
        #expect(outcomes.count == Self.count)
        #expect(outcomes[7] == DeliveryService.notComposed)
        #expect(outcomes[7]?.failure?.disposition == .permanent)
        #expect(outcomes.filter { $0.value.receipt != nil }.count == Self.count - 1)
    }
}
