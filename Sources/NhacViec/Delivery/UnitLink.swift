import Foundation

/// A unit's signed, expiring link to its report page (DESIGN §15):
/// `/u/<unit>/<report>/<expiry>/<sig>`, `<report>` the period (`2024-03`) or a request id,
/// sig = base64url HMAC-SHA256(secret, "unit|report|expiry"), expiry the last valid day
/// `YYYY-MM-DD`: the period's end (or the request's due date) + `web.link_valid`.
///
/// Here, below the web server, because reminder e-mails carry these links too.
package struct UnitLink: Sendable, Hashable {
    /// What the link answers.
    package enum Report: Sendable, Hashable {
        /// The monthly report of one period.
        case period(ReportPeriod)
        /// An on-request report, by its id.
        case request(String)

        /// The URL segment and the signed text: `2024-03` or the request id.
        package var segment: String {
            switch self {
            case .period(let period): period.description
            case .request(let id): id
            }
        }
    }

    package let unit: String
    package let report: Report
    package let expiry: LocalDate

    package init(unit: String, report: Report, expiry: LocalDate) {
        self.unit = unit
        self.report = report
        self.expiry = expiry
    }

    /// The link valid until `lastDay` (the period's end or the request's due date) plus
    /// `validity` (hours round up to whole days).
    package init(unit: String, report: Report, lastDay: LocalDate, validity: ConfigDuration) {
        let days =
            switch validity.unit {
            case .days, .workingDays: validity.amount
            case .hours: (validity.amount + 23) / 24
            case .minutes, .seconds: 1
            }
        self.init(unit: unit, report: report, expiry: lastDay.adding(days: days))
    }

    /// A monthly report's link: valid until the period's end plus `validity`.
    package init(unit: String, period: ReportPeriod, validity: ConfigDuration) {
        self.init(unit: unit, report: .period(period), lastDay: period.end, validity: validity)
    }

    package var period: ReportPeriod? {
        if case .period(let period) = report { return period }
        return nil
    }

    package var requestID: String? {
        if case .request(let id) = report { return id }
        return nil
    }

    private var message: String { "\(unit)|\(report.segment)|\(expiry.description)" }

    /// `unit|report|expiry`: what the signature covers; also keys the rate limit and CSRF token.
    package var description: String { message }

    package func path(signer: WebSignature) -> String {
        "/u/\(Self.segment(unit))/\(Self.segment(report.segment))/\(expiry.description)/\(signer.sign(message))"
    }

    package func isSigned(by signer: WebSignature, signature: String) -> Bool {
        signer.isValid(signature, for: message)
    }

    /// One URL path segment: unreserved ASCII kept, everything else percent-encoded.
    package static func segment(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        return text.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
            .joined()
    }
}
