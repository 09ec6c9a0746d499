import Foundation
import Yams

extension ConfigParser {
    func parseIntake(_ mapping: YAMLMapping?) -> IntakeSettings {
        guard let mapping else { return IntakeSettings() }
        mapping.finish(known: ["email"])
        return IntakeSettings(email: mapping.mapping("email").flatMap(parseEmailIntake))
    }

    private func parseEmailIntake(_ mapping: YAMLMapping) -> EmailIntakeSettings? {
        mapping.finish(known: [
            "url", "tls", "ca_file", "username", "password_env", "password_file", "address", "poll",
            "accepted_folder", "rejected_folder", "require_header",
        ])
        var server: (url: String, mailbox: String)?
        if let node = mapping.value("url", required: true),
            let url = self.url(node, mapping.path.key("url"), schemes: ["imap", "imaps"])
        {
            server = imapServer(url, node: node, path: mapping.path.key("url"))
        }
        let tls =
            mapping.choice(
                "tls", ["required": TLSMode.required, "opportunistic": .opportunistic, "none": .none])
            ?? .required
        if let server, server.url.lowercased().hasPrefix("imaps://"), mapping.has("tls"), tls != .required,
            let node = mapping.value("tls")
        {
            reader.report(
                "imaps:// always uses TLS; tls: \(tls.rawValue) contradicts it", at: node, mapping.path.key("tls"))
        }
        var caFile: String?
        if let node = mapping.value("ca_file"), let text = reader.string(node, mapping.path.key("ca_file")) {
            let resolved = text.hasPrefix("/") ? text : configDirectory + "/" + text
            if FileManager.default.isReadableFile(atPath: resolved) {
                caFile = resolved
            } else {
                reader.report(
                    "ca_file '\(text)' cannot be read (looked at \(resolved))", at: node, mapping.path.key("ca_file"))
            }
        }
        let username = mapping.string("username", required: true)
        let password = secret(mapping, "password")
        if password == nil, !mapping.has("password_env"), !mapping.has("password_file") {
            reader.report(
                "missing password_env or password_file (the mailbox password never lives in this file)",
                at: mapping.node, mapping.path.key("password_env"))
        }
        let address = mapping.value("address", required: true).flatMap { mailbox($0, mapping.path.key("address")) }
        var poll = ConfigDuration(amount: 2, unit: .minutes)
        if let node = mapping.value("poll"),
            let value = duration(node, mapping.path.key("poll"), units: [.seconds, .minutes, .hours])
        {
            if let seconds = value.seconds, EmailIntakeSettings.pollRange.contains(seconds) {
                poll = value
            } else {
                reader.report("poll: '\(value)' is out of range (30s … 1h)", at: node, mapping.path.key("poll"))
            }
        }
        let accepted = folder(mapping, "accepted_folder") ?? EmailIntakeSettings.defaultAcceptedFolder
        let rejected = folder(mapping, "rejected_folder") ?? EmailIntakeSettings.defaultRejectedFolder
        if accepted == rejected, let node = mapping.value("rejected_folder") ?? mapping.value("accepted_folder") {
            reader.report(
                "accepted_folder and rejected_folder are the same folder ('\(accepted)')", at: node,
                mapping.path.key(mapping.has("rejected_folder") ? "rejected_folder" : "accepted_folder"))
        }
        if let server {
            for (key, name) in [("accepted_folder", accepted), ("rejected_folder", rejected)]
            where name.caseInsensitiveCompare(server.mailbox) == .orderedSame {
                reader.report(
                    "\(key) '\(name)' is the polled mailbox itself", at: mapping.value(key) ?? mapping.node,
                    mapping.path.key(key))
            }
        }
        var requireHeader: EmailIntakeSettings.RequiredHeader?
        if let node = mapping.value("require_header"),
            let text = reader.string(node, mapping.path.key("require_header"))
        {
            requireHeader = Self.requiredHeader(text)
            if requireHeader == nil {
                reader.report(
                    "'\(text)' is not 'Header-Name: pattern' (e.g. \"Authentication-Results: mail.example.gov.vn;*dmarc=pass\")",
                    at: node, mapping.path.key("require_header"))
            }
        }
        guard let server, let username, let password, let address else { return nil }
        return EmailIntakeSettings(
            serverURL: server.url, mailbox: server.mailbox, tls: tls, caFile: caFile, username: username,
            password: password, address: address, poll: poll, acceptedFolder: accepted, rejectedFolder: rejected,
            requireHeader: requireHeader)
    }

    /// Splits `imap[s]://host[:port][/mailbox]` into the server URL and the mailbox name.
    private func imapServer(_ url: String, node: Node, path: ConfigPath) -> (url: String, mailbox: String)? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host
        else { return nil }
        if components.query != nil || components.fragment != nil || components.path.contains(";") {
            reader.report(
                "'\(url)': only imap[s]://host[:port]/MAILBOX is accepted here (no ;UID=, ? or #)", at: node, path)
            return nil
        }
        var mailbox = components.path
        while mailbox.hasPrefix("/") { mailbox.removeFirst() }
        while mailbox.hasSuffix("/") { mailbox.removeLast() }
        if mailbox.isEmpty { mailbox = "INBOX" }
        guard Self.isValidFolderName(mailbox) else {
            reader.report(
                "'\(mailbox)' is not a usable mailbox name (printable ASCII, no * % \" \\, no empty parts)", at: node,
                path)
            return nil
        }
        let port = components.port.map { ":\($0)" } ?? ""
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return ("\(scheme)://\(bracketed)\(port)", mailbox)
    }

    private func folder(_ mapping: YAMLMapping, _ key: String) -> String? {
        guard let node = mapping.value(key), let text = reader.string(node, mapping.path.key(key)) else {
            return nil
        }
        guard Self.isValidFolderName(text) else {
            reader.report(
                "'\(text)' is not a usable folder name: printable ASCII only (IMAP names folders in modified "
                    + "UTF-7), parts separated by '/', none empty, and no * % \" \\",
                at: node, mapping.path.key(key))
            return nil
        }
        return text
    }

    /// Printable ASCII without IMAP wildcards, quoting characters or empty `/` parts.
    static func isValidFolderName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 200 else { return false }
        let forbidden: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "\""), UInt8(ascii: "\\")]
        guard name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0.trimmingCharacters(in: .whitespaces) == $0
        }
    }

    /// `Name: pattern`, the name a valid header field name.
    static func requiredHeader(_ text: String) -> EmailIntakeSettings.RequiredHeader? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let pattern = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !pattern.isEmpty,
            name.unicodeScalars.allSatisfy({ $0.value >= 33 && $0.value <= 126 && $0 != ":" })
        else { return nil }
        return EmailIntakeSettings.RequiredHeader(name: name, pattern: pattern)
    }
}
