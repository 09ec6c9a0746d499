import Foundation

/// The errors a unit's page shows (DESIGN §15), in the organization's language like the
/// intake's own messages they frame (``SubmissionMessages``): Vietnamese by default,
/// English with `organization.language: en`. The page's labels and headings stay
/// Vietnamese (DESIGN §15: pages in Vietnamese).
struct UnitReportMessages {
    let language: MessageLanguage

    init(_ config: Config) {
        language = config.organization.language
    }

    private func pick(_ vietnamese: String, _ english: String) -> String {
        language.pick(vietnamese, english)
    }

    // MARK: - The form's own fields

    var chooseStatus: String { pick("Hãy chọn tình trạng.", "Choose a status.") }

    var progressRange: String {
        pick("Tiến độ là một số nguyên từ 0 đến 100.", "Progress is a whole number from 0 to 100.")
    }

    func invalidFields(_ count: Int) -> String {
        pick(
            "Có \(count) ô chưa hợp lệ, xem ghi chú bên cạnh ô.",
            "\(count) field(s) are not valid: see the note beside each.")
    }

    /// The intake's refusal of what the form said, every issue on one line.
    func formNotAccepted(_ issues: [ConfigIssue]) -> String {
        pick("Báo cáo chưa được nhận: ", "The report was not accepted: ")
            + issues.map(describe).joined(separator: "; ")
    }

    // MARK: - Uploads

    /// The line above an uploaded report's issues.
    func uploadNotAccepted(_ fileName: String) -> String {
        pick(
            "Báo cáo “\(fileName)” chưa được nhận; hãy sửa rồi tải lên lại:",
            "The report “\(fileName)” was not accepted; correct it and upload it again:")
    }

    /// A file that is some other unit's or report's answer than the link's.
    func otherReport(_ fileName: String, submission: Submission, link: UnitLink, config: Config) -> String {
        if language == .english {
            let theirs = submission.period.map { "for period \($0)" } ?? "for report ‘\(submission.report)’"
            let ours = link.period.map { "its report for period \($0)" } ?? "its report ‘\(link.report.segment)’"
            return "The file “\(fileName)” is unit ‘\(submission.unit)’'s report \(theirs), not this unit's \(ours)."
        }
        return "Tệp “\(fileName)” là báo cáo của đơn vị ‘\(submission.unit)’, "
            + "\(submission.period.map { "kỳ \($0)" } ?? "báo cáo ‘\(submission.report)’"), "
            + "không phải \(link.heading(config).lowercasedFirst) của đơn vị này."
    }

    var chooseFile: String { pick("Hãy chọn tệp báo cáo để tải lên.", "Choose the report file to upload.") }

    var fileTooLarge: String {
        pick(
            "Tệp lớn hơn 10 MB: hãy gửi riêng biểu mẫu đã điền.",
            "The file is larger than 10 MB: upload the filled form on its own.")
    }

    func wrongType(_ fileName: String) -> String {
        pick(
            "Chỉ nhận biểu mẫu Word đã điền (.docx) hoặc báo cáo Markdown (.md); tệp “\(fileName)” không phải loại này.",
            "Only the filled Word form (.docx) or a Markdown report (.md) is taken; “\(fileName)” is neither.")
    }

    func notRealWord(_ fileName: String) -> String {
        pick(
            "Tệp “\(fileName)” không phải tài liệu Word (.docx) thật: hãy lưu lại biểu mẫu bằng Word hoặc LibreOffice rồi tải lên.",
            "“\(fileName)” is not a real Word document (.docx): save the form again in Word or LibreOffice and upload it."
        )
    }

    func notText(_ fileName: String) -> String {
        pick(
            "Tệp “\(fileName)” không phải văn bản (UTF-8): báo cáo Markdown là tệp văn bản.",
            "“\(fileName)” is not text (UTF-8): a Markdown report is a text file.")
    }

    // MARK: - Places

    /// An issue as a clerk reads it: the place in the file (a form's issues carry their row
    /// and column as their key path), then the message.
    func describe(_ issue: ConfigIssue) -> String {
        guard issue.line > 0 else { return issue.path.isEmpty ? issue.message : "\(issue.path): \(issue.message)" }
        let key = issue.path.isEmpty ? "" : " (\(issue.path))"
        let place = pick("dòng \(issue.line), cột \(issue.column)", "line \(issue.line), column \(issue.column)")
        return "\(place)\(key): \(issue.message)"
    }
}
