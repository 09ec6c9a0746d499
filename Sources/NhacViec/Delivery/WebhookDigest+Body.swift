extension WebhookDigest {
    /// The request body for a target of `format`: UTF-8 JSON, the same bytes on every call.
    package func body(for format: WebhookPayloadFormat) -> [UInt8] {
        let value: JSONValue =
            switch format {
            case .json: nhacviecJSON
            case .slack: slackJSON
            case .teams: teamsJSON
            case .googleChat: .object([("text", .string(googleChatText))])
            case .telegram(let chatID): telegramJSON(chatID: chatID)
            }
        return value.serialized()
    }

    /// DESIGN §6: `{"version":1,"id","kind","recipient":{"id","name"},"items":[…],"sent_at"}`.
    var nhacviecJSON: JSONValue {
        .object([
            ("version", .int(1)),
            ("id", .string(id)),
            ("kind", .string(kind.rawValue)),
            ("recipient", .object([("id", .string(recipient.id)), ("name", .string(recipient.name))])),
            (
                "items",
                .array(
                    items.map { item in
                        .object([
                            ("duty", .string(item.duty)),
                            ("title", .string(item.title)),
                            ("step", .string(item.step)),
                            ("due", item.due.map { .string($0.description) } ?? .null),
                            ("due_text", item.dueText.map { .string($0) } ?? .null),
                            ("unit", .string(item.unit)),
                            ("status", .string(item.status)),
                        ])
                    })
            ),
            ("sent_at", .string(WallClock(timeZone: timeZone).iso8601(sentAt))),
        ])
    }

    // MARK: Chat formats

    /// What each service documents as the most it accepts. A digest that does not
    /// fit shows the most urgent items that do and ends with "… và N mục khác".
    enum Limits {
        /// Slack: 50 blocks a message, 3000 characters in a section's text, 150 in a header.
        /// https://api.slack.com/reference/block-kit/blocks
        static let slackBlocks = 50
        static let slackSectionCharacters = 3000
        static let slackHeaderCharacters = 150
        /// Teams: a message (the card and its envelope) of at most 28 KB.
        /// learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
        static let teamsBytes = 28_000
        /// Google Chat: a message of at most 32,000 bytes.
        /// developers.google.com/workspace/chat/create-messages
        static let googleChatBytes = 32_000
        /// Telegram `sendMessage`: 1–4096 characters after entities parsing
        /// (UTF-16 code units; the HTML source is never shorter than its text).
        static let telegramCharacters = 4096
        /// A title longer than this is shortened (at a word) in the chat formats,
        /// so one item can never fill a message on its own.
        static let titleCharacters = 300
    }

    private var text: MessageText { MessageText(language: language) }

    /// "… và 3 mục khác" / "… and 3 more".
    func more(_ count: Int) -> String {
        text.pick("… và \(count) mục khác", "… and \(count) more")
    }

    /// The largest number of leading items whose rendering
    /// `fits`; rendering grows with the number of items, so a binary search finds it.
    static func fittingCount(_ total: Int, fits: (Int) -> Bool) -> Int {
        var low = 0
        var high = total
        while low < high {
            let middle = (low + high + 1) / 2
            if fits(middle) { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// "Hạn: Thứ Hai, 01/04/2024 (Tháng 3/2024)", or the plan's text alone.
    func dueLine(_ item: Item) -> String {
        let label = text.pick("Hạn", "Due")
        return switch (item.due, item.dueText) {
        case (let due?, let written?): "\(label): \(text.date(due)) (\(written))"
        case (let due?, nil): "\(label): \(text.date(due))"
        case (nil, let written?): "\(label): \(written)"
        case (nil, nil): text.pick("Không có thời hạn", "No deadline")
        }
    }

    func detailLine(_ item: Item) -> String {
        (item.note ?? "\(text.pick("Bước nhắc", "Step")): \(item.step)")
            + " · \(text.pick("Đơn vị", "Unit")): \(item.unit)"
    }

    func title(_ item: Item) -> String {
        MessageComposer.shortened(item.title, to: Limits.titleCharacters)
    }

    // MARK: Slack

    var slackJSON: JSONValue {
        // One block for the header, one per item; past 50, one for what did not fit.
        let shown = items.count <= Limits.slackBlocks - 1 ? items.count : Limits.slackBlocks - 2
        var blocks: [JSONValue] = [
            .object([
                ("type", .string("header")),
                (
                    "text",
                    .object([
                        ("type", .string("plain_text")),
                        ("text", .string(MessageComposer.shortened(headline, to: Limits.slackHeaderCharacters))),
                    ])
                ),
            ])
        ]
        for item in items.prefix(shown) {
            blocks.append(
                .object([
                    ("type", .string("section")),
                    ("text", .object([("type", .string("mrkdwn")), ("text", .string(slackSection(item)))])),
                ]))
        }
        if shown < items.count {
            blocks.append(
                .object([
                    ("type", .string("context")),
                    (
                        "elements",
                        .array([.object([("type", .string("mrkdwn")), ("text", .string(more(items.count - shown)))])])
                    ),
                ]))
        }
        // `text` is the notification and accessibility fallback for the blocks.
        return .object([("text", .string(Self.slackEscaped(headline))), ("blocks", .array(blocks))])
    }

    /// A section's mrkdwn, within Slack's 3000 characters even when escaping
    /// lengthens it (the title is shortened before it is escaped, never after).
    func slackSection(_ item: Item) -> String {
        let rest = "\n" + Self.slackEscaped(dueLine(item)) + "\n" + Self.slackEscaped(detailLine(item))
        var section = "*\(Self.slackEscaped(title(item)))*" + rest
        var length = Limits.titleCharacters
        while section.count > Limits.slackSectionCharacters && length > 10 {
            length /= 2
            section = "*\(Self.slackEscaped(MessageComposer.shortened(item.title, to: length)))*" + rest
        }
        return section.count > Limits.slackSectionCharacters
            ? String(section.prefix(Limits.slackSectionCharacters - 1)) + "…" : section
    }

    /// Slack's mrkdwn needs only &, < and > escaped; `<url|text>` in a title
    /// then shows as written instead of becoming a link or a mention.
    static func slackEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    // MARK: Teams

    /// The Adaptive Card message that Teams incoming webhooks and the Workflows
    /// "When a Teams webhook request is received" trigger accept, as documented in
    /// "Create an Incoming Webhook" → "Send Adaptive Cards using an Incoming Webhook"
    /// (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook).
    /// MessageCard is the legacy connector format and is not used.
    ///
    /// Text goes in `RichTextBlock` → `TextRun`, which Adaptive Cards never read as
    /// Markdown (a `TextBlock` would turn `[x](url)` in a title into a link, and
    /// backslash escapes render differently on Teams desktop and mobile).
    var teamsJSON: JSONValue {
        let shown = Self.fittingCount(items.count) { count in
            teamsMessage(shown: count).serialized().count <= Limits.teamsBytes
        }
        return teamsMessage(shown: shown)
    }

    private func teamsMessage(shown: Int) -> JSONValue {
        var body: [JSONValue] = [Self.teamsText(headline, bold: true, size: "Medium")]
        for item in items.prefix(shown) {
            body.append(Self.teamsText(title(item), bold: true, separator: true))
            body.append(Self.teamsText(dueLine(item), spacing: "Small"))
            body.append(Self.teamsText(detailLine(item), spacing: "None"))
        }
        if shown < items.count {
            body.append(Self.teamsText(more(items.count - shown), separator: true))
        }
        let card: JSONValue = .object([
            ("$schema", .string("http://adaptivecards.io/schemas/adaptive-card.json")),
            ("type", .string("AdaptiveCard")),
            ("version", .string("1.4")),
            ("body", .array(body)),
        ])
        return .object([
            ("type", .string("message")),
            (
                "attachments",
                .array([
                    .object([
                        ("contentType", .string("application/vnd.microsoft.card.adaptive")),
                        ("contentUrl", .null),
                        ("content", card),
                    ])
                ])
            ),
        ])
    }

    /// One paragraph of literal text.
    static func teamsText(
        _ text: String, bold: Bool = false, size: String? = nil, separator: Bool = false, spacing: String? = nil
    ) -> JSONValue {
        var run: [(String, JSONValue)] = [("type", .string("TextRun")), ("text", .string(text))]
        if bold { run.append(("weight", .string("Bolder"))) }
        if let size { run.append(("size", .string(size))) }
        var block: [(String, JSONValue)] = [("type", .string("RichTextBlock")), ("inlines", .array([.object(run)]))]
        if separator { block.append(("separator", .bool(true))) }
        if let spacing { block.append(("spacing", .string(spacing))) }
        return .object(block)
    }

    // MARK: Google Chat

    /// Google Chat text messages: `*bold*` and plain lines
    /// (developers.google.com/workspace/chat/format-messages).
    var googleChatText: String {
        let shown = Self.fittingCount(items.count) { count in
            JSONValue.object([("text", .string(googleChatText(shown: count)))]).serialized().count
                <= Limits.googleChatBytes
        }
        return googleChatText(shown: shown)
    }

    private func googleChatText(shown: Int) -> String {
        var lines = ["*\(Self.googleChatEscaped(headline))*"]
        for item in items.prefix(shown) {
            lines.append("• *\(Self.googleChatEscaped(title(item)))*")
            lines.append("  \(Self.googleChatEscaped(dueLine(item)))")
            lines.append("  \(Self.googleChatEscaped(detailLine(item)))")
        }
        if shown < items.count { lines.append(more(items.count - shown)) }
        return lines.joined(separator: "\n")
    }

    /// Chat's text syntax has no escape: `<url|text>` is a link and `<users/all>`
    /// mentions everyone. Angle brackets become their full-width forms (＜ ＞),
    /// which read the same and start nothing.
    static func googleChatEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "\u{FF1C}").replacingOccurrences(of: ">", with: "\u{FF1E}")
    }

    // MARK: Telegram

    /// Bot API `sendMessage` (core.telegram.org/bots/api#sendmessage) with
    /// `parse_mode: HTML`, which needs only &, < and > escaped.
    func telegramJSON(chatID: String) -> JSONValue {
        let shown = Self.fittingCount(items.count) { count in
            telegramText(shown: count).utf16.count <= Limits.telegramCharacters
        }
        return .object([
            ("chat_id", .string(chatID)),
            ("text", .string(telegramText(shown: shown))),
            ("parse_mode", .string("HTML")),
            ("disable_web_page_preview", .bool(true)),
        ])
    }

    private func telegramText(shown: Int) -> String {
        var text = "<b>\(Self.htmlEscaped(MessageComposer.shortened(headline, to: Limits.titleCharacters)))</b>"
        for item in items.prefix(shown) {
            text +=
                "\n\n• <b>\(Self.htmlEscaped(title(item)))</b>\n\(Self.htmlEscaped(dueLine(item)))\n"
                + Self.htmlEscaped(detailLine(item))
        }
        if shown < items.count { text += "\n\n" + Self.htmlEscaped(more(items.count - shown)) }
        return text
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
