import Foundation
import Yams

extension ConfigParser {
    static let defaultRetry = RetrySettings(
        first: ConfigDuration(amount: 1, unit: .minutes),
        maxInterval: ConfigDuration(amount: 1, unit: .hours),
        giveUpAfter: ConfigDuration(amount: 24, unit: .hours))

    func parseDelivery(_ mapping: YAMLMapping?) -> DeliverySettings {
        var settings = DeliverySettings(
            sendTime: .eightOClock,
            catchUp: ConfigDuration(amount: 3, unit: .days), email: nil, outbox: "outbox", retry: Self.defaultRetry)
        guard let mapping else { return settings }
        mapping.finish(known: ["send_time", "catch_up", "email", "outbox", "retry"])
        if let node = mapping.value("send_time"), let text = reader.string(node, mapping.path.key("send_time")) {
            if let time = LocalTime(parsing: text) {
                settings.sendTime = time
            } else {
                reader.report(
                    "'\(text)' is not a time of day (expected HH:MM, e.g. \"08:00\")", at: node,
                    mapping.path.key("send_time"))
            }
        }
        settings.catchUp =
            duration(mapping, "catch_up", units: [.seconds, .minutes, .hours, .days]) ?? settings.catchUp
        settings.outbox = mapping.string("outbox") ?? settings.outbox
        settings.email = mapping.mapping("email").flatMap(parseEmail)
        if let retry = mapping.mapping("retry") {
            retry.finish(known: ["first", "max_interval", "give_up_after"])
            let timeUnits: [ConfigDuration.Unit] = [.seconds, .minutes, .hours, .days]
            let first = duration(retry, "first", units: timeUnits, minimumSeconds: 1) ?? Self.defaultRetry.first
            let maxInterval =
                duration(retry, "max_interval", units: timeUnits, minimumSeconds: 1) ?? Self.defaultRetry.maxInterval
            let giveUp =
                duration(retry, "give_up_after", units: timeUnits, minimumSeconds: 1) ?? Self.defaultRetry.giveUpAfter
            if let a = first.seconds, let b = maxInterval.seconds, a > b, let node = retry.value("first") {
                reader.report(
                    "first (\(first)) is longer than max_interval (\(maxInterval))", at: node, retry.path.key("first"))
            }
            settings.retry = RetrySettings(first: first, maxInterval: maxInterval, giveUpAfter: giveUp)
        }
        return settings
    }

    private func parseEmail(_ mapping: YAMLMapping) -> EmailSettings? {
        mapping.finish(known: [
            "url", "tls", "from", "username", "password_env", "password_file", "ca_file", "timeout", "connections",
        ])
        let url = mapping.value("url", required: true).flatMap {
            self.url($0, mapping.path.key("url"), schemes: ["smtp", "smtps"])
        }
        let tls =
            mapping.choice(
                "tls", ["required": TLSMode.required, "opportunistic": .opportunistic, "none": .none])
            ?? .required
        let from = mapping.value("from", required: true).flatMap { mailbox($0, mapping.path.key("from")) }
        let username = mapping.string("username")
        let password = secret(mapping, "password")
        if username != nil, password == nil {
            reader.report(
                "username is set but no password_env or password_file", at: mapping.keyNode("username"),
                mapping.path.key("username"))
        }
        if password != nil, username == nil,
            let node = mapping.keyNode("password_env") ?? mapping.keyNode("password_file")
        {
            reader.report("a password is set but no username", at: node, mapping.path)
        }
        if let url, url.hasPrefix("smtps://"), mapping.has("tls"), tls != .required, let node = mapping.value("tls") {
            reader.report(
                "smtps:// always uses TLS; tls: \(tls.rawValue) contradicts it", at: node, mapping.path.key("tls"))
        }
        let caFile = mapping.string("ca_file")
        if let caFile, let node = mapping.value("ca_file"), !FileManager.default.fileExists(atPath: caFile) {
            reader.report("ca_file '\(caFile)' does not exist", at: node, mapping.path.key("ca_file"))
        }
        let timeout =
            duration(mapping, "timeout", units: [.seconds, .minutes], minimumSeconds: 1)
            ?? ConfigDuration(amount: 30, unit: .seconds)
        // Parallel sessions for a burst (DESIGN §2): more than 32 looks like a typo
        // and would be refused by most servers anyway.
        let connections = mapping.integer("connections", range: 1...32) ?? EmailSettings.defaultConnections
        guard let url, let from else { return nil }
        return EmailSettings(
            url: url, tls: tls, from: from, username: username, password: password, caFile: caFile, timeout: timeout,
            connections: connections)
    }

    /// A duration in one of `units`; reports anything else.
    func duration(
        _ mapping: YAMLMapping, _ key: String, units: [ConfigDuration.Unit], minimumSeconds: Int = 0
    ) -> ConfigDuration? {
        guard let node = mapping.value(key) else { return nil }
        return duration(node, mapping.path.key(key), units: units, minimumSeconds: minimumSeconds)
    }

    func duration(_ node: Node, _ path: ConfigPath, units: [ConfigDuration.Unit], minimumSeconds: Int = 0)
        -> ConfigDuration?
    {
        guard let text = reader.string(node, path) else { return nil }
        let allowed = units.map(\.rawValue).joined(separator: ", ")
        guard let value = ConfigDuration(parsing: text) else {
            reader.report(
                "'\(text)' is not a duration (a number and a unit: \(allowed); e.g. 30s, 1h, 3d, 5wd)", at: node, path)
            return nil
        }
        guard units.contains(value.unit) else {
            reader.report(
                "'\(text)': the unit '\(value.unit.rawValue)' is not allowed here (use \(allowed))", at: node, path)
            return nil
        }
        if let seconds = value.seconds, seconds < minimumSeconds {
            reader.report("'\(text)' is too short (at least \(minimumSeconds)s)", at: node, path)
            return nil
        }
        return value
    }

    /// An absolute URL with one of `schemes`, a host, and no credentials in it.
    func url(_ node: Node, _ path: ConfigPath, schemes: [String]) -> String? {
        guard let text = reader.string(node, path) else { return nil }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            reader.report("'\(text)' is not a URL", at: node, path)
            return nil
        }
        guard schemes.contains(scheme) else {
            reader.report(
                "'\(text)': scheme '\(scheme)' is not supported (use \(schemes.map { $0 + "://" }.joined(separator: " or ")))",
                at: node, path)
            return nil
        }
        guard let host = components.host, !host.isEmpty else {
            reader.report("'\(text)' has no host", at: node, path)
            return nil
        }
        if components.password != nil || components.user != nil {
            reader.report(
                "the URL holds credentials; put them in username and password_env/password_file (or use url_env)",
                at: node, path)
            return nil
        }
        return text
    }

    /// `<base>_env` or `<base>_file` (at most one).
    func secret(_ mapping: YAMLMapping, _ base: String) -> SecretReference? {
        let envKey = base + "_env"
        let fileKey = base + "_file"
        if mapping.has(envKey), mapping.has(fileKey) {
            reader.report(
                "set either \(envKey) or \(fileKey), not both", at: mapping.keyNode(fileKey), mapping.path.key(fileKey))
        }
        if let node = mapping.value(envKey), let name = reader.string(node, mapping.path.key(envKey)) {
            guard SecretReference.isValidEnvironmentName(name) else {
                reader.report("'\(name)' is not an environment variable name", at: node, mapping.path.key(envKey))
                return nil
            }
            return .environment(name)
        }
        if let path = mapping.string(fileKey) {
            return .file(path)
        }
        return nil
    }
}
