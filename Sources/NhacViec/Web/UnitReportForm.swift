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
        var (entry, taskLines) = UnitReportPage.read(form, tasks: tasks)
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
            entry.error = "Báo cáo chưa được nhận: " + error.issues.map(describe).joined(separator: "; ")
            return try again(site: site, view: view, link: link, action: action, entry: entry)
        }
    }

    /// An uploaded report file: its type checked, then read as `submit` reads it. Problems
    /// show beside the file field (a form's with its row and column).
    static func handle(
        site: WebSite, view: OfficeView, link: UnitLink, action: String, upload: UnitReportUpload
    ) throws -> Response {
        var entry = UnitReportPage.Entry()
        let status: HTTPResponse.Status
        switch upload.check() {
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
                        "Tệp “\(upload.displayName)” là báo cáo của đơn vị ‘\(submission.unit)’, "
                            + "\(submission.period.map { "kỳ \($0)" } ?? "báo cáo ‘\(submission.report)’"), "
                            + "không phải \(link.heading(view.config).lowercasedFirst) của đơn vị này."
                    ]
                    return try again(site: site, view: view, link: link, action: action, entry: entry)
                }
                return try accept(submission, site: site, view: view, link: link, action: action)
            } catch let error as SubmissionError {
                entry.uploadErrors =
                    ["Báo cáo “\(upload.displayName)” chưa được nhận; hãy sửa rồi tải lên lại:"]
                    + error.issues.map(describe)
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

    /// An issue as a clerk reads it: the place in the file (a form's issues carry row and column in the message).
    private static func describe(_ issue: ConfigIssue) -> String {
        guard issue.line > 0 else { return issue.path.isEmpty ? issue.message : "\(issue.path): \(issue.message)" }
        let key = issue.path.isEmpty ? "" : " (\(issue.path))"
        return "dòng \(issue.line), cột \(issue.column)\(key): \(issue.message)"
    }

    private static func receivedAt(_ view: OfficeView) -> Date {
        Date(timeIntervalSince1970: view.now.timeIntervalSince1970.rounded(.down))
    }
}
