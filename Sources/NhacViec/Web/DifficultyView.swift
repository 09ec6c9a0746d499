import Foundation

/// The difficulties units raised (DESIGN §14) with the Office's actions, and the
/// dashboard's list of those still open.
enum DifficultyView {
    /// Active difficulties (open or forwarded), oldest first, with their age in days.
    static func openRows(_ view: OfficeView) throws -> [[String: Any]] {
        let active = try (view.store?.difficulties() ?? []).filter { $0.status.isActive }
        return active.sorted { $0.raisedAt < $1.raisedAt }.map { row($0, view) }
    }

    static func row(_ difficulty: Difficulty, _ view: OfficeView) -> [String: Any] {
        let raised = view.clock.localDate(of: difficulty.raisedAt)
        var row: [String: Any] = [
            "id": difficulty.id, "unit": view.unitName(difficulty.unit),
            "unitHref": WebFormat.unitHref(difficulty.unit),
            "text": difficulty.text, "status": difficulty.status.vietnameseName,
            "raised": WebFormat.date(raised), "age": max(0, raised.days(until: view.today)),
            "anchor": "vm-" + WebFormat.segment(difficulty.id),
        ]
        if let task = difficulty.task {
            row["task"] = task
            row["taskHref"] = WebFormat.taskHref(task)
        }
        return row
    }

    /// What the Office typed for one difficulty, echoed back with its error.
    struct FormState {
        var id: String
        var note: String
        var error: String
    }

    static func page(_ view: OfficeView, csrf: String, saved: String?, form: FormState? = nil) throws -> [String: Any] {
        var context = view.base(title: "Vướng mắc của các đơn vị")
        context["saved"] = saved
        let all = try view.store?.difficulties() ?? []
        let ordered =
            all.filter { $0.status.isActive }.sorted { $0.raisedAt < $1.raisedAt }
            + all.filter { !$0.status.isActive }.sorted { $0.updatedAt > $1.updatedAt }
        context["difficulties"] = ordered.map { difficulty -> [String: Any] in
            var row = row(difficulty, view)
            row["action"] = "/difficulties/" + WebFormat.segment(difficulty.id)
            row["csrf"] = csrf
            row["active"] = difficulty.status.isActive
            row["canForward"] = difficulty.status.canMove(to: .forwarded)
            row["noteID"] = "note-" + WebFormat.segment(difficulty.id)
            if let form, form.id == difficulty.id {
                row["note"] = form.note
                row["error"] = form.error
            }
            row["history"] = difficulty.history.map { event -> [String: Any] in
                [
                    "at": WebFormat.dateTime(event.at, view.clock), "status": event.status.vietnameseName,
                    "note": event.note ?? "",
                ]
            }
            return row
        }
        return context
    }
}
