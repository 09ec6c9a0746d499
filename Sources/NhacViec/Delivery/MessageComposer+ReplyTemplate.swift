extension MessageComposer {
    /// With `intake.email`: the pre-filled Markdown report for each report the digest
    /// asks of its unit, introduced by how to answer (DESIGN §12); nil otherwise.
    func replyTemplate(of digest: Digest, items: [ReminderItem]) -> String? {
        guard config.intake.email != nil, case .unit(let unitID) = digest.recipient else { return nil }
        var templates: [String] = []
        for item in items {
            switch item.occurrence.duty {
            case .monthlyReport(let unit) where unit == unitID:
                templates.append(
                    ReportTemplate.markdown(
                        config: config, unit: unit, report: "monthly", period: item.occurrence.occurrence))
            case .request(let id, let unit) where unit == unitID:
                templates.append(ReportTemplate.markdown(config: config, unit: unit, report: id, period: nil))
            default:
                continue
            }
        }
        guard !templates.isEmpty else { return nil }
        let intro = text.pick(
            "Mẫu báo cáo điền sẵn: trả lời thư này, điền vào mẫu dưới đây (giữ nguyên các dòng ---) rồi gửi.",
            "Pre-filled report: reply to this e-mail, fill in the template below (keep the --- lines) and send.")
        return ([intro, ""] + templates).joined(separator: "\n")
    }
}
