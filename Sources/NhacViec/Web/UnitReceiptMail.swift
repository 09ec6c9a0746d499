import Foundation

/// The receipt e-mailed to a unit for a report taken on its page (DESIGN §15), in the
/// e-mail intake's words (``IntakeReply``), recorded in the ledger as a stored message
/// for the daemon to send: `serve` sends no mail itself.
///
/// Key `reply:web-<hash>/<period or request>/receipt/<unit>/email`, the hash over what
/// the unit said and the moment the answer counts as received: a resubmission gets its
/// own receipt, a repeat of the same answer (a double click) finds the key taken and
/// sends nothing twice.
enum UnitReceiptMail {
    /// The message, or nil when the unit has no e-mail address (then only the page shows the receipt).
    static func message(for receipt: SubmissionReceipt, config: Config, calendar: WorkingCalendar, now: Date)
        -> StoredMessage?
    {
        let unit = receipt.submission.unit
        guard let found = config.unit(unit), !found.email.isEmpty else { return nil }
        let recipients = found.email.map { MessageComposer.named($0, found.name) }
        let occurrence = receipt.submission.period ?? receipt.submission.report
        let moment = Int64(receipt.effectiveReceivedAt.timeIntervalSince1970.rounded(.down))
        let key =
            "reply:web-\(FNV1a.hex("\(moment)|\(receipt.submission.contentKey)"))/\(occurrence)/receipt/\(unit)/email"
        let sender = config.intake.email?.address ?? MessageComposer(config: config, calendar: calendar).sender
        let reply = IntakeReply(
            config: config, subject: "", messageID: nil, references: [], receivedAt: receipt.submission.receivedAt,
            outcomes: [.accepted(receipt)], channel: .webPage)
        var message = reply.message(key: key, from: sender, to: recipients[0], date: now)
        message.to = recipients
        return StoredMessage(
            key: key, sender: sender.address, recipients: recipients.map(\.address), mime: message.rendered(),
            createdAt: now)
    }
}
