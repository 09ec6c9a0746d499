import Foundation

extension MessageComposer {
    /// One digest item with what its words depend on besides the step.
    struct ReminderItem {
        let step: ScheduledStep
        let timing: ReminderTiming
        /// Tasks only: the last reported status, when the caller knows it.
        let status: TaskStatus?

        var occurrence: DutyOccurrence { step.occurrence }

        var taskID: String? {
            if case .task(let id) = step.occurrence.duty { return id }
            return nil
        }
    }

    func reminderItems(of digest: Digest, taskStatus: (String) -> TaskStatus?) -> [ReminderItem] {
        let today = clock.localDate(of: digest.at)
        return digest.items.map { item in
            let occurrence = item.step.occurrence
            let status: TaskStatus? =
                if case .task(let id) = occurrence.duty { taskStatus(id) } else { nil }
            return ReminderItem(
                step: item.step, timing: ReminderTiming(today: today, due: occurrence.due, calendar: calendar),
                status: status)
        }
    }

    /// The digest is about another unit's overdue work: sent to a head, or an
    /// escalation copy to the office or a group.
    private func isEscalation(_ digest: Digest) -> Bool {
        if case .head = digest.recipient { return true }
        return !digest.items.isEmpty && digest.items.allSatisfy { $0.step.kind == .escalation }
    }

    // MARK: Subject

    /// "[Nhắc việc] Phòng Quản lý đầu tư: 2 nhiệm vụ quá hạn, 1 sắp đến hạn", or for one
    /// item "[Nhắc việc] <title>: đến hạn hôm nay". Escalations name the unit concerned.
    func subject(of digest: Digest, items: [ReminderItem]) -> String {
        if isDifficultyDigest(items) { return difficultySubject(items) }
        let prefix = "[\(kind(of: digest))]"
        if items.count == 1, let only = items.first {
            let unit = isEscalation(digest) ? unitName(only.occurrence.responsibleUnit) + " – " : ""
            let title = Self.shortened(only.occurrence.title, to: 90)
            return "\(prefix) \(unit)\(title): \(text.subjectTiming(only.timing, due: only.occurrence.due))"
        }
        var counts = [0, 0, 0]
        for item in items { counts[item.timing.group] += 1 }
        let tasks = items.filter { $0.taskID != nil }.count
        let noun: MessageText.Noun = tasks == items.count ? .task : tasks == 0 ? .report : .item
        return "\(prefix) \(subjectName(of: digest, items: items)): \(text.counts(counts, noun: noun))"
    }

    /// "Nhắc việc", "Nhắc việc – Đôn đốc", "Nhắc việc – Báo cáo Thủ trưởng": the
    /// subject's bracketed prefix and the start of the HTML banner.
    func kind(of digest: Digest) -> String {
        if case .head = digest.recipient {
            return text.pick("Nhắc việc – Báo cáo Thủ trưởng", "Reminder – Escalation to head")
        }
        if isEscalation(digest) { return text.pick("Nhắc việc – Đôn đốc", "Reminder – Follow-up") }
        return text.pick("Nhắc việc", "Reminder")
    }

    /// Whose items these are: the recipient, or for escalations the units concerned.
    private func subjectName(of digest: Digest, items: [ReminderItem]) -> String {
        guard isEscalation(digest) else { return name(of: digest.recipient) }
        var units: [String] = []
        for item in items where !units.contains(item.occurrence.responsibleUnit) {
            units.append(item.occurrence.responsibleUnit)
        }
        guard let first = units.first else { return name(of: digest.recipient) }
        switch units.count {
        case 1: return unitName(first)
        case 2: return "\(unitName(first)), \(unitName(units[1]))"
        default:
            return text.pick(
                "\(unitName(first)) và \(units.count - 1) đơn vị khác",
                "\(unitName(first)) and \(units.count - 1) other units")
        }
    }

    /// `text` on one line, at most `length` characters: cut at the last space
    /// that fits, with "…"; only a single word longer than that is cut inside.
    static func shortened(_ text: String, to length: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > length else { return flat }
        let room = flat.prefix(length - 1)
        let endsAWord = flat[room.endIndex] == " "
        let cut = endsAWord ? room : room.lastIndex(of: " ").map { room[..<$0] } ?? room
        return cut.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–-")) + "…"
    }

    // MARK: Body

    func body(of digest: Digest, items: [ReminderItem], subject: String) -> MessageBody {
        var paragraphs: [String] = []
        let greeting: String
        switch digest.recipient {
        case .head(let id):
            let unit = unitName(id)
            let head = config.unit(id)?.head
            let isNamed = head?.title != nil || head?.name != nil
            let whom = name(of: digest.recipient)
            greeting =
                isNamed
                ? text.pick("Kính gửi: \(whom) (\(unit))", "To: \(whom) (\(unit))")
                : text.pick("Kính gửi: \(whom)", "To: \(whom)")
            paragraphs.append(
                text.pick(
                    "Xin báo cáo đồng chí: \(unit) có \(items.count) việc đã quá hạn mà chưa hoàn thành (chi tiết dưới đây).",
                    "\(unit) has \(MessageText.counted(items.count, "overdue item")) not yet completed (details below)."
                ))
            if head?.email == nil {
                let passOn =
                    isNamed
                    ? text.pick("đồng chí \(whom)", whom) : text.pick("người đứng đầu đơn vị", "the head of the unit")
                paragraphs.append(
                    text.pick(
                        "Thư gửi qua hộp thư của đơn vị vì chưa có địa chỉ thư riêng của người đứng đầu; đề nghị đơn vị chuyển đến \(passOn).",
                        "Sent to the unit's mailbox because no address is configured for its head; please pass it on to \(passOn)."
                    ))
            }
        default:
            greeting = text.pick("Kính gửi: \(name(of: digest.recipient))", "To: \(name(of: digest.recipient))")
            if isDifficultyDigest(items) {
                paragraphs.append(difficultyIntro(digest, items: items))
            } else if isEscalation(digest) {
                paragraphs.append(
                    text.pick(
                        "Các việc dưới đây đã quá hạn và đã được báo cáo người đứng đầu đơn vị chịu trách nhiệm; xin gửi để theo dõi, đôn đốc.",
                        "The items below are overdue and have been escalated to the head of the responsible unit; sent for follow-up."
                    ))
            } else if items.count == 1 {
                paragraphs.append(text.pick("Xin nhắc đơn vị việc dưới đây.", "This is a reminder of the item below."))
            } else {
                paragraphs.append(
                    text.pick(
                        "Xin nhắc đơn vị \(items.count) việc dưới đây, việc gấp nhất xếp trước.",
                        "This is a reminder of the \(items.count) items below, the most urgent first."))
            }
        }
        if !digest.cc.isEmpty {
            let names = digest.cc.map(name(of:)).joined(separator: ", ")
            paragraphs.append(
                text.pick("Thư đồng gửi đơn vị phối hợp: \(names).", "Copied to the supporting units: \(names)."))
        }
        return MessageBody(
            language: config.organization.language, heading: subject, banner: banner(kind(of: digest)),
            greeting: greeting, paragraphs: paragraphs,
            sections: items.map { section($0, digest: digest) },
            footer: isDifficultyDigest(items) ? difficultyFooter(digest) : footer(of: digest, items: items))
    }

    private func section(_ item: ReminderItem, digest: Digest) -> MessageBody.Section {
        let occurrence = item.occurrence
        if let difficulty = occurrence.difficulty {
            return difficultySection(item, difficulty: difficulty, digest: digest)
        }
        var fields: [MessageBody.Field] = []
        switch occurrence.duty {
        case .task(let id):
            let task = config.tasks.first { $0.id == id }
            let area = task.map { text.isEnglish ? $0.area.englishName : $0.area.vietnameseName }
            fields.append(.init(label: text.pick("Nhiệm vụ", "Task"), value: area.map { "\(id) – \($0)" } ?? id))
        case .monthlyReport:
            fields.append(.init(label: text.pick("Báo cáo", "Report"), value: monthlyReportLine(occurrence)))
        case .request(let id, _):
            fields.append(
                .init(
                    label: text.pick("Báo cáo", "Report"),
                    value: text.pick("Báo cáo đột xuất theo yêu cầu (mã \(id))", "Ad hoc report on request (id \(id))"))
            )
        case .consolidatedReport, .difficulty:
            fields.append(.init(label: text.pick("Báo cáo", "Report"), value: occurrence.title))
        }
        fields.append(.init(label: text.pick("Thời hạn", "Deadline"), value: deadline(occurrence)))
        fields.append(
            .init(label: text.pick("Tình trạng", "Timing"), value: text.timing(item.timing), emphasized: true))
        fields.append(
            .init(label: text.pick("Lần nhắc", "Reminder"), value: text.step(item.step.kind, policy: occurrence.policy))
        )
        switch occurrence.duty {
        case .task(let id):
            let task = config.tasks.first { $0.id == id }
            fields.append(.init(label: text.pick("Chủ trì", "Lead unit"), value: unitName(occurrence.responsibleUnit)))
            if let support = task?.support, !support.isEmpty {
                fields.append(
                    .init(
                        label: text.pick("Phối hợp", "Supporting units"),
                        value: support.map(unitName).joined(separator: ", ")))
            }
            if let output = task?.output, !output.isEmpty {
                fields.append(.init(label: text.pick("Sản phẩm", "Output"), value: output))
            }
            if let status = item.status {
                fields.append(
                    .init(label: text.pick("Tiến độ đã báo", "Reported status"), value: text.taskStatus(status)))
            }
        case .monthlyReport, .request, .consolidatedReport, .difficulty:
            fields.append(
                .init(label: text.pick("Đơn vị báo cáo", "Reporting unit"), value: unitName(occurrence.responsibleUnit))
            )
        }
        fields.append(.init(label: text.pick("Việc cần làm", "What to do"), value: action(item, digest: digest)))
        if let link = unitPageLink(item, digest: digest) {
            fields.append(.init(label: text.pick("Báo cáo trực tuyến", "Report online"), value: link, isLink: true))
        }
        return MessageBody.Section(title: occurrence.title, tone: item.timing.tone, fields: fields)
    }

    /// "Thứ Hai, 01/04/2024 (Tháng 3/2024) – lùi từ Chủ nhật, 31/03/2024 do trùng ngày nghỉ".
    /// The plan's text is left out only where it would repeat the date as shown ("29/03/2024").
    func deadline(_ occurrence: DutyOccurrence) -> String {
        var value = text.date(occurrence.due)
        let written = dueText(occurrence).trimmingCharacters(in: .whitespaces)
        let nominal = occurrence.nominalDue
        let repeatsTheDate =
            !text.isEnglish
            && [nominal.vietnameseNumeric, "\(nominal.day)/\(nominal.month)/\(nominal.year)"].contains(written)
        if !repeatsTheDate { value += " (\(written))" }
        if occurrence.nominalDue != occurrence.due {
            let nominal = text.date(occurrence.nominalDue)
            value +=
                occurrence.nominalDue < occurrence.due
                ? text.pick(" – lùi từ \(nominal) do trùng ngày nghỉ", " – moved from \(nominal), a day off")
                : text.pick(
                    " – chuyển lên sớm từ \(nominal) do trùng ngày nghỉ",
                    " – brought forward from \(nominal), a day off")
        }
        return value
    }

    /// The deadline as written: the plan's text for tasks and requests; for
    /// monthly reports the rule (in the message language, as the config writes it in English).
    func dueText(_ occurrence: DutyOccurrence) -> String {
        if case .monthlyReport = occurrence.duty, let monthly = config.reports.monthly {
            return text.reportRule(monthly.due)
        }
        return occurrence.dueText
    }

    private func period(of occurrence: DutyOccurrence) -> ReportPeriod? {
        guard let monthly = config.reports.monthly else { return nil }
        return ReportPeriod(parsing: occurrence.occurrence, kind: monthly.period)
    }

    private func monthlyReportLine(_ occurrence: DutyOccurrence) -> String {
        guard let period = period(of: occurrence) else {
            return text.pick(
                "Báo cáo định kỳ hằng tháng, kỳ \(occurrence.occurrence)",
                "Monthly report, period \(occurrence.occurrence)")
        }
        let start = text.plainDate(period.start)
        let end = text.plainDate(period.end)
        return text.pick(
            "Báo cáo định kỳ \(text.month(period)), số liệu từ \(start) đến \(end)",
            "Monthly report for \(text.month(period)), data from \(start) to \(end)")
    }

    /// "báo cáo tháng 3/2024" / "report for March 2024"; "báo cáo" / "report" for a request.
    func reportName(_ occurrence: DutyOccurrence) -> String {
        if case .monthlyReport = occurrence.duty, let period = period(of: occurrence) {
            return text.pick("báo cáo \(text.month(period))", "report for \(text.month(period))")
        }
        return text.pick("báo cáo", "report")
    }

    private func footer(of digest: Digest, items: [ReminderItem]) -> [String] {
        let tasks = items.contains { $0.taskID != nil }
        let reports = items.contains { $0.taskID == nil }
        let stop: String =
            switch (tasks, reports) {
            case (true, false): text.pick("ghi nhận nhiệm vụ đã hoàn thành", "records the task as done")
            case (false, true): text.pick("nhận được báo cáo", "receives the report")
            default:
                text.pick(
                    "ghi nhận nhiệm vụ đã hoàn thành hoặc nhận được báo cáo",
                    "records the task as done or receives the report")
            }
        return [
            text.pick(
                "Thư gửi tự động từ hệ thống nhắc việc (nhacviec) của \(origin), lúc \(text.moment(digest.at, clock: clock)).",
                "Sent automatically by the nhacviec reminder system of \(origin), at \(text.moment(digest.at, clock: clock))."
            ),
            text.pick("Nhắc việc tự dừng khi \(officeName) \(stop).", "Reminders stop when \(officeName) \(stop)."),
            text.pick("Mọi trao đổi xin gửi \(officeContact).", "Please address any questions to \(officeContact)."),
        ]
    }

    // MARK: Webhooks

    func webhookItem(_ item: ReminderItem, digest: Digest) -> WebhookDigest.Item {
        let occurrence = item.occurrence
        let status =
            occurrence.difficulty.map { difficultyWebhookStatus($0, at: digest.at) }
            ?? (item.taskID != nil ? (item.status ?? .notStarted).rawValue : "not_received")
        // Email text is normalised by the renderer; a webhook body carries config text as is, so NFC it here.
        var note =
            "\(text.timing(item.timing)) – \(text.step(item.step.kind, policy: occurrence.policy)). "
            + action(item, digest: digest)
        if let link = unitPageLink(item, digest: digest) {
            note += text.pick(" Báo cáo trực tuyến: ", " Report online: ") + link
        }
        return WebhookDigest.Item(
            duty: occurrence.duty.description, title: occurrence.title.nfc,
            step: item.step.kind.description, due: occurrence.due,
            dueText: dueText(occurrence).nfc, unit: occurrence.responsibleUnit,
            status: status, note: note.nfc)
    }
}
