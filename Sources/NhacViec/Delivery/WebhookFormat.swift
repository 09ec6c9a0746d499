/// The body shape a webhook target expects (config `format`).
package enum WebhookFormat: Sendable, Equatable {
    /// nhacviec's own JSON (DESIGN §6).
    case json
    /// Slack incoming webhook: `text` plus Block Kit `blocks`.
    case slack
    /// Microsoft Teams incoming webhook / Workflows: a message with an Adaptive Card.
    case teams
    /// Google Chat incoming webhook: `text` with Chat's formatting.
    case googleChat
    /// Telegram Bot API `sendMessage` to `chatID`, HTML parse mode.
    case telegram(chatID: String)

    /// Parses a config `format` value; Telegram takes its `chat_id` separately.
    package init?(configName: String, telegramChatID: String? = nil) {
        switch configName {
        case "json": self = .json
        case "slack": self = .slack
        case "teams": self = .teams
        case "google_chat": self = .googleChat
        case "telegram":
            guard let telegramChatID, !telegramChatID.isEmpty else { return nil }
            self = .telegram(chatID: telegramChatID)
        default: return nil
        }
    }
}
