import Foundation

/// The current period at a glance (DESIGN §15): each unit's report, overdue tasks by area,
/// the next 10 working days' deadlines, deliveries retrying or dead.
enum DashboardView {
    static func context(_ view: OfficeView) throws -> [String: Any] {
        var context = view.base(title: "Tổng quan tình hình thực hiện")
        let period = view.reportingPeriod
        let tracked = try view.report(period)
        context["periodName"] = period.vietnameseName
        context["periodStart"] = WebFormat.date(period.start)
        context["periodEnd"] = WebFormat.date(period.end)
        context["today"] = "\(view.today.weekday.vietnameseName), \(WebFormat.date(view.today))"
        context["lastPass"] = try view.store?.lastRun().map { WebFormat.dateTime($0, view.clock) } ?? "chưa chạy"
        if let tracking = tracked.unitReports {
            context["reports"] = view.reportRows(tracking)
        }

        // Tasks are judged in the period that contains today, as of now.
        let current = try view.report(ReportPeriod.containing(view.today, kind: view.builder.periodKind))
        var overdueAreas: [[String: Any]] = []
        var overdueCount = 0
        for area in current.tasks.areas {
            let lines = area.tasks.filter { $0.status == .overdue }
            guard !lines.isEmpty else { continue }
            overdueCount += lines.count
            overdueAreas.append([
                "name": area.name,
                "tasks": lines.map { line -> [String: Any] in
                    [
                        "href": WebFormat.taskHref(line.id), "id": line.id, "title": line.title, "lead": line.lead.name,
                        "due": line.dueDate.map(WebFormat.date) ?? "", "dueText": line.dueText,
                        "days": line.daysOverdue ?? 0,
                    ]
                },
            ])
        }
        context["overdueAreas"] = overdueAreas
        context["overdueCount"] = overdueCount

        let end = view.loaded.calendar.adding(workingDays: 10, to: view.today)
        context["upcomingEnd"] = WebFormat.date(end)
        context["upcoming"] = try upcoming(view, through: end)

        let difficulties = try DifficultyView.openRows(view)
        context["difficulties"] = difficulties
        context["difficultyCount"] = difficulties.count

        let stuck = try view.store?.deliveries(excluding: [.sent, .skipped, .pending]) ?? []
        context["deliveryCount"] = stuck.count
        context["deliveries"] = stuck.reversed().prefix(200).map { entry -> [String: Any] in
            [
                "status": WebFormat.deliveryStatusName(entry.status), "css": entry.status == .dead ? "late" : "missing",
                "recipient": recipientName(entry.recipient, view), "channel": entry.channel, "duty": entry.duty,
                "step": entry.step, "attempts": entry.attempts, "error": entry.lastError ?? "",
                "next": entry.nextAttemptAt.map { WebFormat.dateTime($0, view.clock) } ?? "",
            ]
        }
        return context
    }

    /// Occurrences due from today through `end`, each with its current state.
    private static func upcoming(_ view: OfficeView, through end: LocalDate) throws -> [[String: Any]] {
        let occurrences = OccurrenceExpander(config: view.config, calendar: view.loaded.calendar)
            .occurrences(dueIn: view.today...end)
            .sorted { ($0.due, $0.duty.description) < ($1.due, $1.duty.description) }
        let statuses = try view.store?.currentTaskStatuses() ?? [:]
        var rows: [[String: Any]] = []
        for occurrence in occurrences.prefix(500) {
            var row: [String: Any] = [
                "date": WebFormat.date(occurrence.due), "weekday": occurrence.due.weekday.vietnameseName,
                "dueText": occurrence.dueText, "unit": view.unitName(occurrence.responsibleUnit),
            ]
            switch occurrence.duty {
            case .task(let id):
                row["label"] = "\(id) · \(occurrence.title)"
                row["href"] = WebFormat.taskHref(id)
                row["status"] = (statuses[id]?.status ?? .notStarted).vietnameseName
            case .monthlyReport, .request:
                row["label"] = occurrence.title
                let received =
                    try view.store?.reportReceived(occurrence.duty, occurrence: occurrence.occurrence) ?? false
                row["status"] = received ? "Đã nhận" : "Chưa nhận"
            case .consolidatedReport, .difficulty:
                continue
            }
            rows.append(row)
        }
        return rows
    }

    static func recipientName(_ recipient: String, _ view: OfficeView) -> String {
        if recipient.hasPrefix("head:") {
            return "Người đứng đầu " + view.unitName(String(recipient.dropFirst(5)))
        }
        if recipient.contains("@") { return recipient }
        return view.unitName(recipient)
    }
}
