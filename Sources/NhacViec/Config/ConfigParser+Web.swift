import Foundation
import Yams

extension ConfigParser {
    /// `web:` (DESIGN §15). A relative `users_file` is next to the config file; it must be readable
    /// now, so a typo shows at `check` rather than as an Office locked out later.
    func parseWeb(_ mapping: YAMLMapping?) -> WebSettings {
        guard let mapping else { return WebSettings() }
        mapping.finish(known: ["base_url", "users_file", "secret_env", "secret_file", "link_valid"])
        var settings = WebSettings()
        if let node = mapping.value("base_url"),
            var url = url(node, mapping.path.key("base_url"), schemes: ["https", "http"])
        {
            if let components = URLComponents(string: url), components.query != nil || components.fragment != nil {
                reader.report(
                    "'\(url)': a base URL has no ?query or #fragment (links are built below it)", at: node,
                    mapping.path.key("base_url"))
            } else {
                while url.hasSuffix("/") { url.removeLast() }
                settings.baseURL = url
            }
        }
        if let node = mapping.value("users_file"), let text = reader.string(node, mapping.path.key("users_file")) {
            let resolved = text.hasPrefix("/") ? text : configDirectory + "/" + text
            if FileManager.default.isReadableFile(atPath: resolved) {
                settings.usersFile = resolved
            } else {
                reader.report(
                    "users_file '\(text)' cannot be read (looked at \(resolved)); create it with htpasswd -B -c",
                    at: node, mapping.path.key("users_file"))
            }
        }
        settings.secret = secret(mapping, "secret")
        if let value = duration(mapping, "link_valid", units: [.days, .hours]) {
            settings.linkValid = value
        }
        return settings
    }
}
