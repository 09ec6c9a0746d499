import Foundation
import Hummingbird

/// A unit's answer by its signed link, typed into the page's form or uploaded as a file:
/// parsed by ``SubmissionParser`` and recorded by ``SubmissionIntake`` exactly as
/// `nhacviec submit` takes a file.
enum UnitReportForm {
    static func handle(site: WebSite, view: OfficeView, link: UnitLink, action: String, form: [String: String]) throws
        -> Response
    {
        let tasks = link.tasks(view.config)
        let messages = UnitReportMessages(view.config)
        var (entry, taskLines) = UnitReportPage.read(form, tasks: tasks, messages: messages)
        guard let taskLines else {
            return try again(site: site, view: view, link: link, action: action, entry: entry)
        }
        let text = UnitReportPage.markdown(link: link, taskLines: taskLines, entry: entry)
        do {
            let submission = try SubmissionParser.parse(
                data: Data(text.utf8), fileName: "web-\(link.unit)-\(link.report.segment).md",
                config: view.config, receivedAt: receivedAt(view))
            return try accept(submission, site: site, view: view, link: link, action: action)
        } catch let error as SubmissionError {
            entry.error = messages.formNotAccepted(error.issues)
            return try again(site: site, view: view, link: link, action: action, entry: entry)
        }
    }

    /// An uploaded report file: its type checked, then read as `submit` reads it. Problems
    /// show beside the file field (a form's with its row and column).
    static func handle(
        site: WebSite, view: OfficeView, link: UnitLink, action: String, upload: UnitReportUpload
    ) throws -> Response {
        var entry = UnitReportPage.Entry()
        let messages = UnitReportMessages(view.config)
        let status: HTTPResponse.Status
        switch upload.check(messages) {
        case .failure(let problem):
            entry.uploadErrors = [problem.message]
            status =
                switch problem.status {
                case .tooLarge: .contentTooLarge
                case .unsupported: .unsupportedMediaType
                case .unprocessable: .unprocessableContent
                }
        case .success:
            do {
                let submission = try SubmissionParser.parse(
                    data: Data(upload.content), fileName: upload.displayName, config: view.config,
                    receivedAt: receivedAt(view))
                guard link.isAnswered(by: submission) else {
                    // The link's unit and report only: a file for another unit or period is not taken here.
                    entry.uploadErrors = [
                        messages.otherReport(
                            upload.displayName, submission: submission, link: link, config: view.config)
                    ]
                    return try again(site: site, view: view, link: link, action: action, entry: entry)
                }
                return try accept(submission, site: site, view: view, link: link, action: action)
            } catch let error as SubmissionError {
                entry.uploadErrors =
                    [messages.uploadNotAccepted(upload.displayName)] + error.issues.map(messages.describe)
                status = .unprocessableContent
            }
        }
        return try again(site: site, view: view, link: link, action: action, entry: entry, status: status)
    }

    /// Records an accepted report with its receipt e-mail for the daemon (one transaction), shows the receipt.
    private static func accept(
        _ submission: Submission, site: WebSite, view: OfficeView, link: UnitLink, action: String
    ) throws -> Response {
        let store = try site.writableStore()
        let intake = SubmissionIntake(config: view.config, calendar: view.loaded.calendar, sink: store)
        let (receipt, mails) = try store.receive(submission, through: intake) { receipt in
            let mail = UnitReceiptMail.message(
                for: receipt, config: view.config, calendar: view.loaded.calendar, now: view.now)
            return mail.map { [$0] } ?? []
        }
        let mail = mails.first
        if mail != nil || receipt.raisedDifficulties {
            do { try store.wakeDaemon() } catch { site.logger.warning("cannot wake the daemon: \(error)") }
        }
        site.logger.notice(
            "report received by unit link",
            metadata: [
                "unit.id": "\(link.unit)", "report.id": "\(link.report.segment)",
                "report.source": "\(submission.sourceName)",
            ])
        var page = view.base(title: "Đã nhận \(link.heading(view.config).lowercasedFirst)")
        page["user"] = nil
        page["receipt"] = receipt.summary
        page["mailedTo"] = mail.map { $0.recipients.joined(separator: ", ") }
        page["back"] = action
        return WebResponses.html(site.pages.render("unitReceipt", page))
    }

    private static func again(
        site: WebSite, view: OfficeView, link: UnitLink, action: String, entry: UnitReportPage.Entry,
        status: HTTPResponse.Status = .unprocessableContent
    ) throws -> Response {
        let csrf = site.csrf.token(user: "link|" + link.description)
        let page = try UnitReportPage.context(view, link: link, action: action, csrf: csrf, entry: entry)
        return WebResponses.html(site.pages.render("unitReport", page), status: status)
    }

    private static func receivedAt(_ view: OfficeView) -> Date {
        Date(timeIntervalSince1970: view.now.timeIntervalSince1970.rounded(.down))
    }
}
