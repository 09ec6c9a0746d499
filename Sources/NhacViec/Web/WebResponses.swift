import Foundation
import HTTPTypes
import Hummingbird

/// Responses with the headers every page carries (DESIGN §15): a CSP that allows no
/// script and no inline style, no framing, no referrer (unit links hold signatures),
/// no caching of private pages.
enum WebResponses {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func headers(contentType: String, cache: Bool = false) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = cache ? "public, max-age=3600" : "no-store"
        if let referrer = HTTPField.Name("Referrer-Policy") { headers[referrer] = "no-referrer" }
        if let frame = HTTPField.Name("X-Frame-Options") { headers[frame] = "DENY" }
        return headers
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: headers(contentType: "text/html; charset=utf-8"),
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(
        _ text: String, status: HTTPResponse.Status = .ok, contentType: String = "text/plain; charset=utf-8"
    )
        -> Response
    {
        Response(
            status: status, headers: headers(contentType: contentType),
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func file(_ data: Data, name: String, contentType: String) -> Response {
        var headers = headers(contentType: contentType)
        // The name is built from a validated period and format: plain ASCII.
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = headers(contentType: "text/plain; charset=utf-8")
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// 401 with a Basic challenge and no hint whether the name or the password was wrong.
    static func unauthorized() -> Response {
        var headers = headers(contentType: "text/plain; charset=utf-8")
        headers[.wwwAuthenticate] = "Basic realm=\"nhacviec\", charset=\"UTF-8\""
        return Response(
            status: .unauthorized, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: "Cần đăng nhập.\n")))
    }

    /// 429 after too many failed logins from one address; the same whatever was sent.
    static func tooManyLogins(retryAfter seconds: Int) -> Response {
        var response = text(
            "Đăng nhập sai quá nhiều lần; hãy thử lại sau \(seconds) giây.\n", status: .tooManyRequests)
        response.headers[.retryAfter] = "\(seconds)"
        return response
    }

    /// 503 when every worker is taken and the queue is full: try again in a second.
    static func busy() -> Response {
        var response = text("Máy chủ đang bận; hãy thử lại sau giây lát.\n", status: .serviceUnavailable)
        response.headers[.retryAfter] = "1"
        return response
    }

    /// 503 while the daemon creates or migrates the state longer than a request may wait.
    static func stateSettingUp() -> Response {
        var response = text(
            "Dịch vụ nhắc việc đang khởi tạo hoặc nâng cấp dữ liệu; hãy thử lại sau vài giây.\n",
            status: .serviceUnavailable)
        response.headers[.retryAfter] = "\(stateSettingUpRetryAfter)"
        return response
    }

    /// Seconds a client is told to wait during a state migration (which takes seconds).
    static let stateSettingUpRetryAfter = 5

    static func notFound() -> Response {
        text("Không tìm thấy trang này.\n", status: .notFound)
    }

    static func forbidden() -> Response {
        text("Liên kết không hợp lệ hoặc đã hết hạn.\n", status: .forbidden)
    }
}
