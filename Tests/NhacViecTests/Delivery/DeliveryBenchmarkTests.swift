import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Throughput figures for Benchmarks/delivery-bench.sh. Runs only with
/// NHACVIEC_BENCH=1, prints figures and asserts nothing about time.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NHACVIEC_BENCH"] == "1"))
struct DeliveryBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test func smtpBatchToSink() async throws {
        let port = try #require(Self.environment["NHACVIEC_BENCH_SMTP_PORT"].flatMap(Int.init))
        let count = Self.environment["NHACVIEC_BENCH_EMAILS"].flatMap(Int.init) ?? 1000
        let transport = try TestSMTP(settings: SMTPSettings(url: "smtp://127.0.0.1:\(port)", tls: .none))
        let messages = (0..<count).map { DeliveryFixtures.message(key: "bench-\($0)") }
        let clock = ContinuousClock()

        let start = clock.now
        let outcomes = transport.send(messages)
        let elapsed = Self.seconds(clock.now - start)

        let delivered = outcomes.filter { $0.receipt != nil }.count
        print(
            "BENCH smtp messages=\(count) delivered=\(delivered) bytes_each=\(messages[0].rendered().count) "
                + "seconds=\(String(format: "%.3f", elapsed)) per_second=\(String(format: "%.1f", Double(count) / elapsed))"
        )
    }

    /// NHACVIEC_BENCH_WEBHOOKS calls (2000) with curl_multi, then the first
    /// NHACVIEC_BENCH_SEQUENTIAL of them (all) one at a time. The receiver takes
    /// NHACVIEC_BENCH_SERVICE_MS (0) per call; with NHACVIEC_BENCH_DELAY_MS (one
    /// way) it sits behind Tests/Support/latency_proxy.py. Rates are compared,
    /// so the one-at-a-time sample may be smaller.
    @Test func webhooksConcurrentVersusOneAtATime() async throws {
        let count = Self.environment["NHACVIEC_BENCH_WEBHOOKS"].flatMap(Int.init) ?? 2000
        let sequentialCount = min(count, Self.environment["NHACVIEC_BENCH_SEQUENTIAL"].flatMap(Int.init) ?? count)
        let serviceMilliseconds = Self.environment["NHACVIEC_BENCH_SERVICE_MS"] ?? "0"
        let inbox = try TemporaryDirectory()
        let server = try PythonServer(
            "http_receiver.py", [inbox.path, "--no-record", "--service-ms", serviceMilliseconds])
        defer { server.stop() }
        var port = server.port
        var proxy: PythonServer?
        if let delay = Self.environment["NHACVIEC_BENCH_DELAY_MS"] {
            proxy = try PythonServer("latency_proxy.py", ["127.0.0.1:\(server.port)", "--delay-ms", delay])
            port = proxy?.port ?? port
        }
        defer { proxy?.stop() }
        let body = WebhookBodyTests.digest.body(for: .json)
        let requests = (0..<count).map {
            WebhookRequest(
                key: "bench-\($0)", url: "http://127.0.0.1:\(port)/ok", body: body, secret: Array("s".utf8),
                timestamp: DeliveryFixtures.sendTime)
        }
        let transport = try TestWebhooks(maxConnectionsPerHost: 8)
        let clock = ContinuousClock()

        var start = clock.now
        let concurrent = transport.send(requests)
        let concurrentSeconds = Self.seconds(clock.now - start)

        start = clock.now
        var sequentialOK = 0
        for request in requests.prefix(sequentialCount) where transport.send(request).receipt != nil {
            sequentialOK += 1
        }
        let sequentialSeconds = Self.seconds(clock.now - start)

        let concurrentOK = concurrent.filter { $0.receipt != nil }.count
        let concurrentRate = Double(count) / concurrentSeconds
        let sequentialRate = Double(sequentialCount) / sequentialSeconds
        print(
            "BENCH webhooks calls=\(count) concurrent_ok=\(concurrentOK) concurrent_seconds=\(String(format: "%.3f", concurrentSeconds)) "
                + "concurrent_per_second=\(String(format: "%.1f", concurrentRate))")
        print(
            "BENCH webhooks calls=\(sequentialCount) sequential_ok=\(sequentialOK) sequential_seconds=\(String(format: "%.3f", sequentialSeconds)) "
                + "sequential_per_second=\(String(format: "%.1f", sequentialRate)) "
                + "speedup=\(String(format: "%.2f", concurrentRate / sequentialRate))")
    }
}
