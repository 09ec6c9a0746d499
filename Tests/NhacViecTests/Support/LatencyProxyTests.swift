import Foundation
import NhacViecTestSupport
import Testing

/// The latency harness (issue 15) the benchmarks and the latency tests rely on:
/// Tests/Support/latency_proxy.py, checked by latency_proxy_check.py against an
/// echo server (delay each way and per new connection, bytes intact, pipelining
/// not serialised, half-close, SIGTERM).
@Suite struct LatencyProxyTests {
    @Test(arguments: [25, 0])
    func theProxyAddsLatencyAndNothingElse(delayMilliseconds: Int) throws {
        let result = try TestSupport.run(
            TestSupport.python,
            [TestSupport.script("latency_proxy_check.py"), "--delay-ms", String(delayMilliseconds)])
        let report = String(decoding: result.output, as: UTF8.self)
        #expect(result.status == 0, "\(report)")
        #expect(report.components(separatedBy: "\n").filter { $0.hasPrefix("ok ") }.count == 6, "\(report)")
    }
}
