import Foundation

/// The difficulties units raised (DESIGN §14) with the Office's actions, a page at a time,
/// and the dashboard's list of those still open.
enum DifficultyView {
    static let path = "/difficulties"
    /// Fewer than a table's ``WebPaging/pageSize``: each difficulty is a section with its
    /// history and a form.
    static let pageSize = 20

    /// The page's order: active ones (open or forwarded) oldest first, then the closed ones
    /// most recently changed first; ties in the store's order.
    static func ordered(_ all: [Difficulty]) -> [Difficulty] {
        all.filter { $0.status.isActive }.sorted { $0.raisedAt < $1.raisedAt }
            + all.filter { !$0.status.isActive }.sorted { $0.updatedAt > $1.updatedAt }
    }

    /// The page (from 1) that lists the difficulty at `index` of ``ordered(_:)``.
    static func pageNumber(index: Int) -> Int { index / pageSize + 1 }

    /// Active difficulties, oldest first, with their age in days: the start of ``ordered(_:)``,
    /// so the dashboard's first few (fewer than ``pageSize``) are all on `/difficulties`' first page.
    static func openRows(_ view: OfficeView) throws -> [[String: Any]] {
        ordered(try view.store?.difficulties() ?? []).prefix { $0.status.isActive }.map { row($0, view) }
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

    /// `/difficulties?page=N`. Without a page, the one listing the difficulty just `saved` or
    /// sent back with an error (`form`), so the redirect's or the answer's anchor is on it.
    static func page(
        _ view: OfficeView, csrf: String, saved: String?, requestedPage: String? = nil, form: FormState? = nil
    ) throws -> [String: Any] {
        var context = view.base(title: "Vướng mắc của các đơn vị")
        context["saved"] = saved
        let ordered = ordered(try view.store?.difficulties() ?? [])
        var requested = requestedPage
        if let focus = form?.id ?? (requestedPage == nil ? saved : nil),
            let index = ordered.firstIndex(where: { $0.id == focus })
        {
            requested = "\(pageNumber(index: index))"
        }
        let paging = WebPaging(total: ordered.count, requested: requested, size: pageSize)
        context.merge(paging.context(path: path)) { $1 }
        context["difficulties"] = ordered[paging.range].map { difficulty -> [String: Any] in
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
