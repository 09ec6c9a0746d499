import Foundation
import Hummingbird
import Logging

/// `nhacviec serve` (DESIGN §15): the Office's pages behind HTTP Basic, unit calendars by
/// signed URL, `/metrics` and `/healthz`. A process of its own, so the daemon stays free
/// of an event loop; it reads the state beside the running daemon and writes only through
/// the store calls the CLI uses.
package struct WebServer: Sendable {
    package static let maxBodySize = 10 * 1024 * 1024
    package let site: WebSite

    package init(site: WebSite) {
        self.site = site
    }

    /// Runs ``run()`` on Swift concurrency's pool and blocks the calling thread until it ends.
    /// The executable's `@main` stays synchronous, so `nhacviec run` never starts that pool.
    package func runBlocking() throws {
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached { [self] in
            do {
                try await run()
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// Serves until SIGTERM or SIGINT; SIGHUP reloads the config (a bad one is logged, the old kept).
    package func run() async throws {
        signal(SIGHUP, SIG_IGN)
        let hangUp = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "nhacviec.web.sighup"))
        hangUp.setEventHandler { [site] in
            site.logger.notice("SIGHUP: reloading the config")
            site.reload()
        }
        hangUp.resume()
        defer { hangUp.cancel() }
        let listen = site.options.listen
        let logger = site.logger
        let app = Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(listen.host, port: listen.port), serverName: nil),
            onServerRunning: { channel in
                logger.notice(
                    "listening", metadata: ["web.address": "\(channel.localAddress.map { "\($0)" } ?? "\(listen)")"])
            },
            logger: logger
        )
        site.workers.start()
        do {
            try await app.runService()
        } catch {
            try? await site.workers.shutdown()
            throw error
        }
        try? await site.workers.shutdown()
    }

    func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        let site = self.site
        router.get("/healthz") { _, _ in
            try await Self.blocking(site) {
                let (healthy, reason) = WebHealth.check(site: site)
                return WebResponses.text(reason + "\n", status: healthy ? .ok : .serviceUnavailable)
            }
        }
        router.get("/metrics") { _, _ in
            try await Self.blocking(site) {
                let view = try Self.view(site, user: "")
                return WebResponses.text(
                    try WebMetrics.render(
                        view, stateDirectory: site.options.stateDirectory, refused: site.refusals.totals),
                    contentType: "text/plain; version=0.0.4; charset=utf-8")
            }
        }
        router.get("/static/style.css") { _, _ in
            Response(
                status: .ok, headers: WebResponses.headers(contentType: "text/css; charset=utf-8", cache: true),
                body: ResponseBody(byteBuffer: ByteBuffer(string: WebTemplates.styleSheet)))
        }
        router.get("/") { request, context in
            try await Self.office(site, request, context) { view in
                WebResponses.html(site.pages.render("dashboard", try DashboardView.context(view)))
            }
        }
        router.get("/units") { request, context in
            try await Self.office(site, request, context) { view in
                WebResponses.html(site.pages.render("units", try UnitView.list(view)))
            }
        }
        router.get("/units/:unit") { request, context in
            try await Self.office(site, request, context) { view in
                let id = context.parameters.get("unit") ?? ""
                let calendarURL = view.loaded.signer.map {
                    "/ics/\(WebFormat.segment(id)).ics?sig=\($0.calendarSignature(unit: id))"
                }
                guard let page = try UnitView.page(view, id: id, calendarURL: calendarURL) else {
                    return WebResponses.notFound()
                }
                return WebResponses.html(site.pages.render("unit", page))
            }
        }
        router.get("/overdue/:area") { request, context in
            try await Self.office(site, request, context) { view in
                guard
                    let page = try OverdueView.page(
                        view, area: context.parameters.get("area") ?? "",
                        requestedPage: request.uri.queryParameters.get("page"))
                else { return WebResponses.notFound() }
                return WebResponses.html(site.pages.render("overdue", page))
            }
        }
        router.get("/upcoming") { request, context in
            try await Self.office(site, request, context) { view in
                let page = try UpcomingView.page(
                    view, requestedPage: request.uri.queryParameters.get("page"))
                return WebResponses.html(site.pages.render("upcoming", page))
            }
        }
        router.get("/deliveries") { request, context in
            try await Self.office(site, request, context) { view in
                let page = try DeliveryView.page(
                    view, requestedPage: request.uri.queryParameters.get("page"))
                return WebResponses.html(site.pages.render("deliveries", page))
            }
        }
        router.get("/tasks") { request, context in
            try await Self.office(site, request, context) { view in
                WebResponses.html(site.pages.render("tasks", try TaskView.list(view)))
            }
        }
        router.get("/tasks/:task") { request, context in
            try await Self.office(site, request, context) { view in
                let saved = request.uri.queryParameters.get("saved") == "1"
                guard
                    let page = try TaskView.page(
                        view, id: context.parameters.get("task") ?? "", csrf: site.csrf.token(user: view.user),
                        saved: saved)
                else { return WebResponses.notFound() }
                return WebResponses.html(site.pages.render("task", page))
            }
        }
        router.post("/tasks/:task/status") { request, context in
            try await Self.officePost(site, request, context) { user, form in
                try TaskStatusForm.handle(
                    site: site, user: user, taskID: context.parameters.get("task") ?? "", form: form)
            }
        }
        router.get("/difficulties") { request, context in
            try await Self.office(site, request, context) { view in
                let saved = request.uri.queryParameters.get("saved")
                return WebResponses.html(
                    site.pages.render(
                        "difficulties",
                        try DifficultyView.page(
                            view, csrf: site.csrf.token(user: view.user), saved: saved,
                            requestedPage: request.uri.queryParameters.get("page"))))
            }
        }
        router.post("/difficulties/:id") { request, context in
            try await Self.officePost(site, request, context) { user, form in
                try DifficultyForm.handle(site: site, user: user, id: context.parameters.get("id") ?? "", form: form)
            }
        }
        router.get("/periods") { request, context in
            try await Self.office(site, request, context) { view in
                WebResponses.html(site.pages.render("periods", PeriodView.list(view)))
            }
        }
        router.get("/periods/:period") { request, context in
            try await Self.office(site, request, context) { view in
                guard
                    let period = PeriodView.period(
                        context.parameters.get("period") ?? "", kind: view.builder.periodKind)
                else { return WebResponses.notFound() }
                return WebResponses.html(
                    site.pages.render(
                        "period", try PeriodView.page(view, period: period, stateDirectory: site.options.stateDirectory)
                    ))
            }
        }
        router.get("/periods/:period/:file") { request, context in
            try await Self.office(site, request, context) { view in
                let file = context.parameters.get("file") ?? ""
                guard
                    let period = PeriodView.period(
                        context.parameters.get("period") ?? "", kind: view.builder.periodKind),
                    file.hasPrefix("report."), let format = ReportFormat(rawValue: String(file.dropFirst(7)))
                else { return WebResponses.notFound() }
                let download = try PeriodView.download(
                    view, period: period, format: format, stateDirectory: site.options.stateDirectory)
                return WebResponses.file(
                    download.data, name: download.name, contentType: ReportRenderer.mediaType(format))
            }
        }
        router.get("/calendar") { request, context in
            try await Self.office(site, request, context) { view in
                WebResponses.html(site.pages.render("calendar", CalendarView.page(view, year: view.today.year)))
            }
        }
        router.get("/calendar/:year") { request, context in
            try await Self.office(site, request, context) { view in
                guard let year = context.parameters.get("year").flatMap({ Int($0) }), (1900...2200).contains(year)
                else {
                    return WebResponses.notFound()
                }
                return WebResponses.html(site.pages.render("calendar", CalendarView.page(view, year: year)))
            }
        }
        router.get("/u/:unit/:period/:expiry/:sig") { _, context in
            try await Self.blocking(site) {
                let view = try Self.view(site, user: "")
                guard let link = Self.unitLink(site, view, context) else { return WebResponses.forbidden() }
                let page = try UnitReportPage.context(
                    view, link: link, action: Self.linkPath(context),
                    csrf: site.csrf.token(user: "link|" + link.description),
                    entry: nil)
                return WebResponses.html(site.pages.render("unitReport", page))
            }
        }
        router.post("/u/:unit/:period/:expiry/:sig") { request, context in
            var request = request
            // The link is checked against the state, which the first request opens (SQLite,
            // perhaps waiting for the daemon's setup lock): on the workers like any page, never
            // on the threads every connection shares.
            let checked = await Self.onWorkers(site) {
                let view = try Self.view(site, user: "")
                return (view, Self.unitLink(site, view, context))
            }
            let view: OfficeView
            let verified: UnitLink?
            switch checked {
            case .done(let value): (view, verified) = value
            case .answered(let response): return response
            }
            guard let link = verified else { return WebResponses.forbidden() }
            guard site.allowPost(link: link.description, limit: UnitReportPage.postsPerHour) else {
                return WebResponses.text(
                    "Đã gửi quá nhiều lần trong một giờ; hãy thử lại sau.\n", status: .tooManyRequests)
            }
            let csrfUser = "link|" + link.description
            let contentType = request.headers[.contentType] ?? ""
            if MIMEFieldValue(contentType).value == "multipart/form-data" {
                // An upload: bounded while it streams in, then its token checked before anything is read.
                let body = try await Self.body(&request, upTo: UnitReportUpload.maxBodySize)
                guard let upload = UnitReportUpload(body: Array(buffer: body), contentType: contentType),
                    site.csrf.isValid(upload.fields["csrf"] ?? "", user: csrfUser)
                else { return Self.csrfRefused() }
                return try await Self.blocking(site) {
                    try UnitReportForm.handle(
                        site: site, view: view, link: link, action: Self.linkPath(context), upload: upload)
                }
            }
            let form = try await Self.form(&request)
            guard site.csrf.isValid(form["csrf"] ?? "", user: csrfUser) else { return Self.csrfRefused() }
            return try await Self.blocking(site) {
                try UnitReportForm.handle(
                    site: site, view: view, link: link, action: Self.linkPath(context), form: form)
            }
        }
        router.get("/ics/:file") { request, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".ics") else { return WebResponses.notFound() }
            let unit = String(file.dropLast(4))
            if unit == "all" {
                return try await Self.office(site, request, context) { view in
                    Self.ics(view, unit: nil)
                }
            }
            let loaded = site.current
            // One answer for every refusal: an unknown unit, no secret, a wrong signature.
            guard let signer = loaded.signer, loaded.config.unit(unit) != nil,
                signer.isValid(request.uri.queryParameters.get("sig") ?? "", for: "ics|\(unit)")
            else { return WebResponses.forbidden() }
            return try await Self.blocking(site) { Self.ics(try Self.view(site, user: ""), unit: unit) }
        }
        return router
    }

    // MARK: - Helpers

    static func unitLink(_ site: WebSite, _ view: OfficeView, _ context: WebRequestContext) -> UnitLink? {
        UnitLink.verify(
            unit: context.parameters.get("unit") ?? "", report: context.parameters.get("period") ?? "",
            expiry: context.parameters.get("expiry") ?? "", signature: context.parameters.get("sig") ?? "",
            signer: view.loaded.signer, config: view.config, kind: view.builder.periodKind, today: view.today)
    }

    static func linkPath(_ context: WebRequestContext) -> String {
        ["unit", "period", "expiry", "sig"].map { WebFormat.segment(context.parameters.get($0) ?? "") }
            .reduce("/u") { $0 + "/" + $1 }
    }

    static func view(_ site: WebSite, user: String) throws -> OfficeView {
        OfficeView(loaded: site.current, store: try site.store(), now: site.clock.now(), user: user)
    }

    static func ics(_ view: OfficeView, unit: String?) -> Response {
        let text = ICSCalendar(config: view.config, calendar: view.loaded.calendar)
            .render(unit: unit, now: view.now, today: view.today)
        return WebResponses.text(text, contentType: "text/calendar; charset=utf-8")
    }

    /// An `application/x-www-form-urlencoded` body (at most ``maxBodySize``), decoded.
    static func form(_ request: inout Request) async throws -> [String: String] {
        FormDecoding.decode(String(buffer: try await body(&request, upTo: maxBodySize)))
    }

    /// The body, refused with 413 as soon as it is known to exceed `limit`: by its
    /// `Content-Length` before anything is read, else (chunked) while it streams in,
    /// without ever holding more than `limit` bytes.
    static func body(_ request: inout Request, upTo limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        return try await request.collectBody(upTo: limit)
    }

    static func csrfRefused() -> Response {
        WebResponses.text("Biểu mẫu đã hết hạn hoặc không hợp lệ: hãy tải lại trang rồi gửi lại.\n", status: .forbidden)
    }
}

/// The error `run()` ended with, handed from the server's task to the blocked caller.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}
