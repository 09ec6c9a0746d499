import Foundation
import Logging

/// Puts each unit's report form on the first reminder e-mail of a report occurrence
/// actually sent to it (DESIGN §13): the period's form for the monthly report
/// (`reports.monthly.form`), the request's form for a request (`reports.requests[].form`).
///
/// Decided from the ledger, not remembered: a step skipped or not yet sent passes the
/// form on to the next, and a message rebuilt after a crash or for a retry gets the
/// form again exactly when no other e-mail of that occurrence was sent to the unit. The
/// form is made as of the digest's own time, so a rebuilt message carries the same form.
struct ReminderFormAttacher {
    let config: Config
    let store: StateStore
    let logger: Logger

    /// The forms `digest` carries: `<unit>-<period>.docx` for a monthly report,
    /// `<unit>-<request-id>.docx` for a request; none on webhooks, for other recipients
    /// (heads, groups) or when the config turns forms off.
    func attachments(for digest: Digest) -> [EmailMessage.Attachment] {
        guard digest.channel == .email, case .unit(let unit) = digest.recipient else { return [] }
        // Each report occurrence of the unit's own once, in digest order.
        var wanted: [(duty: Duty, occurrence: String, kind: ReportForm.Kind)] = []
        for item in digest.items {
            let occurrence = item.step.occurrence.occurrence
            let duty = item.step.occurrence.duty
            guard !wanted.contains(where: { $0.duty == duty && $0.occurrence == occurrence }) else { continue }
            switch duty {
            case .monthlyReport(let owner) where owner == unit && config.reports.monthly?.form == .docx:
                wanted.append((duty, occurrence, .monthly(period: occurrence)))
            case .request(let id, let owner)
            where owner == unit && config.reports.requests.first(where: { $0.id == id })?.form == .docx:
                wanted.append((duty, occurrence, .request(id: id)))
            default:
                continue
            }
        }
        guard !wanted.isEmpty else { return [] }
        let writer = ReportFormWriter(config: config)
        var attachments: [EmailMessage.Attachment] = []
        for form in wanted {
            do {
                guard
                    try !store.emailSent(
                        duty: form.duty, occurrence: form.occurrence, recipient: digest.recipient,
                        otherThan: digest.key)
                else { continue }
                let made = try writer.write(unit: unit, kind: form.kind, data: store, now: digest.at)
                attachments.append(
                    .init(
                        filename: made.fileName, contentType: ReportRenderer.mediaType(.docx), data: [UInt8](made.data))
                )
            } catch {
                // The reminder matters more than its attachment: it goes out without the form.
                logger.error(
                    "cannot make the report form; the reminder goes without it",
                    metadata: [
                        "delivery.key": "\(digest.key)", "form.duty": "\(form.duty)",
                        "form.occurrence": "\(form.occurrence)", "error": "\(error)",
                    ])
            }
        }
        return attachments
    }
}
