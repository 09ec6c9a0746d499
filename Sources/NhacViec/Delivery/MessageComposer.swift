import Foundation

/// Writes the messages people read (DESIGN §6): the email or webhook call for a
/// scheduler `Digest`, the `send-test` message and the dead-letter alert.
///
/// Pure: the output depends only on the config and the arguments, so a digest
/// resent after a crash renders to the same email bytes. Text is Vietnamese, or
/// English with `organization.language: en`; names and titles from the config
/// are shown as written.
///
/// Webhook URLs and secrets are inputs, resolved by the caller (for example with
/// ``SecretResolver/webhookURL(_:)``): reading an
/// environment variable or a credentials file can fail, and that failure belongs
/// to the delivery (retried, then dead-lettered with its reason), not to the words.
package struct MessageComposer: Sendable {
    package let config: Config
    let calendar: WorkingCalendar
    let clock: WallClock
    let text: MessageText
    /// Signs the units' report page links put in reminders (DESIGN §15); nil without
    /// `web.base_url` or its secret. Set by whoever resolved the secret (the daemon).
    package var unitLinks: WebLinks?

    /// Builds the working-day calendar from `config.calendar.rules` (a few
    /// milliseconds); use ``init(config:calendar:)`` to share one already built.
    package init(config: Config) {
        self.init(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
    }

    package init(config: Config, calendar: WorkingCalendar) {
        self.config = config
        self.calendar = calendar
        self.clock = WallClock(timeZone: config.organization.timeZone)
        self.text = MessageText(language: config.organization.language)
    }

    /// Whether ``email(for:taskStatus:rejectedMail:)`` has someone to send `digest` to.
    package func hasEmailAddress(_ digest: Digest) -> Bool {
        digest.channel == .email && !mailboxes(of: digest.recipient).isEmpty
    }

    /// The email for a digest on the `email` channel.
    ///
    /// - Parameters:
    ///   - taskStatus: a task's last reported status by task id, shown
    ///     next to the task when known (nil: not shown).
    ///   - rejectedMail: for the Office's digest, messages the report mailbox refused (§12).
    /// - Returns: nil when the digest is not on the `email` channel or the
    ///   recipient has no address (or is no longer in the config).
    package func email(
        for digest: Digest, taskStatus: (String) -> TaskStatus? = { _ in nil }, rejectedMail: [IntakeRejection] = []
    ) -> EmailMessage? {
        guard digest.channel == .email else { return nil }
        let to = mailboxes(of: digest.recipient)
        guard !to.isEmpty else { return nil }
        let toAddresses = Set(to.map { $0.address.lowercased() })
        var cc: [Mailbox] = []
        for recipient in digest.cc {
            for mailbox in mailboxes(of: recipient) where !toAddresses.contains(mailbox.address.lowercased()) {
                if !cc.contains(where: { $0.address.lowercased() == mailbox.address.lowercased() }) {
                    cc.append(mailbox)
                }
            }
        }
        let items = reminderItems(of: digest, taskStatus: taskStatus)
        let subject = subject(of: digest, items: items)
        var body = body(of: digest, items: items, subject: subject)
        body.template = replyTemplate(of: digest, items: items)
        addRejectedMail(rejectedMail, to: &body)
        var message = EmailMessage(
            key: digest.key, from: sender, to: to, cc: cc, subject: subject, textBody: body.plainText,
            htmlBody: body.html, date: digest.at, timeZone: config.organization.timeZone,
            extraHeaders: Self.headers(kind: "reminder", recipient: digest.recipient.description))
        // Units answer by replying (DESIGN §12): the reply goes to the report mailbox.
        message.replyTo = config.intake.email?.address
        return message
    }

    /// The webhook call for a digest on a `webhook:<id>` channel: the body in the
    /// webhook's `format`, signed by the transport when `secret` is given.
    ///
    /// `sent_at` and the signing timestamp are `now` (the moment of this attempt);
    /// the key, and so `Idempotency-Key`, stays the digest's across attempts.
    ///
    /// - Parameters:
    ///   - url: the webhook's URL, already resolved from `url`, `url_env` or `url_file`.
    ///   - taskStatus: a task's last reported status by task id; a task nobody
    ///     has reported on is `not_started`. Reports are always `not_received`
    ///     (a received report is not reminded).
    /// - Returns: nil when the channel is not a webhook the config knows.
    package func webhook(
        for digest: Digest, url: String, secret: [UInt8]?, now: Date,
        taskStatus: (String) -> TaskStatus? = { _ in nil }
    ) -> WebhookRequest? {
        guard case .webhook(let id) = digest.channel, let webhook = config.webhook(id) else { return nil }
        let items = reminderItems(of: digest, taskStatus: taskStatus)
        let payload = WebhookDigest(
            id: digest.key, kind: isDifficultyDigest(items) ? .difficulty : .reminder,
            recipient: WebhookDigest.Recipient(
                id: digest.recipient.description, name: name(of: digest.recipient).nfc
            ),
            headline: subject(of: digest, items: items).nfc,
            items: items.map { webhookItem($0, digest: digest) },
            sentAt: now, timeZone: config.organization.timeZone,
            language: config.organization.language)
        return request(payload, webhook: webhook, url: url, secret: secret, now: now)
    }

    func request(_ payload: WebhookDigest, webhook: WebhookConfig, url: String, secret: [UInt8]?, now: Date)
        -> WebhookRequest
    {
        WebhookRequest(
            key: payload.id, url: url,
            body: payload.body(for: WebhookPayloadFormat(webhook.format, telegramChatID: webhook.chatID)),
            secret: secret, timeout: webhook.timeout.duration ?? .seconds(10), timestamp: now)
    }

    // MARK: Addresses

    /// Who an email to `recipient` goes to: a unit's or group's addresses, or a
    /// head's own address ("Title Name"), else the head's unit's addresses.
    /// A display name written in the config wins over the unit's name.
    func mailboxes(of recipient: Recipient) -> [Mailbox] {
        switch recipient {
        case .unit(let id):
            guard let unit = config.unit(id) else { return [] }
            return unit.email.map { Self.named($0, unit.name) }
        case .group(let id):
            guard let group = config.group(id) else { return [] }
            return group.email.map { Self.named($0, group.name) }
        case .head(let id):
            guard let unit = config.unit(id) else { return [] }
            if let own = unit.head?.email { return [Self.named(own, headName(of: unit))] }
            return unit.email.map { Self.named($0, unit.name) }
        }
    }

    /// The recipient as people call it: the unit's or group's name, the head's "Title Name".
    func name(of recipient: Recipient) -> String {
        switch recipient {
        case .unit(let id): config.unit(id)?.name ?? id
        case .group(let id): config.group(id)?.name ?? id
        case .head(let id): config.unit(id).map(headName(of:)) ?? "head:\(id)"
        }
    }

    /// "Trưởng phòng Trần Văn B"; without title and name, "Người đứng đầu <unit>".
    func headName(of unit: Unit) -> String {
        let parts = [unit.head?.title, unit.head?.name].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty
            ? text.pick("Người đứng đầu \(unit.name)", "Head of \(unit.name)") : parts.joined(separator: " ")
    }

    func unitName(_ id: String) -> String {
        config.unit(id)?.name ?? id
    }

    /// `delivery.email.from`; without SMTP (outbox only), the office's first
    /// address under the office's name, so the outbox copy is still a valid message.
    var sender: Mailbox {
        if let from = config.delivery.email?.from { return from }
        if let office = config.office, let first = office.email.first { return Self.named(first, office.name) }
        let anyAddress = config.units.lazy.compactMap(\.email.first).first ?? config.organization.admins.first
        if let anyAddress { return Self.named(anyAddress, config.organization.name) }
        return Self.named(Self.placeholderSender, config.organization.name)
    }

    /// The office as the reader should contact it: "Văn phòng Ban Quản lý (vanphong@example.gov.vn)".
    var officeContact: String {
        guard let address = config.office?.email.first?.address else { return officeName }
        return "\(officeName) (\(address))"
    }

    /// The HTML banner: "Nhắc việc – Đôn đốc · Văn phòng Ban Quản lý, Ban Quản lý Khu kinh tế Hải Phòng".
    func banner(_ kind: String) -> String {
        "\(kind) · \(origin)"
    }

    /// Who sends: "Văn phòng Ban Quản lý, Ban Quản lý Khu kinh tế Hải Phòng", or the organization alone.
    var origin: String {
        let organization = config.organization.name
        return officeName == organization ? organization : "\(officeName), \(organization)"
    }

    var officeName: String {
        config.office?.name ?? config.organization.name
    }

    /// A reserved `.invalid` domain (RFC 2606): a syntactically valid From for a
    /// config that has no address at all, which can only write to the outbox.
    static let placeholderSender: Mailbox = {
        guard let mailbox = Mailbox(address: "nhacviec@nhacviec.invalid") else {
            preconditionFailure("the placeholder sender address is valid")
        }
        return mailbox
    }()

    static func named(_ mailbox: Mailbox, _ name: String) -> Mailbox {
        guard mailbox.displayName == nil else { return mailbox }
        return Mailbox(displayName: name, address: mailbox.address) ?? mailbox
    }

    /// `X-Nhacviec-Kind` lets mail rules file reminders, tests and alerts apart.
    static func headers(kind: String, recipient: String? = nil) -> [EmailMessage.ExtraHeader] {
        var headers = [EmailMessage.ExtraHeader(name: "X-Nhacviec-Kind", value: kind)]
        if let recipient { headers.append(EmailMessage.ExtraHeader(name: "X-Nhacviec-Recipient", value: recipient)) }
        return headers.compactMap { $0 }
    }
}
