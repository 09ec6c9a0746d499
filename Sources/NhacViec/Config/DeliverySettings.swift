/// `delivery:`, when and how messages leave.
package struct DeliverySettings: Sendable {
    package var sendTime: LocalTime
    package var catchUp: ConfigDuration
    /// nil: emails are written to the outbox instead (the embedded default).
    package var email: EmailSettings?
    /// The outbox folder, relative to the state dir unless absolute.
    package var outbox: String
    package var retry: RetrySettings
}

package struct EmailSettings: Sendable {
    package var url: String
    package var tls: TLSMode
    package var from: Mailbox
    package var username: String?
    package var password: SecretReference?
    package var caFile: String?
    package var timeout: ConfigDuration
    /// `connections`: how many SMTP sessions a burst may use at once (1–32).
    package var connections: Int = EmailSettings.defaultConnections

    package static let defaultConnections = 4
}

package struct RetrySettings: Sendable {
    package var first: ConfigDuration
    package var maxInterval: ConfigDuration
    package var giveUpAfter: ConfigDuration
}
