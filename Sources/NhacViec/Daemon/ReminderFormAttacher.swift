import Foundation
import Logging

/// Puts each unit's report form on the first reminder e-mail of a period actually sent
/// to it (DESIGN §13, `reports.monthly.form: docx`).
///
/// Decided from the ledger, not remembered: a step skipped or not yet sent passes the
/// form on to the next, and a message rebuilt after a crash or for a retry gets the
/// form again exactly when no other e-mail of that period was sent to the unit. The
/// form is made as of the digest's own time, so a rebuilt message carries the same form.
struct ReminderFormAttacher {
    let config: Config
    let store: StateStore
    let logger: Logger

    /// The forms `digest` carries, `<unit>-<period>.docx` each; none on webhooks, for
    /// other recipients (heads, groups) or when the config turns forms off.
    func attachments(for digest: Digest) -> [EmailMessage.Attachment] {
        guard digest.channel == .email, config.reports.monthly?.form == .docx, case .unit(let unit) = digest.recipient
        else { return [] }
        let writer = ReportFormWriter(config: config)
        var periods: [String] = []
        for item in digest.items {
            guard case .monthlyReport(let owner) = item.step.occurrence.duty, owner == unit,
                !periods.contains(item.step.occurrence.occurrence)
            else { continue }
            periods.append(item.step.occurrence.occurrence)
        }
        var attachments: [EmailMessage.Attachment] = []
        for period in periods {
            do {
                guard
                    try !store.emailSent(
                        duty: .monthlyReport(unit: unit), occurrence: period, recipient: digest.recipient,
                        otherThan: digest.key)
                else { continue }
                let form = try writer.write(unit: unit, kind: .monthly(period: period), data: store, now: digest.at)
                attachments.append(
                    .init(
                        filename: form.fileName, contentType: ReportRenderer.mediaType(.docx), data: [UInt8](form.data))
                )
            } catch {
                // The reminder matters more than its attachment: it goes out without the form.
                logger.error(
                    "cannot make the report form; the reminder goes without it",
                    metadata: ["delivery.key": "\(digest.key)", "form.period": "\(period)", "error": "\(error)"])
            }
        }
        return attachments
    }
}
