import Foundation
import Hummingbird

/// The Office sets a task's status from its page (POST, CSRF-checked by the caller),
/// through the same store call as `nhacviec task`, recorded with source `web:<user>`.
enum TaskStatusForm {
    static func handle(site: WebSite, user: String, taskID: String, form: [String: String]) throws -> Response {
        let view = try WebServer.view(site, user: user)
        guard view.config.tasks.contains(where: { $0.id == taskID }) else { return WebResponses.notFound() }
        var state = TaskView.FormState()
        state.status = TaskStatus(rawValue: form["status"] ?? "")
        state.progress = (form["progress"] ?? "").trimmingCharacters(in: .whitespaces)
        state.note = String((form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(2000))
        var progress: Int?
        if !state.progress.isEmpty {
            if let value = Int(state.progress), (0...100).contains(value) {
                progress = value
            } else {
                state.progressError = "Tiến độ là một số nguyên từ 0 đến 100."
            }
        }
        guard let status = state.status, state.progressError == nil else {
            guard
                let page = try TaskView.page(
                    view, id: taskID, csrf: site.csrf.token(user: user), saved: false, form: state)
            else { return WebResponses.notFound() }
            return WebResponses.html(site.pages.render("task", page), status: .unprocessableContent)
        }
        // Whole seconds, as reports compile "as of" whole seconds: a status set now shows at once.
        let at = Date(timeIntervalSince1970: view.now.timeIntervalSince1970.rounded(.down))
        try site.writableStore().setTaskStatus(
            taskID: taskID, status: status, progress: progress, note: state.note.isEmpty ? nil : state.note,
            at: at, source: "web:\(user)")
        site.logger.notice(
            "task status set",
            metadata: ["task.id": "\(taskID)", "task.status": "\(status.rawValue)", "web.user": "\(user)"])
        return WebResponses.redirect(WebFormat.taskHref(taskID) + "?saved=1")
    }
}
