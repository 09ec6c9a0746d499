import Foundation
import HTTPTypes
import Hummingbird

/// How a request reaches its page: the Office's login (throttled per client address),
/// then the page's work on the site's workers, with the answers for every refusal.
extension WebServer {
    /// What a request's Basic credentials get; a request without them (a browser's first
    /// try) or with a malformed header is refused without counting as a failed login.
    static func login(_ site: WebSite, _ request: Request, _ context: WebRequestContext) -> (String, LoginOutcome) {
        guard let header = request.headers[.authorization], header.count < 4096,
            header.lowercased().hasPrefix("basic ")
        else { return ("", .refused) }
        let encoded = header.dropFirst(6).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return ("", .refused) }
        let user = String(text[..<colon])
        let password = String(text[text.index(after: colon)...])
        return (user, site.login(user: user, password: password, client: client(request, context)))
    }

    /// The client's address: the connection's peer, or behind a reverse proxy on this host
    /// (a loopback peer) the last address of the `X-Forwarded-For` it sets.
    static func client(_ request: Request, _ context: WebRequestContext) -> String {
        let peer = context.peer
        guard peer.hasPrefix("127.") || peer == "::1",
            let name = HTTPField.Name("X-Forwarded-For"),
            let forwarded = request.headers[name]?.split(separator: ",").last
        else { return peer }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        return address.isEmpty ? peer : address
    }

    /// 401 for no or wrong credentials, 429 while the client is throttled: neither says which part was wrong.
    static func refusal(_ outcome: LoginOutcome) -> Response {
        if case .throttled(let seconds) = outcome { return WebResponses.tooManyLogins(retryAfter: seconds) }
        return WebResponses.unauthorized()
    }

    /// Runs `page` for a logged-in Office user, else answers 401 (or 429); both on the workers.
    static func office(
        _ site: WebSite, _ request: Request, _ context: WebRequestContext,
        _ page: @escaping @Sendable (OfficeView) throws -> Response
    ) async throws -> Response {
        try await blocking(site) {
            let (user, outcome) = login(site, request, context)
            guard outcome == .accepted else { return refusal(outcome) }
            return try page(try view(site, user: user))
        }
    }

    /// An Office form's POST: 401 without a login, 403 without the user's CSRF token, else
    /// `handle(user, form)` on the workers.
    static func officePost(
        _ site: WebSite, _ request: Request, _ context: WebRequestContext,
        _ handle: @escaping @Sendable (String, [String: String]) throws -> Response
    ) async throws -> Response {
        var request = request
        let login: (String, LoginOutcome)
        do {
            login = try await site.workers.run { [request] in Self.login(site, request, context) }
        } catch is WebBusy {
            return busy(site)
        }
        let (user, outcome) = login
        guard outcome == .accepted else { return refusal(outcome) }
        let form = try await form(&request)
        guard site.csrf.isValid(form["csrf"] ?? "", user: user) else {
            site.logger.notice("POST refused: missing or wrong CSRF token", metadata: ["web.user": "\(user)"])
            return csrfRefused()
        }
        return try await blocking(site) { try handle(user, form) }
    }

    /// Builds a page on the workers; see ``onWorkers(_:_:)`` for what a failure answers.
    static func blocking(_ site: WebSite, _ work: @escaping @Sendable () throws -> Response) async throws -> Response {
        switch await onWorkers(site, work) {
        case .done(let response), .answered(let response): response
        }
    }

    /// What ``onWorkers(_:_:)`` got: the work's value, or the answer its failure gets.
    enum WorkerOutcome<Value> {
        case done(Value)
        case answered(Response)
    }

    /// Runs `work` on the workers, never on the threads every connection shares. A full pool
    /// or a state being set up answers 503 (counted); a state written by a newer nhacviec
    /// 503 with what to do (logged once); any other failure 500 with a page that points to
    /// the log, where the error is.
    static func onWorkers<Value: Sendable>(
        _ site: WebSite, _ work: @escaping @Sendable () throws -> Value
    ) async -> WorkerOutcome<Value> {
        do {
            return .done(try await site.workers.run(work))
        } catch is WebBusy {
            return .answered(busy(site))
        } catch let error as StoreError where error.code == .setupInProgress {
            return .answered(settingUp(site))
        } catch let error as StoreError where error.code == .newerSchema {
            site.noteNewerSchema(error)
            return .answered(
                WebResponses.html(
                    site.pages.render(
                        "message", site.messageContext(title: "Tạm ngừng phục vụ", text: newerSchemaText)),
                    status: .serviceUnavailable))
        } catch {
            site.logger.error("request failed", metadata: ["error": "\(error)"])
            return .answered(
                WebResponses.html(
                    site.pages.render(
                        "message",
                        site.messageContext(
                            title: "Đã có lỗi",
                            text: "Không lập được trang này; chi tiết lỗi có trong nhật ký của dịch vụ."
                        )),
                    status: .internalServerError))
        }
    }

    /// 503 for a full pool, counted and (sparingly) logged.
    static func busy(_ site: WebSite) -> Response {
        site.refusals.record(.busy)
        return WebResponses.busy()
    }

    /// 503 while another process holds the store's setup lock past `--state-wait`, counted and (sparingly) logged.
    static func settingUp(_ site: WebSite) -> Response {
        site.refusals.record(.stateSetup)
        return WebResponses.stateSettingUp()
    }

    static let newerSchemaText =
        "Dữ liệu trạng thái đã được một phiên bản nhacviec mới hơn phiên bản \(NhacViecVersion.current) của trang web "
        + "này cập nhật, nên trang web không đọc được. Hãy nâng cấp nhacviec rồi khởi động lại dịch vụ nhacviec-web."
}
