import Yams

extension ConfigParser {
    static let webhookFormats: KeyValuePairs<String, WebhookFormat> = [
        "json": .json, "slack": .slack, "teams": .teams, "google_chat": .googleChat, "telegram": .telegram,
    ]

    func parseWebhook(_ mapping: YAMLMapping) -> WebhookConfig? {
        mapping.finish(known: [
            "id", "url", "url_env", "url_file", "format", "secret_env", "secret_file", "timeout", "chat_id",
        ])
        let id = identifier(mapping, "id")
        let sources = ["url", "url_env", "url_file"].filter(mapping.has)
        if sources.count > 1, let node = mapping.keyNode(sources[1]) {
            reader.report(
                "set only one of url, url_env, url_file (found \(sources.joined(separator: " and ")))", at: node,
                mapping.path.key(sources[1]))
        }
        var url: WebhookURL?
        if let node = mapping.value("url") {
            url = self.url(node, mapping.path.key("url"), schemes: ["http", "https"]).map(WebhookURL.literal)
        } else if let reference = secret(mapping, "url") {
            url = .secret(reference)
        } else if sources.isEmpty {
            reader.report(
                "missing url (or url_env / url_file when the URL holds a token)", at: mapping.node,
                mapping.path.key("url"))
        }
        let format =
            mapping.value("format").flatMap { reader.choice($0, mapping.path.key("format"), Self.webhookFormats) }
            ?? .json
        let chatID = mapping.string("chat_id")
        if format == .telegram, chatID == nil, mapping.value("chat_id") == nil {
            reader.report("a telegram webhook needs chat_id", at: mapping.node, mapping.path.key("chat_id"))
        }
        if format != .telegram, let node = mapping.keyNode("chat_id") {
            reader.report(
                "chat_id only applies to format telegram (this one is \(format.rawValue))", at: node,
                mapping.path.key("chat_id"))
        }
        let timeout =
            duration(mapping, "timeout", units: [.seconds, .minutes], minimumSeconds: 1)
            ?? ConfigDuration(amount: 10, unit: .seconds)
        guard let id, let url else { return nil }
        return WebhookConfig(
            id: id, url: url, format: format, secret: secret(mapping, "secret"), timeout: timeout, chatID: chatID)
    }

    func parseUnit(_ mapping: YAMLMapping) -> Unit? {
        mapping.finish(known: ["id", "name", "email", "webhooks", "head", "reporters", "abbreviation"])
        let id = identifier(mapping, "id")
        let name = mapping.string("name", required: true)
        let email = mailboxes(mapping, "email")
        let webhooks = identifiers(mapping, "webhooks")
        var head: UnitHead?
        if let item = mapping.mapping("head") {
            item.finish(known: ["title", "name", "email"])
            head = UnitHead(
                title: item.string("title"), name: item.string("name"),
                email: item.value("email").flatMap { mailbox($0, item.path.key("email")) })
        }
        if email.isEmpty, webhooks.isEmpty, isEmptyOrAbsent(mapping, "email"), isEmptyOrAbsent(mapping, "webhooks") {
            // Its reminders would go nowhere without a trace (DESIGN §2: `email: []` counts as none).
            let key = mapping.has("email") || !mapping.has("webhooks") ? "email" : "webhooks"
            reader.report(
                "unit '\(id ?? "?")' has no channel: give it an email address or a webhook, or its reminders are lost",
                at: mapping.value(key) ?? mapping.node, mapping.path.key(key))
        }
        let abbreviation = documentSymbol(mapping)
        guard let id, let name else { return nil }
        return Unit(
            id: id, name: name, email: email, webhooks: webhooks.map(\.id), head: head,
            reporters: mailboxes(mapping, "reporters"), abbreviation: abbreviation)
    }

    /// True when `key` is missing or an empty list (a list with entries that fail is reported on its own).
    private func isEmptyOrAbsent(_ mapping: YAMLMapping, _ key: String) -> Bool {
        guard let node = mapping.value(key) else { return true }
        if case .sequence(let sequence) = node { return sequence.isEmpty }
        return false
    }

    func parseGroup(_ mapping: YAMLMapping) -> RecipientGroup? {
        mapping.finish(known: ["id", "name", "email", "webhooks"])
        let id = identifier(mapping, "id")
        let name = mapping.string("name", required: true)
        let email = mailboxes(mapping, "email")
        let webhooks = identifiers(mapping, "webhooks")
        guard let id, let name else { return nil }
        return RecipientGroup(id: id, name: name, email: email, webhooks: webhooks.map(\.id))
    }

    /// A unit/group/policy/webhook id: lower-case ASCII, digits, `-`, `_`, `.`.
    /// Ids end up in delivery keys and file names, so they are kept plain.
    func identifier(_ mapping: YAMLMapping, _ key: String, caseSensitive: Bool = false) -> String? {
        guard let node = mapping.value(key, required: true) else { return nil }
        return identifier(node, mapping.path.key(key), caseSensitive: caseSensitive)
    }

    func identifier(_ node: Node, _ path: ConfigPath, caseSensitive: Bool = false) -> String? {
        guard let text = reader.string(node, path) else { return nil }
        // Byte-wise: ids are ASCII by definition, and this runs for every reference.
        let allowed: (UInt8) -> Bool = { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
                UInt8(ascii: "_"), UInt8(ascii: "."):
                return true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                return caseSensitive
            default:
                return false
            }
        }
        let first = text.utf8.first ?? 0
        let startsWell =
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
            || (caseSensitive && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first))
        guard text.utf8.count <= 64, startsWell, text.utf8.allSatisfy(allowed) else {
            let rule = caseSensitive ? "ASCII letters" : "lower-case ASCII letters"
            reader.report(
                "'\(text)' is not a valid id (\(rule), digits, '-', '_', '.'; starting with a letter or digit)",
                at: node, path)
            return nil
        }
        return text
    }

    /// A list of ids with the node of each, for reference checks.
    func identifiers(_ mapping: YAMLMapping, _ key: String, allowSingle: Bool = true) -> [(
        id: String, node: Node, path: ConfigPath
    )] {
        guard let items = mapping.list(key, allowSingle: allowSingle) else { return [] }
        return items.compactMap { node, path in
            identifier(node, path).map { ($0, node, path) }
        }
    }
}
