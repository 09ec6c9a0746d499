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
            ("sent_at", .string(ISO8601Timestamp.format(sentAt, timeZone: timeZone))),
        ])
    }

    // MARK: Chat formats

    /// "Hạn: Thứ Hai, 01/04/2024 (Tháng 3/2024)", or the plan's text alone.
    static func dueLine(_ item: Item) -> String {
        switch (item.due, item.dueText) {
        case (let due?, let text?): "Hạn: \(due.weekday.vietnameseName), \(due.vietnameseNumeric) (\(text))"
        case (let due?, nil): "Hạn: \(due.weekday.vietnameseName), \(due.vietnameseNumeric)"
        case (nil, let text?): "Hạn: \(text)"
        case (nil, nil): "Không có thời hạn"
        }
    }

    static func detailLine(_ item: Item) -> String {
        (item.note ?? "Bước nhắc: \(item.step)") + " · Đơn vị: \(item.unit)"
    }

    /// Slack limits: 50 blocks, 150 characters in a header, 3000 in a section.
    /// https://api.slack.com/reference/block-kit/blocks
    var slackJSON: JSONValue {
        let shown = items.prefix(47)
        var blocks: [JSONValue] = [
            .object([
                ("type", .string("header")),
                ("text", .object([("type", .string("plain_text")), ("text", .string(String(headline.prefix(150))))])),
            ])
        ]
        for item in shown {
            let text =
                "*\(Self.slackEscaped(item.title))*\n\(Self.slackEscaped(Self.dueLine(item)))\n"
                + Self.slackEscaped(Self.detailLine(item))
            blocks.append(
                .object([
                    ("type", .string("section")),
                    ("text", .object([("type", .string("mrkdwn")), ("text", .string(String(text.prefix(3000))))])),
                ]))
        }
        if items.count > shown.count {
            blocks.append(
                .object([
                    ("type", .string("context")),
                    (
                        "elements",
                        .array([
                            .object([
                                ("type", .string("mrkdwn")),
                                ("text", .string("… và \(items.count - shown.count) mục khác")),
                            ])
                        ])
                    ),
                ]))
        }
        // `text` is the notification and accessibility fallback for the blocks.
        return .object([("text", .string(Self.slackEscaped(headline))), ("blocks", .array(blocks))])
    }

    /// Slack's mrkdwn needs only &, < and > escaped.
    static func slackEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The Adaptive Card message that Teams incoming webhooks and the Workflows
    /// "When a Teams webhook request is received" trigger accept, as documented in
    /// "Create an Incoming Webhook" → "Send Adaptive Cards using an Incoming Webhook"
    /// (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook).
    /// MessageCard is the legacy connector format and is not used.
    var teamsJSON: JSONValue {
        var body: [JSONValue] = [
            .object([
                ("type", .string("TextBlock")), ("text", .string(headline)), ("weight", .string("Bolder")),
                ("size", .string("Medium")), ("wrap", .bool(true)),
            ])
        ]
        for item in items {
            body.append(
                .object([
                    ("type", .string("TextBlock")), ("text", .string(item.title)), ("weight", .string("Bolder")),
                    ("wrap", .bool(true)), ("separator", .bool(true)),
                ]))
            body.append(
                .object([
                    ("type", .string("TextBlock")),
                    ("text", .string(Self.dueLine(item) + "\n\n" + Self.detailLine(item))),
                    ("wrap", .bool(true)), ("spacing", .string("Small")),
                ]))
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

    /// Google Chat text messages: `*bold*` and plain lines
    /// (developers.google.com/workspace/chat/format-messages).
    var googleChatText: String {
        var lines = ["*\(headline)*"]
        for item in items {
            lines.append("• *\(item.title)*")
            lines.append("  \(Self.dueLine(item))")
            lines.append("  \(Self.detailLine(item))")
        }
        return lines.joined(separator: "\n")
    }

    /// Bot API `sendMessage` (core.telegram.org/bots/api#sendmessage) with
    /// `parse_mode: HTML`, which needs only &, < and > escaped. Messages are limited
    /// to 4096 characters, so items that do not fit are counted instead.
    func telegramJSON(chatID: String) -> JSONValue {
        var text = "<b>\(Self.htmlEscaped(headline))</b>"
        for (index, item) in items.enumerated() {
            let entry =
                "\n\n• <b>\(Self.htmlEscaped(item.title))</b>\n\(Self.htmlEscaped(Self.dueLine(item)))\n"
                + Self.htmlEscaped(Self.detailLine(item))
            if text.count + entry.count > 3900 {
                text += "\n\n… và \(items.count - index) mục khác"
                break
            }
            text += entry
        }
        return .object([
            ("chat_id", .string(chatID)),
            ("text", .string(text)),
            ("parse_mode", .string("HTML")),
            ("disable_web_page_preview", .bool(true)),
        ])
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
