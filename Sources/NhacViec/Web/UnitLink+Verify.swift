import Foundation

extension UnitLink {
    /// The link a request names when its signature is right, the unit known, the report one
    /// the config has (a period, or a request the unit owes) and the day not past `expiry`;
    /// nil otherwise, whatever was wrong (one answer for every refusal).
    static func verify(
        unit: String, report text: String, expiry expiryText: String, signature: String, signer: WebSignature?,
        config: Config, kind: ReportPeriodKind, today: LocalDate
    ) -> UnitLink? {
        guard let signer, let expiry = LocalDate(iso: expiryText), expiryText.count == 10 else { return nil }
        let report: Report
        if let period = PeriodView.period(text, kind: kind) {
            report = .period(period)
        } else if config.reports.requests.contains(where: { $0.id == text && $0.from.contains(unit) }) {
            report = .request(text)
        } else {
            return nil
        }
        let link = UnitLink(unit: unit, report: report, expiry: expiry)
        guard link.isSigned(by: signer, signature: signature), config.unit(unit) != nil, today <= expiry else {
            return nil
        }
        return link
    }
}
