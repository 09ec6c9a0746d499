import Foundation
import NhacViecTestSupport
import Testing

/// What `serve` answers when it must not serve: a state written by a newer nhacviec, a
/// client guessing passwords (DESIGN §15).
@Suite struct WebRefusalTests {
    @Test func aStateMigratedByANewerNhacviecIs503WithWhatToDoLoggedOnce() throws {
        let web = try WebServeTests.fixture()
        let database = web.daemon.statePath + "/state.sqlite"
        let insert = try TestSupport.run(
            TestSupport.python,
            [
                "-c",
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                    + "c.execute(\"INSERT INTO grdb_migrations VALUES ('v99-from-the-future')\"); c.commit()",
                database,
            ])
        #expect(insert.status == 0, "\(String(decoding: insert.output, as: UTF8.self))")
        try web.start(now: "2024-04-03T09:00:00+07:00")

        for _ in 0..<2 {
            let page = try web.office("/")
            #expect(page.status == 503)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.text.contains("Dữ liệu trạng thái đã được một phiên bản nhacviec mới hơn"))
            #expect(page.text.contains("Hãy nâng cấp nhacviec rồi khởi động lại dịch vụ nhacviec-web."))
        }
        let health = try web.request("/healthz")
        #expect(health.status == 503)
        #expect(health.text.contains("written by a newer nhacviec"))
        #expect(health.text.contains("v99-from-the-future"))
        #expect(try web.request("/metrics").status == 503)
        #expect(web.log.components(separatedBy: "the state was written by a newer nhacviec").count - 1 == 1)
        // Login is still checked first: no credentials, no hint about the state.
        #expect(try web.request("/").status == 401)
    }

    @Test func tenWrongPasswordsFromOneAddressGet429ForEveryLoginFromItThenOthersStillLogIn() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        for attempt in 1...10 {
            let wrong = try web.request("/", auth: (WebFixture.user, "sai \(attempt)"))
            #expect(wrong.status == 401, "attempt \(attempt)")
        }
        // The right password and a wrong one get the same answer now: nothing is learnt.
        let right = try web.request("/", auth: (WebFixture.user, WebFixture.password))
        let wrong = try web.request("/units", auth: ("khong-co", "sai"))
        #expect(right.status == 429 && wrong.status == 429)
        #expect(right.body == wrong.body)
        let retry = try #require(right.headers["retry-after"].flatMap { Int($0) })
        #expect((1...60).contains(retry))
        #expect(right.text.contains("Đăng nhập sai quá nhiều lần"))
        // A POST is refused the same way, before its body is read.
        #expect(
            try web.request(
                "/tasks/II.3/status", method: "POST", auth: (WebFixture.user, WebFixture.password),
                form: [("status", "done")]
            ).status == 429)
        // Another client behind the reverse proxy on this host is not held back by this one.
        let proxied = try web.request(
            "/", auth: (WebFixture.user, WebFixture.password), headers: ["X-Forwarded-For: 203.0.113.9"])
        #expect(proxied.status == 200)
        // Pages that need no login still answer.
        #expect(try web.request("/healthz").status == 200)
    }
}
