/// Why a message was not delivered, and whether trying again can help (DESIGN §5).
///
/// Keeps the server's own words (reply code and text) and curl's error, so the
/// daemon can store one line in `last_error` and the admin sees what the server said.
package struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Disposition: Sendable, Equatable {
        /// Try again later; `retryAfter` is the server's own hint (HTTP `Retry-After`).
        case transient(retryAfter: Duration?)
        /// Trying again cannot help: dead-letter at once.
        case permanent
        /// The server's configuration (or ours for it) is wrong, not the message: a
        /// certificate not trusted, STARTTLS missing, a refused login. Retried like a
        /// transient failure, and the admins are told at once; `fix` names the
        /// config key to look at (`delivery.email.ca_file`).
        case configuration(fix: String)
    }

    package var disposition: Disposition
    /// One line for people: what failed, with the server's reply where there was one.
    package var reason: String
    /// The SMTP reply code or HTTP status that decided it, if the server replied.
    package var replyCode: Int?
    /// The server's reply text (SMTP) or the start of the response body (HTTP).
    package var replyText: String?
    /// libcurl's error code, if the transfer itself failed.
    package var curlCode: Int?
    /// SMTP only: every recipient refused (when all were, the message went nowhere).
    package var rejectedRecipients: [RejectedRecipient]

    package init(
        _ disposition: Disposition, reason: String, replyCode: Int? = nil, replyText: String? = nil,
        curlCode: Int? = nil, rejectedRecipients: [RejectedRecipient] = []
    ) {
        self.disposition = disposition
        self.reason = reason
        self.replyCode = replyCode
        self.replyText = replyText
        self.curlCode = curlCode
        self.rejectedRecipients = rejectedRecipients
    }

    package static func transient(_ reason: String, retryAfter: Duration? = nil) -> DeliveryFailure {
        DeliveryFailure(.transient(retryAfter: retryAfter), reason: reason)
    }

    package static func permanent(_ reason: String) -> DeliveryFailure {
        DeliveryFailure(.permanent, reason: reason)
    }

    /// Whether trying again can help (transient and configuration failures).
    package var isTransient: Bool {
        switch disposition {
        case .transient, .configuration: true
        case .permanent: false
        }
    }

    /// The config key to fix, for a failure of the server's configuration.
    package var configurationFix: String? {
        if case .configuration(let fix) = disposition { return fix }
        return nil
    }

    /// The server's `Retry-After`, if it sent one with a transient failure.
    package var retryAfter: Duration? {
        if case .transient(let retryAfter) = disposition { return retryAfter }
        return nil
    }

    package var description: String {
        switch disposition {
        case .transient: "transient: " + reason
        case .permanent: "permanent: " + reason
        case .configuration: "server configuration: " + reason
        }
    }
}
