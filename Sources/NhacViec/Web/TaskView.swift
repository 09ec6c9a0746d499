import Foundation

/// A task's page (status history, reminders sent, the status form) and the task list.
enum TaskView {
    static func list(_ view: OfficeView) throws -> [String: Any] {
        var context = view.base(title: "Các nhiệm vụ của kế hoạch")
        let current = try view.currentTasks()
        context["areas"] = current.areas.map { area -> [String: Any] in
            [
                "name": area.name,
                "tasks": area.tasks.map { line -> [String: Any] in
                    [
                        "href": WebFormat.taskHref(line.id), "id": line.id, "title": line.title,
                        "lead": line.lead.name, "dueText": line.dueText, "status": WebFormat.statusName(line.status),
                        "css": WebFormat.statusClass(line.status),
                    ]
                },
            ]
        }
        return context
    }

    /// What the Office typed into the status form, echoed back with its errors.
    struct FormState {
        var status: TaskStatus?
        var progress = ""
        var note = ""
        var progressError: String?
    }

    /// Nil for an id the config does not know.
    static func page(_ view: OfficeView, id: String, csrf: String, saved: Bool, form: FormState? = nil) throws
        -> [String: Any]?
    {
        guard let task = view.config.task(id) else { return nil }
        var context = view.base(title: "Nhiệm vụ \(task.id): \(task.title)")
        let current = try view.currentTasks()
        let line = current.areas.flatMap(\.tasks).first { $0.id == id }
        context["saved"] = saved
        context["id"] = task.id
        context["area"] = task.area.vietnameseName
        context["lead"] = view.unitName(task.lead)
        context["leadHref"] = WebFormat.unitHref(task.lead)
        context["support"] = task.support.isEmpty ? "Không" : task.support.map(view.unitName).joined(separator: ", ")
        context["dueText"] = task.due.text
        if let due = line?.dueDate { context["dueDates"] = "\(due.weekday.vietnameseName), \(WebFormat.date(due))" }
        context["output"] = task.output
        context["status"] = line.map { WebFormat.statusName($0.status) } ?? TaskStatus.notStarted.vietnameseName
        context["action"] = WebFormat.taskHref(task.id) + "/status"
        context["csrf"] = csrf
        let history = try view.store?.taskHistory(taskID: id) ?? []
        let selected = form?.status ?? history.last?.status ?? .notStarted
        context["statusOptions"] = TaskStatus.allCases.map { status -> [String: Any] in
            ["value": status.rawValue, "label": status.vietnameseName, "selected": status == selected]
        }
        context["progress"] = form?.progress ?? ""
        context["note"] = form?.note ?? ""
        context["progressError"] = form?.progressError
        context["history"] = history.reversed().map { record -> [String: Any] in
            [
                "at": WebFormat.dateTime(record.at, view.clock), "status": record.status.vietnameseName,
                "progress": record.progress.map { "\($0)%" } ?? "", "note": record.note ?? "",
                "source": sourceName(record.source),
            ]
        }
        let sent = try view.store?.deliveries(duty: Duty.task(id: id).description) ?? []
        context["reminders"] = sent.reversed().prefix(300).map { entry -> [String: Any] in
            [
                "occurrence": LocalDate(iso: entry.occurrence).map(WebFormat.date) ?? entry.occurrence,
                "step": StepKind(ledgerText: entry.step)?.vietnameseLabel ?? entry.step,
                "recipient": DeliveryView.recipientName(entry.recipient, view), "channel": entry.channel,
                "status": WebFormat.deliveryStatusName(entry.status),
                "css": entry.status == .dead ? "late" : entry.status == .sent ? "ok" : "",
                "at": WebFormat.dateTime(entry.sentAt ?? entry.updatedAt, view.clock),
            ]
        }
        return context
    }

    /// `cli`, `web:<user>`, `submission:<unit>:<file>` in words.
    private static func sourceName(_ source: String) -> String {
        if source == "cli" { return "Dòng lệnh (nhacviec task)" }
        if source.hasPrefix("web:") { return "Trang web, \(source.dropFirst(4))" }
        if source.hasPrefix("submission:") {
            let parts = source.split(separator: ":", maxSplits: 2)
            return parts.count == 3 ? "Báo cáo của \(parts[1]) (\(parts[2]))" : source
        }
        return source
    }
}
