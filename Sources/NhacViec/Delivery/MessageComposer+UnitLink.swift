import Foundation

extension MessageComposer {
    /// The unit's signed page for the report an item asks of it (DESIGN §15), when the
    /// digest goes to that unit and `web.base_url` is set: the period's link for a monthly
    /// report, the request's for a request, valid until the period's end (or the due date)
    /// plus `web.link_valid`. Escalation copies to heads and the Office carry none: the
    /// link lets whoever holds it report for the unit.
    func unitPageLink(_ item: ReminderItem, digest: Digest) -> String? {
        guard let unitLinks, case .unit(let recipient) = digest.recipient else { return nil }
        let occurrence = item.occurrence
        let validity = config.web.linkValid
        switch occurrence.duty {
        case .monthlyReport(let unit) where unit == recipient:
            guard let monthly = config.reports.monthly,
                let period = ReportPeriod(parsing: occurrence.occurrence, kind: monthly.period)
            else { return nil }
            return unitLinks.unitPageURL(unit: unit, period: period, validity: validity)
        case .request(let id, let unit) where unit == recipient:
            return unitLinks.requestPageURL(unit: unit, request: id, due: occurrence.due, validity: validity)
        default:
            return nil
        }
    }
}
