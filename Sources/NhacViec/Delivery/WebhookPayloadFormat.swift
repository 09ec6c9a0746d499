/// The body shape a webhook target expects: the config's `format` with what that
/// format needs to render (Telegram's chat id).
package enum WebhookPayloadFormat: Sendable, Equatable {
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

    /// The payload format of a configured webhook (config validation guarantees a
    /// telegram webhook has its chat id).
    package init(_ format: WebhookFormat, telegramChatID: String?) {
        switch format {
        case .json: self = .json
        case .slack: self = .slack
        case .teams: self = .teams
        case .googleChat: self = .googleChat
        case .telegram: self = .telegram(chatID: telegramChatID ?? "")
        }
    }
}
