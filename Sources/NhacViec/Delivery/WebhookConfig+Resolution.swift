extension WebhookConfig {
    /// The URL to call: `url` as written, or read from `url_env` / `url_file`.
    ///
    /// Read at each delivery rather than at load time, so a rotated credential
    /// file takes effect without a reload. The error names where it looked,
    /// never a value (the URL may hold a token).
    package func resolvedURL(environment: [String: String], configDirectory: String) throws(SecretError) -> String {
        switch url {
        case .literal(let url): url
        case .secret(let reference): try reference.resolve(environment: environment, configDirectory: configDirectory)
        }
    }

    /// The HMAC key from `secret_env` / `secret_file`, or nil when the webhook is unsigned.
    package func resolvedSecret(environment: [String: String], configDirectory: String) throws(SecretError)
        -> [UInt8]?
    {
        guard let secret else { return nil }
        return Array(try secret.resolve(environment: environment, configDirectory: configDirectory).utf8)
    }
}
