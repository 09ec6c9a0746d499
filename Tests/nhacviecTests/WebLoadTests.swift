import Foundation
import NhacViecTestSupport
import Testing

/// `serve` under load (DESIGN §15): pages are built on a bounded set of threads
/// (`--workers`, `--queue`); what finds them all taken is refused at once with 503 and
/// Retry-After, and a slow client holds a connection, never a thread. Every check waits
/// for what the server answers, in order, never for time to pass.
@Suite(.serialized) struct WebLoadTests {
    static let busyText = "Máy chủ đang bận; hãy thử lại sau giây lát.\n"

    /// Holds the store's setup lock (`state.sqlite.setup-lock`), as the daemon does while it
    /// creates or migrates the database: `serve`'s first read of the state waits for it on a
    /// worker thread, for as long as the test likes.
    final class StoreSetupHold {
        private var descriptor: Int32

        init(statePath: String) throws {
            try FileManager.default.createDirectory(atPath: statePath, withIntermediateDirectories: true)
            descriptor = open(statePath + "/state.sqlite.setup-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else { throw TestFailure("cannot take the lock") }
        }

        func release() {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }

        deinit { release() }
    }

    @Test func aFullPoolAnswers503WithRetryAfterAndServesAgainOnceItFrees() throws {
        let web = try WebServeTests.fixture()
        let hold = try StoreSetupHold(statePath: web.daemon.statePath)
        // One thread and one place in the queue: two requests are admitted at once. The
        // style sheet needs no worker (nor the state), so it tells when serve is up.
        try web.start(
            now: "2024-04-03T09:00:00+07:00", extra: ["--workers", "1", "--queue", "1", "--state-wait", "600"],
            readyPath: "/static/style.css")
        let login = (WebFixture.user, WebFixture.password)
        let answered = DispatchSemaphore(value: 0)
        let requests = [
            try web.begin("/", auth: login, answered: answered),
            try web.begin("/healthz", answered: answered),
            try web.begin("/units", auth: login, answered: answered),
        ]
        // The two admitted wait for the state; only the third can be answered while it is held.
        #expect(answered.wait(timeout: .now() + 60) == .success, "no request was answered: \(web.log)")
        let refused = requests.filter(\.isAnswered)
        try #require(refused.count == 1, "answered while the state was held: \(refused.map(\.path))")
        try Self.expectBusy(refused[0].result())

        // Full, so every request that needs a worker is refused, whatever it asks; the
        // answer echoes nothing of the request.
        try Self.expectBusy(web.request("/healthz"))
        try Self.expectBusy(web.request("/"))
        let hostile = try web.request("/units/%3Cscript%3Ealert(1)%3C%2Fscript%3E?page=%3Cb%3E", auth: login)
        try Self.expectBusy(hostile)
        #expect(!hostile.text.contains("<") && !hostile.text.contains("script"))
        #expect(try web.request("/static/style.css").status == 200)
        #expect(requests.filter(\.isAnswered).count == 1, "a held request was answered before the state was free")

        hold.release()
        for request in requests where request !== refused[0] {
            let result = request.result()
            #expect(result.status == 200, "\(request.path): \(result.status) \(result.text)")
        }
        let dashboard = try web.office("/")
        #expect(dashboard.status == 200 && dashboard.text.contains("<h1>Tổng quan tình hình thực hiện</h1>"))
        #expect(try web.request("/healthz").status == 200)
        #expect(!web.log.contains("request failed"), "\(web.log)")

        // Four refusals, counted for /metrics; logged in one line (the first), not one each.
        let metrics = try web.request("/metrics").text
        #expect(metrics.contains("nhacviec_web_requests_refused_total{reason=\"busy\"} 4\n"), "\(metrics)")
        #expect(metrics.contains("nhacviec_web_requests_refused_total{reason=\"state_setup\"} 0\n"))
        let lines = web.log.split(separator: "\n").filter { $0.contains("requests refused with 503") }
        #expect(lines.count == 1, "\(web.log)")
        #expect(lines.first?.contains("web.refused.busy=1") == true, "\(lines)")
    }

    @Test func unitLinkPostsWaitingForTheStateHoldNoThreadOtherRequestsNeed() throws {
        let web = try WebServeTests.fixture()
        let link = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let hold = try StoreSetupHold(statePath: web.daemon.statePath)
        // More POSTs than serve's Swift concurrency threads (one per core), each given a worker:
        // were they checked on those shared threads, every one of them would wait for the state.
        let posts = ProcessInfo.processInfo.activeProcessorCount + 1
        try web.start(
            now: "2024-04-03T09:00:00+07:00", extra: ["--workers", "\(posts)", "--queue", "0", "--state-wait", "600"],
            readyPath: "/static/style.css")
        let answered = DispatchSemaphore(value: 0)
        let requests = try (0..<posts).map { _ in
            try web.begin(link, curl: ["--data", "csrf=x&highlights=y"], answered: answered)
        }
        #expect(
            eventually {
                let unread = unreadOnConnections(toPort: web.port)
                return unread.count == posts && unread.allSatisfy { $0 == 0 }
            }, "serve did not read every POST")
        let sheet = try web.request("/static/style.css")
        #expect(sheet.status == 200)
        try Self.expectBusy(web.request("/healthz"))
        #expect(requests.allSatisfy { !$0.isAnswered }, "a POST was answered while the state was held")
        hold.release()
        for request in requests {
            // Their form token is no token: refused, once the link was checked.
            #expect(request.result().status == 403)
        }
    }

    @Test func aRequestWaitingForTheDaemonsSetupLongerThanStateWaitIs503AndFreesItsWorker() throws {
        let web = try WebServeTests.fixture()
        let link = try WebUnitLinkTests.link(web, unit: "phong-qldt", period: "2024-03")
        let hold = try StoreSetupHold(statePath: web.daemon.statePath)
        // One worker, no queue: a request that kept its worker after giving up would leave the next one 503 busy.
        try web.start(
            now: "2024-04-03T09:00:00+07:00", extra: ["--workers", "1", "--queue", "0", "--state-wait", "0.1"],
            readyPath: "/static/style.css")
        try Self.expectSettingUp(web.office("/"))
        try Self.expectSettingUp(web.office("/tasks/II.3"))
        try Self.expectSettingUp(web.request(link, form: [("csrf", "x"), ("highlights", "y")]))
        try Self.expectSettingUp(web.request("/metrics"))
        #expect(!web.log.contains("request failed"), "\(web.log)")

        hold.release()
        let dashboard = try web.office("/")
        #expect(dashboard.status == 200 && dashboard.text.contains("<h1>Tổng quan tình hình thực hiện</h1>"))
        let metrics = try web.request("/metrics").text
        #expect(metrics.contains("nhacviec_web_requests_refused_total{reason=\"state_setup\"} 4\n"), "\(metrics)")
        #expect(metrics.contains("nhacviec_web_requests_refused_total{reason=\"busy\"} 0\n"), "\(metrics)")
        let lines = web.log.split(separator: "\n").filter { $0.contains("requests refused with 503") }
        #expect(lines.count == 1 && lines[0].contains("web.refused.state_setup=1"), "\(web.log)")
    }

    static func expectSettingUp(_ result: WebFixture.HTTPResult) throws {
        #expect(result.status == 503, "\(result.status) \(result.text)")
        #expect(result.headers["retry-after"] == "5")
        #expect(result.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(result.text == "Dịch vụ nhắc việc đang khởi tạo hoặc nâng cấp dữ liệu; hãy thử lại sau vài giây.\n")
    }

    static func expectBusy(_ result: WebFixture.HTTPResult) throws {
        #expect(result.status == 503, "\(result.status) \(result.text)")
        #expect(result.headers["retry-after"] == "1")
        #expect(result.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(result.headers["x-content-type-options"] == "nosniff")
        #expect(result.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
        #expect(result.text == busyText)
    }

    @Test func aClientSendingItsBodySlowlyHoldsNoWorker() throws {
        let web = try WebServeTests.fixture()
        // One worker, no queue: a request holding a worker while it waited for its body
        // would leave every other request refused with 503.
        try web.start(now: "2024-04-03T09:00:00+07:00", extra: ["--workers", "1", "--queue", "0"])
        let token = try web.csrfToken(on: "/tasks/II.3")
        let body = "csrf=\(token)&status=done&progress=100&note=G%E1%BB%ADi+ch%E1%BA%ADm"
        let half = body.index(body.startIndex, offsetBy: body.count / 2)
        let credentials = Data("\(WebFixture.user):\(WebFixture.password)".utf8).base64EncodedString()
        let slow = try RawConnection(port: web.port)
        try slow.send(
            "POST /tasks/II.3/status HTTP/1.1\r\nHost: 127.0.0.1:\(web.port)\r\n"
                + "Authorization: Basic \(credentials)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body[..<half])
        // serve has read the head and the first half of the body: the request is in, waiting.
        #expect(eventually { slow.unreadByServer == 0 }, "serve did not read the request")

        let health = try web.request("/healthz")
        #expect(health.status == 200, "\(health.status) \(health.text)")
        let dashboard = try web.office("/")
        #expect(dashboard.status == 200 && dashboard.text.contains("<h1>Tổng quan tình hình thực hiện</h1>"))
        #expect(try web.office("/tasks/II.3").text.contains("Chưa có ai báo cáo"))
        // Those were answered while the slow request was still open and unanswered.
        #expect(!slow.hasAnswer, "the slow request was answered before its body was complete")

        try slow.send(String(body[half...]))
        let answer = try slow.readToEnd()
        #expect(answer.hasPrefix("HTTP/1.1 303 "), "\(answer)")
        #expect(answer.lowercased().contains("\r\nlocation: /tasks/ii.3?saved=1\r\n"), "\(answer)")
        let task = try web.office("/tasks/II.3").text
        #expect(task.contains("<strong>Đã hoàn thành</strong>") && task.contains("Gửi chậm"))
    }

    @Test(arguments: [
        (["--workers", "0"], "--workers 0 is out of range: give 1 to 256 threads"),
        (["--workers", "257"], "--workers 257 is out of range: give 1 to 256 threads"),
        (["--queue", "10001"], "--queue 10001 is out of range: give 0 to 10000 waiting requests"),
        (["--workers", "many"], "The value 'many' is invalid for '--workers <workers>'"),
        (["--state-wait", "601"], "--state-wait 601.0 is out of range: give 0 to 600 seconds"),
        (["--state-wait=-1"], "--state-wait -1.0 is out of range: give 0 to 600 seconds"),
    ])
    func workerAndQueueSizesOutOfRangeAreUsageErrors(arguments: [String], message: String) throws {
        let fixture = try DaemonFixture()
        // An unusable address as well: a size let through fails the test instead of serving.
        let result = try BinaryRunner.run(
            ["serve", "-c", fixture.configPath, "--state", fixture.statePath, "--listen", "nowhere"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
