import CCrypto
import Foundation

/// What to do with one message from the intake mailbox (DESIGN §12): which of
/// its reports are filed, which are refused and why, whom to answer, whom to tell.
///
/// Rules: mail from ourselves is ignored (no loops). A message lacking
/// `require_header` (topmost instance) or from an address no unit lists is
/// rejected without a reply and listed in the Office's next digest. Automatic mail (RFC 3834)
/// is never answered. Otherwise each report is judged on its own, the sender
/// checked against the report's unit, and the sender gets one reply.
struct EmailIntakeDecision {
    enum Outcome: String, Sendable {
        case accepted, rejected, ignored
    }

    var outcome: Outcome
    var summary: String
    /// Replies to record with the message (sent after it).
    var messages: [StoredMessage]
    /// For a message refused without a reply: what the Office's digest will list.
    var rejection: IntakeRejection? = nil

    /// Hex SHA-256 of the message's bytes.
    static func contentHash(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = bytes.withUnsafeBufferPointer { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, EVP_sha256(), nil)
        }
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }

    /// The units `address` may submit for: unit addresses, heads, reporters.
    static func units(for address: String, config: Config) -> [String] {
        config.units.filter { unit in
            (unit.email + unit.reporters + [unit.head?.email].compactMap { $0 }).contains {
                $0.address.caseInsensitiveCompare(address) == .orderedSame
            }
        }.map(\.id)
    }

    static func decide(
        _ email: IncomingEmail, contentHash: String, tooLarge: Bool, config: Config, settings: EmailIntakeSettings,
        store: StateStore, receivedAt: Date, now: Date
    ) throws -> EmailIntakeDecision {
        let ownAddresses = [settings.address.address, config.delivery.email?.from.address].compactMap { $0 }
        guard let sender = email.from else {
            return silent(
                ("thư không có địa chỉ người gửi (From) đọc được", "no usable From address"), email: email,
                hash: contentHash, config: config, settings: settings, receivedAt: receivedAt)
        }
        if ownAddresses.contains(where: { $0.caseInsensitiveCompare(sender.address) == .orderedSame })
            || isOurs(email.messageID, config: config, settings: settings)
        {
            return EmailIntakeDecision(outcome: .ignored, summary: "our own message", messages: [])
        }
        if let required = settings.requireHeader,
            !email.topmostHeader(required.name, matches: required.pattern)
        {
            return silent(
                (
                    "trường \(required.name) do máy chủ thư thêm vào không khớp với require_header",
                    "the topmost \(required.name) header does not match"
                ), email: email, hash: contentHash, config: config, settings: settings, receivedAt: receivedAt)
        }
        let allowed = units(for: sender.address, config: config)
        guard !allowed.isEmpty else {
            return silent(
                (
                    "địa chỉ \(sender.address) không thuộc đơn vị nào (email, thủ trưởng hoặc reporters)",
                    "\(sender.address) is not an address of any unit (email, head or reporters)"
                ), email: email, hash: contentHash, config: config, settings: settings, receivedAt: receivedAt)
        }
        let automatic = email.isAutomatic
        if automatic {
            return EmailIntakeDecision(
                outcome: .ignored, summary: "automatic message (RFC 3834), not answered", messages: [])
        }
        var outcomes: [IntakeReply.Outcome] = []
        var forms: [String: EmailMessage.Attachment] = [:]
        var firstTarget: String?
        let english = config.organization.language == .english
        if tooLarge {
            outcomes.append(
                .unreadable(
                    SubmissionMessages(config).messageTooLarge(maximum: EmailReportExtractor.maximumMessageSize)))
        } else {
            let extracted = EmailReportExtractor.extract(email, messages: SubmissionMessages(config))
            for problem in extracted.problems {
                outcomes.append(.unreadable("\(problem.fileName): \(problem.message)"))
            }
            let calendar = WorkingCalendar(rules: config.calendar.rules)
            let intake = SubmissionIntake(config: config, calendar: calendar, sink: store)
            for found in extracted.reports {
                var outcome = judge(
                    found, sender: sender.address, allowed: allowed, intake: intake, config: config,
                    receivedAt: receivedAt)
                // A bad Word form is answered with the unit's Word form, not a Markdown template.
                if case .refused(let file, let issues, _) = outcome,
                    EmailReportExtractor.fileExtension(found.fileName) == "docx",
                    let form = blankForm(for: found, allowed: allowed, config: config, store: store, now: now)
                {
                    outcome = .refused(file: file, issues: issues, template: nil)
                    forms[file] = form
                }
                if firstTarget == nil, case .accepted(let receipt) = outcome {
                    firstTarget = receipt.submission.period ?? receipt.submission.report
                }
                outcomes.append(outcome)
            }
            if extracted.reports.isEmpty, extracted.problems.isEmpty {
                outcomes.append(
                    .unreadable(
                        english
                            ? "No report was found in the message: attach the report (.md, .yaml) or reply with the filled-in template in the body, starting at the line ---."
                            : "Không tìm thấy báo cáo trong thư: đề nghị đính kèm tệp báo cáo (.md, .yaml) hoặc trả lời thư nhắc việc với mẫu báo cáo đã điền trong nội dung thư, bắt đầu từ dòng ---."
                    ))
            }
        }
        var reply = IntakeReply(
            config: config, subject: email.subject, messageID: email.messageID, references: email.references,
            receivedAt: receivedAt, outcomes: outcomes)
        reply.forms = forms
        let idHash = FNV1a.hex(email.messageID ?? contentHash)
        let key =
            "reply:\(idHash)/\(firstTarget ?? "none")/\(reply.isReceipt ? "receipt" : "errors")/\(sender.address.lowercased())/email"
        let message = reply.message(
            key: key, from: settings.address, to: Mailbox(address: sender.address) ?? sender, date: now)
        let stored = StoredMessage(
            key: key, sender: settings.address.address, recipients: [sender.address], mime: message.rendered(),
            createdAt: now)
        let accepted = outcomes.filter { if case .accepted = $0 { true } else { false } }.count
        return EmailIntakeDecision(
            outcome: accepted > 0 ? .accepted : .rejected,
            summary: "\(accepted) of \(outcomes.count) report(s) accepted from \(sender.address)", messages: [stored])
    }

    /// Parses, checks the sender against the report's unit, refuses an unfilled template, files it.
    private static func judge(
        _ found: EmailReportExtractor.Found, sender: String, allowed: [String], intake: SubmissionIntake,
        config: Config, receivedAt: Date
    ) -> IntakeReply.Outcome {
        let english = config.organization.language == .english
        let isBody: Bool
        var lineOffset = 0
        if case .body(let firstLine) = found.origin {
            isBody = true
            lineOffset = firstLine - 1
        } else {
            isBody = false
        }
        let label = isBody ? (english ? "in the message body" : "trong nội dung thư") : found.fileName
        let fallbackTemplate = ReportTemplate.markdown(
            config: config, unit: allowed[0], report: "monthly", period: nil)
        let data = Data(found.data)
        let submission: Submission
        do {
            submission = try SubmissionParser.parse(
                data: data, fileName: found.fileName, config: config, receivedAt: receivedAt)
        } catch {
            let issues = error.issues.map { issue in
                ConfigIssue(
                    file: issue.file, line: issue.line > 0 ? issue.line + lineOffset : 0, column: issue.column,
                    path: issue.path, message: issue.message)
            }
            return .refused(file: label, issues: issues, template: fallbackTemplate)
        }
        guard allowed.contains(submission.unit) else {
            return .refused(
                file: label,
                issues: [
                    ConfigIssue(
                        file: found.fileName, line: 0, column: 0, path: "unit",
                        message: english
                            ? "\(sender) may not submit reports for '\(submission.unit)' (it may for: \(allowed.joined(separator: ", ")))"
                            : "địa chỉ \(sender) không được gửi báo cáo của đơn vị '\(submission.unit)' (chỉ được gửi cho: \(allowed.joined(separator: ", ")))"
                    )
                ], template: fallbackTemplate)
        }
        let template = ReportTemplate.markdown(
            config: config, unit: submission.unit, report: submission.report, period: submission.period)
        // A Word form is read by its cells (§13); only a text report can be the template returned as is.
        let isWordForm = EmailReportExtractor.fileExtension(found.fileName) == "docx"
        if !isWordForm, ReportTemplate.isUnchanged(String(decoding: found.data, as: UTF8.self), template: template) {
            return .refused(
                file: label,
                issues: [
                    ConfigIssue(
                        file: found.fileName, line: 0, column: 0, path: "",
                        message: english
                            ? "the template came back unfilled (chưa điền nội dung)"
                            : "chưa điền nội dung: mẫu báo cáo được gửi lại nguyên trạng")
                ], template: template)
        }
        do {
            return .accepted(try intake.receive(data: data, fileName: found.fileName, receivedAt: receivedAt))
        } catch let error as SubmissionError {
            return .refused(file: label, issues: error.issues, template: template)
        } catch {
            return .unreadable(
                english
                    ? "\(label): the report could not be recorded (\(error)); it will be read again."
                    : "\(label): chưa ghi nhận được báo cáo (\(error)).")
        }
    }

    /// The form the refused `.docx` answers (its unit and period or request, when it says
    /// which and the sender may report for that unit), else a fresh monthly form of the
    /// sender's first unit for the month it arrived in; pre-filled with today's statuses.
    /// nil when no form can be made (no monthly report, an unknown request).
    private static func blankForm(
        for found: EmailReportExtractor.Found, allowed: [String], config: Config, store: StateStore, now: Date
    ) -> EmailMessage.Attachment? {
        var unit = allowed[0]
        let clock = WallClock(timeZone: config.organization.timeZone)
        let today = clock.localDate(of: now)
        var kind = ReportForm.Kind.monthly(period: String(format: "%04d-%02d", today.year, today.month))
        if let identity = WordFormReader.identity(data: Data(found.data)), allowed.contains(identity.unit) {
            unit = identity.unit
            if identity.report == "monthly", let period = identity.period {
                kind = .monthly(period: period)
            } else if identity.report != "monthly" {
                kind = .request(id: identity.report)
            }
        }
        guard let form = try? ReportFormWriter(config: config).write(unit: unit, kind: kind, data: store, now: now)
        else { return nil }
        return EmailMessage.Attachment(
            filename: form.fileName, contentType: ReportRenderer.mediaType(.docx), data: [UInt8](form.data))
    }

    /// Rejected without a reply (no backscatter); the Office's next digest lists it
    /// (``IntakeRejection``, recorded with the message).
    private static func silent(
        _ reason: (vi: String, en: String), email: IncomingEmail, hash: String, config: Config,
        settings: EmailIntakeSettings, receivedAt: Date
    ) -> EmailIntakeDecision {
        let english = config.organization.language == .english
        let text = english ? reason.en : reason.vi
        let rejection = IntakeRejection(
            contentHash: hash, sender: email.from?.description ?? "", subject: email.subject, receivedAt: receivedAt,
            reason: text, folder: settings.rejectedFolder)
        return EmailIntakeDecision(outcome: .rejected, summary: reason.en, messages: [], rejection: rejection)
    }

    /// A Message-ID nhacviec itself wrote: `<encoded key@domain of our sender>`.
    static func isOurs(_ messageID: String?, config: Config, settings: EmailIntakeSettings) -> Bool {
        guard let messageID else { return false }
        let domains = [settings.address.domain, config.delivery.email?.from.domain].compactMap { $0 }
        let lower = messageID.lowercased()
        guard domains.contains(where: { lower.hasSuffix("@\($0)>") }) else { return false }
        return ["<task", "<report", "<reply", "<intake", "<alert", "<test", "<difficulty"].contains {
            lower.hasPrefix($0)
        }
    }
}
