import Foundation
import Hummingbird

/// A unit's answer by its signed link: checked field by field, then taken by
/// ``SubmissionIntake`` exactly as `nhacviec submit` takes a file.
enum UnitReportForm {
    static func handle(site: WebSite, view: OfficeView, link: UnitLink, action: String, form: [String: String]) throws
        -> Response
    {
        let csrf = site.csrf.token(user: "link|" + link.description)
        let tasks = UnitReportPage.tasks(view.config, unit: link.unit)
        var (entry, taskLines) = UnitReportPage.read(form, tasks: tasks)
        func again() throws -> Response {
            let page = try UnitReportPage.context(view, link: link, action: action, csrf: csrf, entry: entry)
            return WebResponses.html(site.pages.render("unitReport", page), status: .unprocessableContent)
        }
        guard let taskLines else { return try again() }
        let text = UnitReportPage.markdown(unit: link.unit, period: link.period, taskLines: taskLines, entry: entry)
        let store = try site.writableStore()
        let intake = SubmissionIntake(config: view.config, calendar: view.loaded.calendar, sink: store)
        let receivedAt = Date(timeIntervalSince1970: view.now.timeIntervalSince1970.rounded(.down))
        let receipt: SubmissionReceipt
        do {
            receipt = try intake.receive(
                data: Data(text.utf8), fileName: "web-\(link.unit)-\(link.period.description).md",
                receivedAt: receivedAt)
        } catch let error as SubmissionError {
            entry.error = "Báo cáo chưa được nhận: \(error.description)"
            return try again()
        }
        let mail = UnitReceiptMail.message(
            for: receipt, config: view.config, calendar: view.loaded.calendar, now: view.now)
        if let mail { try store.recordStoredMessage(mail) }
        if mail != nil || receipt.raisedDifficulties {
            do { try store.wakeDaemon() } catch { site.logger.warning("cannot wake the daemon: \(error)") }
        }
        site.logger.notice(
            "report received by unit link", metadata: ["unit.id": "\(link.unit)", "report.period": "\(link.period)"])
        var page = view.base(title: "Đã nhận báo cáo \(link.period.vietnameseName)")
        page["user"] = nil
        page["receipt"] = receipt.summary
        page["mailedTo"] = mail.map { $0.recipients.joined(separator: ", ") }
        page["back"] = action
        return WebResponses.html(site.pages.render("unitReceipt", page))
    }
}
