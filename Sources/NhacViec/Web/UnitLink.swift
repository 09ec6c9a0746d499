import Foundation

/// A unit's signed, expiring link to its report page (DESIGN §15):
/// `/u/<unit>/<period>/<expiry>/<sig>`, sig = base64url HMAC-SHA256(secret, "unit|period|expiry"),
/// expiry the last valid day `YYYY-MM-DD` (the period's end + `web.link_valid`).
package struct UnitLink: Sendable, Hashable {
    package let unit: String
    package let period: ReportPeriod
    package let expiry: LocalDate

    package init(unit: String, period: ReportPeriod, expiry: LocalDate) {
        self.unit = unit
        self.period = period
        self.expiry = expiry
    }

    /// The link for `period`, valid until its end plus `validity` (hours round up to whole days).
    package init(unit: String, period: ReportPeriod, validity: ConfigDuration) {
        let days =
            switch validity.unit {
            case .days, .workingDays: validity.amount
            case .hours: (validity.amount + 23) / 24
            case .minutes, .seconds: 1
            }
        self.init(unit: unit, period: period, expiry: period.end.adding(days: days))
    }

    private var message: String { "\(unit)|\(period.description)|\(expiry.description)" }

    /// `unit|period|expiry`: what the signature covers; also keys the rate limit and CSRF token.
    package var description: String { message }

    package func path(signer: WebSignature) -> String {
        "/u/\(WebFormat.segment(unit))/\(period.description)/\(expiry.description)/\(signer.sign(message))"
    }

    /// The link a request names when its signature is right, the unit known and the day not past `expiry`;
    /// nil otherwise, whatever was wrong (one answer for every refusal).
    package static func verify(
        unit: String, period text: String, expiry expiryText: String, signature: String, signer: WebSignature?,
        config: Config, kind: ReportPeriodKind, today: LocalDate
    ) -> UnitLink? {
        guard let signer, let period = PeriodView.period(text, kind: kind), let expiry = LocalDate(iso: expiryText),
            expiryText.count == 10
        else { return nil }
        let link = UnitLink(unit: unit, period: period, expiry: expiry)
        guard signer.isValid(signature, for: link.message), config.unit(unit) != nil, today <= expiry else {
            return nil
        }
        return link
    }
}
