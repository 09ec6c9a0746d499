/// Turns a report into the blocks of its body (sections I–V) and its appendix table.
///
/// All wording of the body lives here, so every format says the same thing.
enum ReportOutline {
    /// Text width of an A4 page with 30 mm and 15 mm side margins, in twips.
    static let textWidth = 9355

    static let sectionTitles = [
        "I. Kết quả thực hiện nhiệm vụ",
        "II. Tình hình báo cáo của các đơn vị",
        "III. Tồn tại, hạn chế, vướng mắc",
        "IV. Nhiệm vụ trọng tâm tháng tới",
        "V. Đề xuất, kiến nghị",
    ]

    static func body(_ report: ConsolidatedReport) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        blocks += taskSection(report)
        blocks += reportingSection(report)
        blocks += difficultySection(report)
        blocks += nextPeriodSection(report)
        blocks += proposalSection(report)
        return blocks
    }

    // MARK: - I

    private static func taskSection(_ report: ConsolidatedReport) -> [ReportBlock] {
        let tasks = report.tasks
        let period = report.period
        var blocks: [ReportBlock] = [.heading(sectionTitles[0])]
        blocks.append(
            .paragraph([
                ReportRun(
                    "Tổng số nhiệm vụ theo kế hoạch: \(tasks.totals.total) nhiệm vụ. Tính đến ngày "
                        + "\(report.compileDate.vietnameseNumeric): \(countPhrase(tasks.totals, skipZero: false)).")
            ]))
        let periodText = ReportText.periodPhrase(
            month: period.month, year: period.year, start: period.start, end: period.end)
        if tasks.completedInPeriod.isEmpty {
            blocks.append(.paragraph([ReportRun("Trong kỳ báo cáo \(periodText), chưa có nhiệm vụ nào hoàn thành.")]))
        } else {
            blocks.append(
                .paragraph([
                    ReportRun(
                        "Trong kỳ báo cáo \(periodText), các đơn vị đã hoàn thành "
                            + "\(tasks.completedInPeriod.count) nhiệm vụ:")
                ]))
            for line in tasks.completedInPeriod {
                var details = ["chủ trì: \(line.lead.name)"]
                if let day = line.completedOn { details.append("hoàn thành ngày \(day.vietnameseNumeric)") }
                if let note = line.note, !note.isEmpty { details.append(note) }
                blocks.append(taskItem(line, details: details))
            }
        }
        blocks.append(.table(countsTable(tasks)))
        for (index, area) in tasks.areas.enumerated() {
            blocks.append(.subheading("\(index + 1). \(area.name)"))
            blocks.append(
                .paragraph([
                    ReportRun("Tổng số \(area.counts.total) nhiệm vụ: \(countPhrase(area.counts, skipZero: true)).")
                ]))
            for (status, label) in [(ReportTaskStatus.overdue, "Quá hạn"), (.blocked, "Vướng mắc")] {
                for line in area.tasks where line.status == status {
                    blocks.append(taskItem(line, label: label, details: taskDetails(line)))
                }
            }
        }
        blocks.append(.paragraph([ReportRun("Chi tiết tình hình thực hiện từng nhiệm vụ tại Phụ lục kèm theo.")]))
        return blocks
    }

    private static func countPhrase(_ counts: ConsolidatedReport.TaskCounts, skipZero: Bool) -> String {
        let parts: [(String, Int)] = [
            ("đã hoàn thành", counts.done), ("đang thực hiện", counts.inProgress),
            ("chưa thực hiện", counts.notStarted), ("quá hạn", counts.overdue), ("vướng mắc", counts.blocked),
            ("thường xuyên", counts.ongoing),
        ]
        return parts.filter { !skipZero || $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: "; ")
    }

    /// "chủ trì: Thanh tra", "thời hạn: 29/02/2024", "quá hạn 49 ngày", "<note>".
    private static func taskDetails(_ line: ConsolidatedReport.TaskLine) -> [String] {
        var parts = ["chủ trì: \(line.lead.name)"]
        if let due = line.dueDate { parts.append("thời hạn: \(due.vietnameseNumeric)") }
        if let days = line.daysOverdue { parts.append("quá hạn \(days) ngày") }
        if let note = line.note, !note.isEmpty { parts.append(note) }
        return parts
    }

    /// One task as a list item: "- I.1. <title> (<details, by semicolons>).", after
    /// "- <label>: " in bold when there is a label.
    private static func taskItem(
        _ line: ConsolidatedReport.TaskLine, label: String? = nil, details: [String]
    ) -> ReportBlock {
        let text = "\(line.id). \(line.title) (\(details.joined(separator: "; ")))."
        guard let label else { return .item([ReportRun("- " + text)]) }
        return .item([ReportRun("- \(label): ", bold: true), ReportRun(text)])
    }

    private static func countsTable(_ tasks: ConsolidatedReport.TaskResults) -> ReportTable {
        let titles = [
            "Tổng số", "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn", "Vướng mắc", "Thường xuyên",
        ]
        let columns =
            [
                ReportTable.Column(title: "STT", width: 620, centered: true),
                ReportTable.Column(title: "Lĩnh vực", width: 1875, centered: false),
            ] + titles.map { ReportTable.Column(title: $0, width: 980, centered: true) }
        func numbers(_ counts: ConsolidatedReport.TaskCounts) -> [[String]] {
            [
                counts.total, counts.done, counts.inProgress, counts.notStarted, counts.overdue, counts.blocked,
                counts.ongoing,
            ].map { ["\($0)"] }
        }
        var rows: [ReportTable.Row] = tasks.areas.enumerated().map { index, area in
            .cells([["\(index + 1)"], [area.name]] + numbers(area.counts))
        }
        rows.append(.total([[""], ["Tổng cộng"]] + numbers(tasks.totals)))
        return ReportTable(columns: columns, rows: rows, size: 22)
    }

    // MARK: - II

    private static func reportingSection(_ report: ConsolidatedReport) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(sectionTitles[1])]
        if let monthly = report.unitReports {
            blocks.append(
                .paragraph([
                    ReportRun(
                        "Báo cáo định kỳ tháng \(report.period.month)/\(report.period.year): "
                            + "\(monthly.units.count) đơn vị phải gửi báo cáo, hạn gửi ngày "
                            + "\(monthly.dueDate.vietnameseNumeric). \(trackingCounts(monthly)).")
                ]))
            if !monthly.units.isEmpty { blocks.append(.table(unitTable(monthly))) }
        }
        for request in report.requests {
            blocks.append(
                .paragraph([
                    ReportRun(
                        "Báo cáo đột xuất “\(request.title)”, hạn gửi ngày \(request.dueDate.vietnameseNumeric). "
                            + "\(trackingCounts(request)).")
                ]))
            if !request.units.isEmpty { blocks.append(.table(unitTable(request))) }
        }
        if report.unitReports == nil && report.requests.isEmpty {
            blocks.append(.paragraph([ReportRun("Trong kỳ không có báo cáo nào đến hạn.")]))
        }
        blocks.append(
            .paragraph([
                ReportRun(
                    "Trong kỳ, hệ thống đã gửi \(report.deliveries.reminders) lượt nhắc việc và "
                        + "\(report.deliveries.escalations) lượt báo cáo người đứng đầu đơn vị về nhiệm vụ, "
                        + "báo cáo quá hạn.")
            ]))
        return blocks
    }

    private static func trackingCounts(_ tracking: ConsolidatedReport.ReportTracking) -> String {
        "Đúng hạn: \(tracking.onTimeCount) đơn vị; chậm: \(tracking.lateCount) đơn vị; "
            + "chưa gửi: \(tracking.missingCount) đơn vị"
    }

    private static func unitTable(_ tracking: ConsolidatedReport.ReportTracking) -> ReportTable {
        let columns = [
            ReportTable.Column(title: "STT", width: 680, centered: true),
            ReportTable.Column(title: "Đơn vị", width: 4875, centered: false),
            ReportTable.Column(title: "Ngày nhận", width: 1900, centered: true),
            ReportTable.Column(title: "Tình trạng", width: 1900, centered: true),
        ]
        let rows = tracking.units.enumerated().map { index, unit in
            ReportTable.Row.cells([
                ["\(index + 1)"], [unit.unit.name], [unit.receivedOn?.vietnameseNumeric ?? ""],
                [unit.vietnameseStatus],
            ])
        }
        return ReportTable(columns: columns, rows: rows)
    }

    // MARK: - III, IV, V

    /// III: the tracked difficulties (DESIGN §14) open at the compile moment, those
    /// resolved in the period with the direction given, then what else the reports and
    /// task statuses say (free notes not tracked as records, blocked tasks).
    private static func difficultySection(_ report: ConsolidatedReport) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(sectionTitles[2])]
        let blocked = report.tasks.areas.flatMap(\.tasks).filter { $0.status == .blocked }
        // A report's difficulties are also records: each is shown once, as its record.
        let tracked = Set(
            (report.openDifficulties + report.resolvedDifficulties).map {
                "\($0.unit.id)/\(Difficulty.normalizedText($0.text))"
            })
        let notes = report.difficulties.filter {
            !tracked.contains("\($0.unit.id)/\(Difficulty.normalizedText($0.text))")
        }
        let open = report.openDifficulties
        let resolved = report.resolvedDifficulties
        if open.isEmpty && resolved.isEmpty && notes.isEmpty && blocked.isEmpty {
            blocks.append(.paragraph([ReportRun("Trong kỳ, các đơn vị không phản ánh tồn tại, hạn chế, vướng mắc.")]))
            return blocks
        }
        var number = 0
        func subheading(_ title: String) {
            number += 1
            blocks.append(.subheading("\(number). \(title)"))
        }
        if !open.isEmpty {
            subheading("Vướng mắc chưa được giải quyết")
            blocks.append(
                .paragraph([
                    ReportRun(
                        "Tính đến ngày \(report.compileDate.vietnameseNumeric), còn \(open.count) vướng mắc do các "
                            + "đơn vị nêu chưa được giải quyết:")
                ]))
            blocks.append(.table(openDifficultyTable(open)))
        }
        if !resolved.isEmpty {
            subheading("Vướng mắc đã được giải quyết trong kỳ")
            for line in resolved {
                let direction = line.direction.map { $0.last.map { ".;!?".contains($0) } == true ? $0 : $0 + "." }
                blocks.append(
                    .item([
                        ReportRun("- \(unitLabel(line)) (\(line.id)): ", bold: true),
                        ReportRun(line.text.last.map { ".;!?".contains($0) } == true ? line.text : line.text + "."),
                        ReportRun(
                            " Ý kiến chỉ đạo (ngày \(line.resolvedOn?.vietnameseNumeric ?? "")): ", italic: true),
                        ReportRun(direction ?? ""),
                    ]))
            }
        }
        if !notes.isEmpty || !blocked.isEmpty {
            if number > 0 { subheading("Tồn tại, hạn chế khác") }
            for note in notes {
                blocks.append(.item(attributed(note)))
            }
            for line in blocked {
                var text = "\(line.id). \(line.title): đơn vị chủ trì báo có vướng mắc"
                if let note = line.note, !note.isEmpty { text += " (\(note))" }
                blocks.append(.item([ReportRun("- \(line.lead.name): ", bold: true), ReportRun("\(text).")]))
            }
        }
        return blocks
    }

    private static func unitLabel(_ line: ConsolidatedReport.DifficultyLine) -> String {
        line.unitInConfig ? line.unit.name : "\(line.unit.name) (đơn vị không còn trong cấu hình)"
    }

    private static func openDifficultyTable(_ lines: [ConsolidatedReport.DifficultyLine]) -> ReportTable {
        let columns = [
            ReportTable.Column(title: "STT", width: 560, centered: true),
            ReportTable.Column(title: "Mã", width: 1150, centered: true),
            ReportTable.Column(title: "Đơn vị nêu", width: 1700, centered: false),
            ReportTable.Column(title: "Nội dung vướng mắc", width: 2845, centered: false),
            ReportTable.Column(title: "Nhiệm vụ liên quan", width: 1300, centered: false),
            ReportTable.Column(title: "Tình trạng", width: 1100, centered: true),
            ReportTable.Column(title: "Số ngày", width: 700, centered: true),
        ]
        let rows = lines.enumerated().map { index, line in
            ReportTable.Row.cells([
                ["\(index + 1)"], [line.id], [unitLabel(line)], line.text.split(separator: "\n").map(String.init),
                [line.task.map { task in line.taskTitle.map { "\(task). \($0)" } ?? task } ?? ""],
                [DifficultyStatus(rawValue: line.status)?.vietnameseName ?? line.status], ["\(line.ageDays)"],
            ])
        }
        return ReportTable(columns: columns, rows: rows, size: 22)
    }

    private static func nextPeriodSection(_ report: ConsolidatedReport) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(sectionTitles[3])]
        let period = report.period
        let next = ReportText.periodPhrase(
            month: period.month == 12 ? 1 : period.month + 1, year: period.month == 12 ? period.year + 1 : period.year,
            start: period.nextStart, end: period.nextEnd)
        if report.nextPeriodTasks.isEmpty {
            blocks.append(.paragraph([ReportRun("Không có nhiệm vụ đến hạn trong kỳ báo cáo \(next).")]))
        } else {
            blocks.append(
                .paragraph([
                    ReportRun(
                        "Tập trung thực hiện \(report.nextPeriodTasks.count) nhiệm vụ đến hạn trong kỳ báo cáo \(next):"
                    )
                ]))
            for line in report.nextPeriodTasks {
                var details = ["chủ trì: \(line.lead.name)"]
                if let due = line.dueDate { details.append("thời hạn: \(due.vietnameseNumeric)") }
                blocks.append(taskItem(line, details: details))
            }
        }
        let totals = report.tasks.totals
        if totals.overdue > 0 {
            blocks.append(
                .paragraph([ReportRun("Đôn đốc các đơn vị hoàn thành \(totals.overdue) nhiệm vụ đã quá hạn.")]))
        }
        if totals.ongoing > 0 {
            blocks.append(.paragraph([ReportRun("Tiếp tục thực hiện \(totals.ongoing) nhiệm vụ thường xuyên.")]))
        }
        return blocks
    }

    private static func proposalSection(_ report: ConsolidatedReport) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(sectionTitles[4])]
        if report.proposals.isEmpty {
            blocks.append(.paragraph([ReportRun("Trong kỳ, các đơn vị không có đề xuất, kiến nghị.")]))
        }
        for note in report.proposals {
            blocks.append(.item(attributed(note)))
        }
        return blocks
    }

    private static func attributed(_ note: ConsolidatedReport.UnitNote) -> [ReportRun] {
        let text = note.text.last.map { ".;!?".contains($0) } == true ? note.text : note.text + "."
        return [ReportRun("- \(note.unit.name): ", bold: true), ReportRun(text)]
    }

    // MARK: - Appendix

    static func appendixTable(_ report: ConsolidatedReport) -> ReportTable {
        let columns = [
            // The text width of A4 with Decree 30 margins (9355 twips); "Phối hợp" often
            // lists several units, so it gets room enough for a unit name per line.
            ReportTable.Column(title: "STT", width: 560, centered: true),
            ReportTable.Column(title: "Nhiệm vụ", width: 2350, centered: false),
            ReportTable.Column(title: "Chủ trì", width: 1300, centered: false),
            ReportTable.Column(title: "Phối hợp", width: 1750, centered: false),
            ReportTable.Column(title: "Thời hạn", width: 1150, centered: true),
            ReportTable.Column(title: "Trạng thái", width: 1000, centered: true),
            ReportTable.Column(title: "Ghi chú", width: 1245, centered: false),
        ]
        var rows: [ReportTable.Row] = []
        var currentArea: Area?
        for row in report.appendix {
            if row.area != currentArea {
                currentArea = row.area
                // The plan's own numbering (I. chỉ đạo, điều hành … VII. chính quyền số), so the
                // group label matches task ids such as "V.2".
                let number = (Area.allCases.firstIndex(of: row.area) ?? 0) + 1
                rows.append(.group(label: ReportText.roman(number), title: row.area.vietnameseName))
            }
            var due: [String] = []
            if let date = row.dueDate {
                due.append(date.vietnameseNumeric)
                if row.dueText != date.vietnameseNumeric { due.append("(\(row.dueText))") }
            } else {
                due.append(row.dueText)
            }
            rows.append(
                .cells([
                    ["\(row.number)"], ["\(row.taskID). \(row.title)"], [row.lead],
                    [row.support.joined(separator: ", ")],
                    due, [row.status.vietnameseName], [row.note],
                ]))
        }
        return ReportTable(columns: columns, rows: rows, size: 22)
    }
}
