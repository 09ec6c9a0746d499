import Yams

extension ConfigParser {
    /// The parsed `reports:` section with the nodes reference checks need.
    struct ParsedReports {
        var value = ReportsConfig(monthly: nil, requests: [], consolidated: nil)
        /// `from` lists as written: nil means `all`.
        var monthlyFrom: [(id: String, node: Node, path: ConfigPath)]?
        var monthlyMapping: YAMLMapping?
        var requests:
            [(request: ReportRequest, mapping: YAMLMapping, from: [(id: String, node: Node, path: ConfigPath)]?)] = []
        var consolidatedMapping: YAMLMapping?
    }

    static let reportDueHelp = "expected 'day N', 'working day N' or 'last working day'"

    func parseReports(_ mapping: YAMLMapping?, planYear: Int?) -> ParsedReports {
        var parsed = ParsedReports()
        guard let mapping else { return parsed }
        mapping.finish(known: ["monthly", "requests", "consolidated"])

        // A request's form follows the monthly report's unless the request says otherwise.
        var monthlyForm = ReportFormAttachment.docx
        if let monthly = mapping.mapping("monthly") {
            monthly.finish(known: ["title", "from", "period", "due", "policy", "form"])
            let title = monthly.string("title") ?? "Báo cáo kết quả thực hiện công tác cải cách hành chính"
            let period =
                monthly.choice("period", ["decree_09": ReportPeriodKind.decree09, "calendar_month": .calendarMonth])
                ?? .decree09
            let due = reportDue(monthly, "due", required: true)
            let policy =
                monthly.value("policy").flatMap { identifier($0, monthly.path.key("policy")) } ?? Policy.defaultID
            let form = monthly.choice("form", ["docx": ReportFormAttachment.docx, "none": .none]) ?? .docx
            monthlyForm = form
            parsed.monthlyFrom = unitSelection(monthly)
            parsed.monthlyMapping = monthly
            if let due {
                parsed.value.monthly = MonthlyReportDuty(
                    title: title, from: parsed.monthlyFrom?.map(\.id) ?? [], period: period, due: due, policy: policy,
                    form: form)
            }
        }
        if let items = mapping.list("requests") {
            for (node, path) in items {
                guard let item = reader.mapping(node, path) else { continue }
                item.finish(known: ["id", "title", "from", "due", "policy", "form"])
                let id = identifier(item, "id")
                if id == "monthly", let node = item.value("id") {
                    reader.report("'monthly' is reserved for reports.monthly", at: node, item.path.key("id"))
                }
                let title = item.string("title", required: true)
                let from = unitSelection(item, required: true)
                let due = item.value("due", required: true).flatMap {
                    deadline($0, item.path.key("due"), planYear: planYear)
                }
                let policy =
                    item.value("policy").flatMap { identifier($0, item.path.key("policy")) } ?? Policy.defaultID
                let form = item.choice("form", ["docx": ReportFormAttachment.docx, "none": .none]) ?? monthlyForm
                guard let id, id != "monthly", let title, let due else { continue }
                let request = ReportRequest(
                    id: id, title: title, from: from?.map(\.id) ?? [], due: due, policy: policy, form: form)
                parsed.requests.append((request, item, from))
            }
        }
        if let consolidated = mapping.mapping("consolidated") {
            consolidated.finish(known: ["compile", "to", "cc", "formats", "signer"])
            let compile = reportDue(consolidated, "compile", required: true)
            let to = identifiers(consolidated, "to")
            if to.isEmpty, consolidated.value("to") == nil {
                reader.report(
                    "missing required key 'to' (who the report is addressed to)", at: consolidated.node,
                    consolidated.path.key("to"))
            }
            let cc = identifiers(consolidated, "cc")
            parsed.consolidatedMapping = consolidated
            var formats: [ReportFormat] = [.docx, .html, .md]
            if let items = consolidated.list("formats", allowSingle: true) {
                formats = items.compactMap { node, path in
                    reader.choice(node, path, ["docx": ReportFormat.docx, "html": .html, "md": .md, "json": .json])
                }
                if items.isEmpty {
                    // The e-mail says the report is attached: there must be something to attach.
                    reader.report(
                        "no format: list at least one of docx, html, md, json", at: consolidated.value("formats"),
                        consolidated.path.key("formats"))
                }
            }
            var signer: Signer?
            if let item = consolidated.mapping("signer") {
                item.finish(known: ["authority", "title", "name"])
                signer = Signer(
                    authority: item.string("authority"), title: item.string("title"), name: item.string("name"))
            }
            if let compile {
                parsed.value.consolidated = ConsolidatedReportSettings(
                    compile: compile, to: to.map(\.id), cc: cc.map(\.id), formats: formats, signer: signer)
            }
        }
        parsed.value.requests = parsed.requests.map(\.request)
        return parsed
    }

    private func reportDue(_ mapping: YAMLMapping, _ key: String, required: Bool) -> ReportDueRule? {
        guard let node = mapping.value(key, required: required), let text = reader.string(node, mapping.path.key(key))
        else { return nil }
        guard let rule = ReportDueRule(parsing: text) else {
            reader.report("'\(text)' is not a report day (\(Self.reportDueHelp))", at: node, mapping.path.key(key))
            return nil
        }
        return rule
    }

    /// `from: all` (nil) or a list of unit ids.
    private func unitSelection(_ mapping: YAMLMapping, required: Bool = false) -> [(
        id: String, node: Node, path: ConfigPath
    )]? {
        guard let node = mapping.value("from", required: required) else { return nil }
        if case .scalar(let scalar) = node, scalar.string == "all" { return nil }
        return identifiers(mapping, "from")
    }
}
