import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Webhook calls against a real Python HTTP receiver that records what arrives.
@Suite(.serialized) struct WebhookTransportTests {
    struct Recorded: Decodable {
        var path: String
        var headers: [[String]]
        var body: String
        var client_port: Int

        func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }
        var bodyBytes: [UInt8] { Array(Data(base64Encoded: body) ?? Data()) }
    }

    let inbox: TemporaryDirectory
    let server: PythonServer
    /// 2015-10-21T07:00:00Z: 28 minutes before the receiver's Retry-After date.
    static let fixedNow = Date(timeIntervalSince1970: 1_445_410_800)

    init() throws {
        inbox = try TemporaryDirectory()
        server = try PythonServer("http_receiver.py", [inbox.path])
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(server.port)\(path)" }

    func recorded() throws -> [Recorded] {
        try inbox.files(withExtension: "json").map {
            try JSONDecoder().decode(Recorded.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
        }
    }

    func request(
        _ path: String, key: String = "task:II.3/2024-04-01/due/phong-qldt/webhook:zalo", secret: String? = nil,
        timeout: Duration = .seconds(10)
    ) -> WebhookRequest {
        WebhookRequest(
            key: key, url: url(path), body: WebhookBodyTests.digest.body(for: .json),
            secret: secret.map { Array($0.utf8) },
            timeout: timeout, timestamp: DeliveryFixtures.sendTime)
    }

    @Test func aSignedCallArrivesWithHeadersAndAnIndependentlyVerifiableSignature() async throws {
        defer { server.stop() }
        let transport = try TestWebhooks()
        let call = request("/ok", secret: "bí mật của webhook")

        let outcome = transport.send(call)

        #expect(outcome.receipt?.replyCode == 200, "\(outcome)")
        let record = try #require(try recorded().first)
        #expect(record.bodyBytes == call.body)
        #expect(record.header("Content-Type") == "application/json")
        #expect(record.header("Idempotency-Key") == call.key)
        #expect(record.header("User-Agent") == "nhacviec/\(NhacViecVersion.current)")
        #expect(record.header("X-Nhacviec-Timestamp") == "1711328400")
        let signature = try #require(record.header("X-Nhacviec-Signature"))
        let check = try TestSupport.run(
            TestSupport.python,
            [TestSupport.script("verify_hmac.py"), "bí mật của webhook", "1711328400", record.body, signature])
        #expect(check.status == 0, "\(String(decoding: check.output, as: UTF8.self))")
    }

    @Test func anUnsignedCallCarriesNoSignatureHeaders() async throws {
        defer { server.stop() }
        let transport = try TestWebhooks()

        _ = transport.send(request("/ok"))

        let record = try #require(try recorded().first)
        #expect(record.header("X-Nhacviec-Signature") == nil)
        #expect(record.header("X-Nhacviec-Timestamp") == nil)
    }

    @Test(arguments: [
        ("/fail", true, 500, nil as Duration?),
        ("/bad", false, 400, nil),
        ("/busy", true, 429, .seconds(120)),
        ("/busy-date", true, 503, .seconds(28 * 60)),
        ("/missing", false, 404, nil),
    ])
    func statusCodesAreClassified(path: String, transient: Bool, status: Int, retryAfter: Duration?) async throws {
        defer { server.stop() }
        let transport = try TestWebhooks(now: { Self.fixedNow })

        let outcome = transport.send(request(path))

        let failure = try #require(outcome.failure)
        #expect(failure.isTransient == transient)
        #expect(failure.replyCode == status)
        #expect(failure.retryAfter == retryAfter)
        #expect(failure.replyText == "status \(status)")
    }

    @Test func aCallBeyondItsTimeoutIsTransient() async throws {
        defer { server.stop() }
        let transport = try TestWebhooks()

        let outcome = transport.send(request("/slow", timeout: .milliseconds(300)))

        let failure = try #require(outcome.failure)
        #expect(failure.isTransient)
        #expect(failure.curlCode == 28)
    }

    @Test func aRefusedConnectionIsTransient() async throws {
        let port = server.port
        server.stop()
        let transport = try TestWebhooks()
        var call = request("/ok")
        call.url = "http://127.0.0.1:\(port)/ok"

        let outcome = transport.send(call)

        #expect(outcome.failure?.isTransient == true)
        #expect(outcome.failure?.curlCode == 7)
    }

    @Test func aRedirectWithinTheSchemeIsFollowedButNotToAnotherScheme() async throws {
        defer { server.stop() }
        let transport = try TestWebhooks()

        let followed = transport.send(request("/redirect"))
        let refused = transport.send(request("/redirect-ftp"))

        #expect(followed.receipt?.replyCode == 200, "\(followed)")
        #expect(try recorded().map(\.path).prefix(2) == ["/redirect", "/ok"])
        #expect(refused.failure?.disposition == .permanent, "\(refused)")
    }

    @Test(arguments: ["ftp://127.0.0.1/x", "file:///etc/passwd", "smtp://127.0.0.1/", "127.0.0.1/ok"])
    func onlyHTTPURLsAreCalled(target: String) async throws {
        defer { server.stop() }
        let transport = try TestWebhooks()
        var call = request("/ok")
        call.url = target

        let outcome = transport.send(call)

        #expect(outcome.failure?.disposition == .permanent)
    }

    @Test func manyConcurrentCallsAllArriveOverAFewConnections() async throws {
        defer { server.stop() }
        let transport = try TestWebhooks(maxConnectionsPerHost: 4)
        let calls = (0..<60).map { request("/ok", key: "call-\($0)") }

        let outcomes = transport.send(calls)

        #expect(outcomes.allSatisfy { $0.receipt?.replyCode == 200 })
        let records = try recorded()
        #expect(records.count == 60)
        #expect(Set(records.compactMap { $0.header("Idempotency-Key") }) == Set(calls.map(\.key)))
        #expect(Set(records.map(\.client_port)).count <= 4, "at most 4 connections to one host")
    }
}
