import Foundation

/// Words for difficulty items (DESIGN §14): a new difficulty, a reminder that one
/// is still waiting, an escalation, a resolution. They share digests with other
/// reminders, so they are sections like any item, with their own fields.
extension MessageComposer {
    /// Every item of the digest is a difficulty step.
    func isDifficultyDigest(_ items: [ReminderItem]) -> Bool {
        !items.isEmpty && items.allSatisfy { $0.occurrence.difficulty != nil }
    }

    /// "[Vướng mắc] Phòng Quản lý đầu tư – VM-2024-1: đã được giải quyết", or a count for several.
    func difficultySubject(_ items: [ReminderItem]) -> String {
        let prefix = text.pick("[Vướng mắc]", "[Difficulty]")
        if items.count == 1, let only = items.first, let difficulty = only.occurrence.difficulty {
            return "\(prefix) \(unitName(difficulty.unit)) – \(difficulty.id): \(stateWords(only.step.kind))"
        }
        return text.pick(
            "\(prefix) \(items.count) vướng mắc của các đơn vị cần theo dõi",
            "\(prefix) \(items.count) difficulties raised by units to follow up")
    }

    /// The opening paragraph of a digest made only of difficulties.
    func difficultyIntro(_ digest: Digest, items: [ReminderItem]) -> String {
        if items.allSatisfy({ $0.step.kind == .resolution }) {
            return text.pick(
                "Xin thông báo kết quả giải quyết vướng mắc dưới đây.",
                "Here is how the difficulty below was resolved.")
        }
        return text.pick(
            "Các vướng mắc dưới đây do đơn vị nêu, cần được xem xét, chỉ đạo giải quyết kịp thời.",
            "The difficulties below were raised by units and await consideration and a direction.")
    }

    func difficultyFooter(_ digest: Digest) -> [String] {
        [
            text.pick(
                "Thư gửi tự động từ hệ thống nhắc việc (nhacviec) của \(officeName), lúc \(text.moment(digest.at, clock: clock)).",
                "Sent automatically by the nhacviec reminder system of \(officeName), at \(text.moment(digest.at, clock: clock))."
            ),
            text.pick(
                "Nhắc vướng mắc tự dừng khi \(officeName) ghi nhận đã giải quyết (nhacviec difficulty resolve).",
                "Reminders stop when \(officeName) records the resolution (nhacviec difficulty resolve)."),
        ]
    }

    func difficultySection(_ item: ReminderItem, difficulty: Difficulty, digest: Digest) -> MessageBody.Section {
        var fields: [MessageBody.Field] = [
            .init(label: text.pick("Mã vướng mắc", "Difficulty"), value: difficulty.id),
            .init(label: text.pick("Đơn vị nêu", "Raised by"), value: unitName(difficulty.unit)),
        ]
        if config.unit(difficulty.unit) == nil {
            fields[1].value += text.pick(" (không còn trong cấu hình)", " (no longer in the config)")
        }
        if let task = difficulty.task {
            let title = config.tasks.first { $0.id == task }?.title
            fields.append(
                .init(
                    label: text.pick("Nhiệm vụ liên quan", "Related task"),
                    value: title.map { "\(task) – \($0)" } ?? task))
        }
        // From the raise of this item's cycle (its occurrence), not of a later reopening.
        let age = max(0, item.occurrence.due.days(until: clock.localDate(of: digest.at)))
        fields.append(
            .init(
                label: text.pick("Ngày nêu", "Raised on"),
                value: text.date(item.occurrence.due) + text.pick(" (\(age) ngày trước)", " (\(age) days ago)")))
        fields.append(
            .init(
                label: text.pick("Trạng thái", "Status"),
                value: {
                    // As it stood when the message was due: a resend after a later change says the same.
                    let status = difficulty.status(at: digest.at) ?? difficulty.status
                    return text.isEnglish ? status.englishName : status.vietnameseName
                }(),
                emphasized: true))
        fields.append(
            .init(label: text.pick("Lần nhắc", "Message"), value: text.step(item.step.kind, policy: .builtInDefault)))
        if item.step.kind == .resolution, let resolution = difficulty.resolution(atOrBefore: item.step.at) {
            fields.append(
                .init(
                    label: text.pick("Ý kiến chỉ đạo", "Direction given"), value: resolution.note ?? "",
                    emphasized: true))
        }
        fields.append(
            .init(
                label: text.pick("Việc cần làm", "What to do"),
                value: difficultyAction(item, difficulty: difficulty, digest: digest)))
        let tone: MessageBody.Tone =
            switch item.step.kind {
            case .resolution: .neutral
            case .notice: .dueToday
            default: .overdue
            }
        return MessageBody.Section(title: difficulty.text, tone: tone, fields: fields)
    }

    func difficultyAction(_ item: ReminderItem, difficulty: Difficulty, digest: Digest) -> String {
        let id = difficulty.id
        switch item.step.kind {
        case .resolution:
            return digest.recipient == .unit(difficulty.unit)
                ? text.pick(
                    "Đề nghị đơn vị thực hiện theo ý kiến chỉ đạo trên và báo cáo kết quả trong báo cáo tháng.",
                    "Please act on the direction above and report the result in the monthly report.")
                : text.pick("Để theo dõi; vướng mắc đã kết thúc.", "For your records; the difficulty is closed.")
        case .escalation:
            return text.pick(
                "Vướng mắc chưa được giải quyết sau \(text.duration(config.difficulties.followUp)); đề nghị xem xét, chỉ đạo.",
                "Still unresolved after \(text.duration(config.difficulties.followUp)); please consider and give a direction."
            )
        default:
            return text.pick(
                "Trình Ban Chỉ đạo xem xét (nhacviec difficulty forward \(id)); khi có ý kiến chỉ đạo, ghi nhận bằng nhacviec difficulty resolve \(id) --note \"Ý kiến chỉ đạo: …\".",
                "Submit it for a decision (nhacviec difficulty forward \(id)); when a direction is given, record it with nhacviec difficulty resolve \(id) --note \"…\"."
            )
        }
    }

    private func stateWords(_ kind: StepKind) -> String {
        switch kind {
        case .notice: text.pick("vướng mắc mới", "new difficulty")
        case .followUp(let n): text.pick("chưa được giải quyết (nhắc lần \(n))", "still unresolved (reminder \(n))")
        case .escalation: text.pick("chưa được giải quyết, báo cáo cấp trên", "still unresolved, escalated")
        case .resolution: text.pick("đã được giải quyết", "resolved")
        default: text.step(kind, policy: .builtInDefault).lowercasedFirst
        }
    }

    /// The status as it stood at the digest's time.
    func difficultyWebhookStatus(_ difficulty: Difficulty, at instant: Date) -> String {
        (difficulty.status(at: instant) ?? difficulty.status).rawValue
    }
}
