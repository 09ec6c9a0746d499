import Yams

extension ConfigParser {
    static let areas: KeyValuePairs<String, Area> = [
        "chi_dao_dieu_hanh": .chiDaoDieuHanh, "the_che": .theChe, "tthc": .thuTucHanhChinh,
        "to_chuc_bo_may": .toChucBoMay, "cong_vu": .congVu, "tai_chinh_cong": .taiChinhCong,
        "chinh_quyen_so": .chinhQuyenSo,
    ]

    func parsePolicy(_ mapping: YAMLMapping) -> Policy? {
        mapping.finish(known: [
            "id", "before", "on_due", "overdue_every", "overdue_max", "escalate_after", "escalate_to",
        ])
        let id = identifier(mapping, "id")
        // Keys left out take the built-in default's values (DESIGN §2).
        let base = Policy.builtInDefault
        let dayUnits: [ConfigDuration.Unit] = [.days, .workingDays]
        var before = base.before
        if let items = mapping.list("before") {
            before = items.compactMap { node, path in
                guard let value = duration(node, path, units: dayUnits) else { return nil }
                if value.amount == 0 {
                    reader.report("before offsets must be at least 1 (use on_due for the due day)", at: node, path)
                    return nil
                }
                return value
            }
            if Set(before).count != before.count, let node = mapping.value("before") {
                reader.report("an offset is listed twice", at: node, mapping.path.key("before"))
            }
        }
        var overdueEvery = base.overdueEvery
        if let value = duration(mapping, "overdue_every", units: dayUnits) {
            if value.amount == 0, let node = mapping.value("overdue_every") {
                reader.report(
                    "must be at least 1d or 1wd (use overdue_max: 0 for no overdue reminders)", at: node,
                    mapping.path.key("overdue_every"))
            } else {
                overdueEvery = value
            }
        }
        var escalateTo = base.escalateTo
        if let items = mapping.list("escalate_to", allowSingle: true) {
            escalateTo = items.compactMap { node, path in
                guard let text = identifier(node, path) else { return nil }
                switch text {
                case "head": return .head
                case "office": return .office
                default: return .group(text)
                }
            }
        }
        guard let id else { return nil }
        return Policy(
            id: id, before: before, onDue: mapping.boolean("on_due") ?? base.onDue, overdueEvery: overdueEvery,
            overdueMax: mapping.integer("overdue_max", range: 0...100) ?? base.overdueMax,
            escalateAfter: duration(mapping, "escalate_after", units: dayUnits) ?? base.escalateAfter,
            escalateTo: escalateTo)
    }

    func parseTask(_ mapping: YAMLMapping, planYear: Int?) -> PlanTask? {
        mapping.finish(known: ["id", "area", "title", "lead", "support", "due", "output", "policy"])
        let id = identifier(mapping, "id", caseSensitive: true)
        let area = mapping.value("area", required: true).flatMap {
            reader.choice($0, mapping.path.key("area"), Self.areas)
        }
        let title = mapping.string("title", required: true)
        let lead = mapping.value("lead", required: true).flatMap { identifier($0, mapping.path.key("lead")) }
        let support = identifiers(mapping, "support")
        let due = mapping.value("due", required: true).flatMap {
            deadline($0, mapping.path.key("due"), planYear: planYear)
        }
        let policy = mapping.value("policy").flatMap { identifier($0, mapping.path.key("policy")) } ?? Policy.defaultID
        guard let id, let area, let title, let lead, let due else { return nil }
        return PlanTask(
            id: id, area: area, title: title, lead: lead, support: support.map(\.id),
            due: due, output: mapping.string("output"), policy: policy,
            mark: SourceMark(file: reader.file, node: mapping.node))
    }

    func deadline(_ node: Node, _ path: ConfigPath, planYear: Int?) -> DeadlineExpression? {
        guard let text = reader.string(node, path) else { return nil }
        switch deadlineCache.parse(text, planYear: planYear) {
        case .success(let deadline):
            return deadline
        case .failure(let error):
            reader.report("cannot read deadline '\(text)': \(error.message)", at: node, path)
            return nil
        }
    }
}
