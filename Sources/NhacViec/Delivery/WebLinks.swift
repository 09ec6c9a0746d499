import Foundation

/// Absolute URLs under `web.base_url` signed with the web secret (DESIGN §15), for
/// `nhacviec link` and for messages.
package struct WebLinks: Sendable {
    private let baseURL: String
    private let signer: WebSignature

    /// Throws when `web.base_url` or the secret is missing or unreadable, naming which.
    package init(config: Config, environment: [String: String]) throws(WebError) {
        guard let baseURL = config.web.baseURL else {
            throw WebError("web.base_url is not set: links need the address the Office's server is reached at")
        }
        guard let secret = config.web.secret else {
            throw WebError("web.secret_env or web.secret_file is not set: links are signed with it")
        }
        do {
            let key = try secret.resolve(environment: environment, configDirectory: config.directory)
            signer = WebSignature(key: Array(key.utf8))
        } catch {
            throw WebError("web secret: \(error.message)")
        }
        self.baseURL = baseURL
    }

    /// `<base>/u/<unit>/<period>/<expiry>/<sig>`: the unit's report page for one period.
    package func unitPageURL(unit: String, period: ReportPeriod, validity: ConfigDuration) -> String {
        url(UnitLink(unit: unit, period: period, validity: validity))
    }

    /// `<base>/u/<unit>/<request>/<expiry>/<sig>`: the unit's page for a request, valid until
    /// its due date plus `web.link_valid`.
    package func requestPageURL(unit: String, request: String, due: LocalDate, validity: ConfigDuration) -> String {
        url(UnitLink(unit: unit, report: .request(request), lastDay: due, validity: validity))
    }

    /// The due date of the occurrence of `request` a report from `unit` sent at `now` would
    /// answer (the one due nearest to that day, as for every submission); nil when the unit
    /// owes no such report or the request has no date (ongoing, on demand).
    package static func requestDue(
        unit: String, request: String, config: Config, calendar: WorkingCalendar, now: Date
    ) -> LocalDate? {
        let probe = Submission(
            unit: unit, report: request, period: nil, tasks: [], difficulties: [], proposals: [], body: "",
            receivedAt: now, sourceName: "link")
        return try? SubmissionTarget.resolve(probe, config: config, calendar: calendar).dutyOccurrence.due
    }

    /// The absolute URL of `link`.
    package func url(_ link: UnitLink) -> String {
        baseURL + link.path(signer: signer)
    }

    /// `<base>/ics/<unit>.ics?sig=…`.
    package func calendarURL(unit: String) -> String {
        "\(baseURL)/ics/\(UnitLink.segment(unit)).ics?sig=\(signer.calendarSignature(unit: unit))"
    }
}
