import Testing

@testable import NhacViec

/// Refusals are logged the first at once, then at most one line per interval counting
/// every refusal since the line before; replayed on made-up instants, never waited for.
@Suite struct RefusalLogTests {
    @Test func aBurstIsOneLineAndTheNextLineAfterTheIntervalCountsWhatWasHeldBack() {
        var log = RefusalLog(interval: .seconds(60))
        let start = ContinuousClock.now
        #expect(log.record(.busy, at: start) == [.busy: 1])
        for second in 1...59 {
            #expect(log.record(second.isMultiple(of: 10) ? .stateSetup : .busy, at: start + .seconds(second)) == nil)
        }
        // 59 held back (5 of them for the setup lock), and this one.
        #expect(log.record(.busy, at: start + .seconds(60)) == [.busy: 55, .stateSetup: 5])
        #expect(log.record(.busy, at: start + .seconds(61)) == nil)
        #expect(log.record(.stateSetup, at: start + .seconds(3600)) == [.busy: 1, .stateSetup: 1])
    }

    @Test func totalsCountEveryRefusalWhateverWasLogged() {
        let refusals = WebRefusals(logger: .init(label: "test"), logInterval: .seconds(60))
        let start = ContinuousClock.now
        for second in 0..<5 { refusals.record(.busy, now: start + .seconds(second)) }
        refusals.record(.stateSetup, now: start)
        #expect(refusals.totals == [.busy: 5, .stateSetup: 1])
        #expect(WebRefusals(logger: .init(label: "test")).totals == [.busy: 0, .stateSetup: 0])
    }
}
