import Foundation
import Hummingbird

/// The Office forwards, resolves or withdraws a difficulty from its page (POST, CSRF-checked
/// by the caller) through ``DifficultyActions``, the call `nhacviec difficulty` makes, so a
/// resolution reaches the unit the same way.
enum DifficultyForm {
    static func handle(site: WebSite, user: String, id: String, form: [String: String]) throws -> Response {
        let view = try WebServer.view(site, user: user)
        let note = String((form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000))
        let target: DifficultyStatus? =
            switch form["action"] {
            case "forward": .forwarded
            case "resolve": .resolved
            case "withdraw": .withdrawn
            default: nil
            }
        func again(_ error: String) throws -> Response {
            let page = try DifficultyView.page(
                view, csrf: site.csrf.token(user: user), saved: nil,
                form: DifficultyView.FormState(id: id, note: note, error: error))
            return WebResponses.html(site.pages.render("difficulties", page), status: .unprocessableContent)
        }
        guard let target else { return try again("Hãy chọn một thao tác: chuyển xử lý, giải quyết hoặc rút.") }
        if target == .resolved, note.isEmpty {
            return try again("Khi giải quyết, hãy ghi ý kiến chỉ đạo hoặc kết quả xử lý.")
        }
        let at = Date(timeIntervalSince1970: view.now.timeIntervalSince1970.rounded(.down))
        do {
            _ = try DifficultyActions.change(
                store: try site.writableStore(), id: id, to: target, note: note.isEmpty ? nil : note, at: at,
                source: "web:\(user)", logger: site.logger)
        } catch let error as DifficultyError {
            if error.code == .unknownID { return WebResponses.notFound() }
            return try again(error.message)
        }
        site.logger.notice(
            "difficulty changed",
            metadata: ["difficulty.id": "\(id)", "difficulty.status": "\(target.rawValue)", "web.user": "\(user)"])
        // Back to the page that now lists it (see DifficultyView.page), at its section.
        return WebResponses.redirect(
            "/difficulties?saved=" + WebFormat.segment(id) + "#vm-" + WebFormat.segment(id))
    }
}
