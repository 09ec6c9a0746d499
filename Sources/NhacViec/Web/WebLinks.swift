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
        baseURL + UnitLink(unit: unit, period: period, validity: validity).path(signer: signer)
    }

    /// `<base>/ics/<unit>.ics?sig=…`.
    package func calendarURL(unit: String) -> String {
        "\(baseURL)/ics/\(WebFormat.segment(unit)).ics?sig=\(signer.calendarSignature(unit: unit))"
    }
}
