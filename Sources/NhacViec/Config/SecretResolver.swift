/// Reads every secret the config names outside itself (`*_env`, `*_file`): the one
/// place the daemon, `send-test` and every other sender get them from.
///
/// A relative `*_file` is looked up in `$CREDENTIALS_DIRECTORY` (systemd
/// `LoadCredential=`) first, then next to the config file (see
/// ``SecretReference/resolve(environment:configDirectory:)``). Errors name where
/// the resolver looked, never a value: a webhook URL may hold a token.
package struct SecretResolver: Sendable {
    package let environment: [String: String]
    package let configDirectory: String

    package init(environment: [String: String], configDirectory: String) {
        self.environment = environment
        self.configDirectory = configDirectory
    }

    package init(config: Config, environment: [String: String]) {
        self.init(environment: environment, configDirectory: config.directory)
    }

    /// The SMTP password from `password_env` / `password_file`, or nil when none is configured.
    package func smtpPassword(_ email: EmailSettings) throws(SecretError) -> String? {
        guard let reference = email.password else { return nil }
        return try reference.resolve(environment: environment, configDirectory: configDirectory)
    }

    /// The URL to call: `url` as written, or read from `url_env` / `url_file` and
    /// checked to be an http(s) URL (a file holding something else is a mistake
    /// worth naming before anything is sent).
    package func webhookURL(_ webhook: WebhookConfig) throws(SecretError) -> String {
        switch webhook.url {
        case .literal(let url):
            return url
        case .secret(let reference):
            let value = try reference.resolve(environment: environment, configDirectory: configDirectory)
            let lower = value.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
                throw SecretError(message: "the URL read from \(reference) is not an http(s) URL")
            }
            return value.trimmingSpaces
        }
    }

    /// The HMAC key from `secret_env` / `secret_file`, or nil when the webhook is unsigned.
    package func webhookSigningKey(_ webhook: WebhookConfig) throws(SecretError) -> [UInt8]? {
        guard let secret = webhook.secret else { return nil }
        return Array(try secret.resolve(environment: environment, configDirectory: configDirectory).utf8)
    }
}
