/// `webhooks[]`: a chat or HTTP endpoint that receives digests.
package struct WebhookConfig: Sendable {
    package var id: String
    package var url: WebhookURL
    package var format: WebhookFormat
    package var secret: SecretReference?
    package var timeout: ConfigDuration
    /// Telegram only: the chat the bot posts to.
    package var chatID: String?
}

/// A webhook URL, written in the file or (when it holds a token) kept outside it.
package enum WebhookURL: Sendable {
    case literal(String)
    case secret(SecretReference)
}

package enum WebhookFormat: String, Sendable, CaseIterable {
    case json
    case slack
    case teams
    case googleChat = "google_chat"
    case telegram
}
