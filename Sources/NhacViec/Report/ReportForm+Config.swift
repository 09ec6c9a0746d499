import Foundation

extension ReportForm {
    /// Which report a form answers.
    package enum Kind: Hashable, Sendable {
        case monthly(period: String)
        case request(id: String)
    }

    /// The form for `unit` and `kind`, as the config and the statuses known at `now`
    /// describe it.
    ///
    /// A monthly form lists every task the unit leads or supports, except those already
    /// done before the period began (nothing is left to report on them), with the status,
    /// progress and note last recorded.
    static func make(
        config: Config, unit unitID: String, kind: Kind, statuses: [String: RecordedTaskStatus], now: Date
    ) throws(ReportFormError) -> ReportForm {
        guard let unit = config.unit(unitID) else {
            throw ReportFormError(
                message: "unknown unit '\(unitID)' (known: \(Suggestion.list(config.units.map(\.id))))")
        }
        let clock = WallClock(timeZone: config.organization.timeZone)
        let today = clock.localDate(of: now)
        var form = ReportForm(
            unit: unit.id, report: "", period: nil, parent: nfc(config.organization.name), issuer: nfc(unit.name),
            numberLine: "Số:      /BC" + (unit.abbreviation.map { "-\($0.uppercased())" } ?? ""),
            placeAndDate: placeAndDate(config.organization.place, year: today.year), subject: "",
            recipient: config.office.flatMap { $0.id == unit.id ? nil : nfc($0.name) }, tasks: nil,
            distribution: distribution(config, unit), signerTitle: signerTitle(unit),
            signerName: unit.head?.name.map(nfc), madeAt: now)
        switch kind {
        case .monthly(let text):
            guard let monthly = config.reports.monthly else {
                throw ReportFormError(
                    message: "this office takes no monthly report (the config has no reports.monthly)")
            }
            guard monthly.from.contains(unit.id) else {
                throw ReportFormError(
                    message: "unit '\(unit.id)' is not asked for the monthly report "
                        + "(reports.monthly.from: \(Suggestion.list(monthly.from)))")
            }
            guard let period = ReportPeriod(parsing: text, kind: monthly.period) else {
                throw ReportFormError(message: "'\(text)' is not a month (expected YYYY-MM, e.g. 2024-03)")
            }
            form.report = "monthly"
            form.period = period.description
            form.subject =
                "\(ReportText.subjectTitle(nfc(monthly.title))) "
                + ReportText.periodPhrase(month: period.month, year: period.year, start: period.start, end: period.end)
            form.tasks = rows(config, unit: unit.id, statuses: statuses, from: clock.startOfDay(period.start))
        case .request(let id):
            guard let request = config.reports.requests.first(where: { $0.id == id }) else {
                throw ReportFormError(
                    message: "unknown request '\(id)' (known: \(Suggestion.list(config.reports.requests.map(\.id))))")
            }
            guard request.from.contains(unit.id) else {
                throw ReportFormError(
                    message:
                        "unit '\(unit.id)' is not asked for request '\(id)' (from: \(Suggestion.list(request.from)))")
            }
            form.report = request.id
            form.subject = ReportText.subjectTitle(nfc(request.title))
        }
        return form
    }

    private static func rows(
        _ config: Config, unit: String, statuses: [String: RecordedTaskStatus], from periodStart: Date
    ) -> [Row] {
        config.tasks.compactMap { task in
            let role: String
            if task.lead == unit {
                role = ReportFormText.leadRole
            } else if task.support.contains(unit) {
                role = ReportFormText.supportRole
            } else {
                return nil
            }
            let known = statuses[task.id]
            if let known, known.status == .done, known.at < periodStart { return nil }
            return Row(
                id: task.id, title: nfc(task.title), role: role, due: nfc(task.due.text),
                status: known?.status ?? .notStarted, progress: known?.progress, note: known?.note.map(nfc))
        }
    }

    /// The date is left for the unit to write when it signs; only the year is known.
    private static func placeAndDate(_ place: String?, year: Int) -> String {
        let date = "ngày      tháng      năm \(year)"
        guard let place, !place.isEmpty else { return "N" + date.dropFirst() }
        return "\(nfc(place)), \(date)"
    }

    private static func distribution(_ config: Config, _ unit: Unit) -> [String] {
        var list: [String] = []
        if let office = config.office, office.id != unit.id { list.append("\(nfc(office.name)) (để tổng hợp)") }
        list.append("Lưu: VT, \(unit.abbreviation ?? nfc(unit.name))")
        return list
    }

    private static func signerTitle(_ unit: Unit) -> String {
        let title = unit.head?.title.map(nfc) ?? "Thủ trưởng đơn vị"
        return title.uppercased(with: Locale(identifier: "vi_VN"))
    }
}
