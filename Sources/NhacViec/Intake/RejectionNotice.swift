import Foundation

/// The text of `<name>.error` beside a rejected file: one line for the unit and the
/// Office in the organization's language, then every issue as `FILE:LINE:COL: error: …`.
enum RejectionNotice {
    static func text(
        fileName: String, error: SubmissionError, receivedAt: Date, timeZone: TimeZone, language: MessageLanguage
    ) -> String {
        let clock = WallClock(timeZone: timeZone)
        let day = clock.localDate(of: receivedAt).vietnameseNumeric
        let shown = DisplayText.elided(DisplayText.escaped(fileName))
        if language == .english {
            let moment = "\(clock.timeOfDay(receivedAt)) on \(day)"
            return
                "The file “\(shown)” was not accepted (received at \(moment)): \(englishReason(error, fileName)).\n\n"
                + "\(error.description)\n"
        }
        let moment = "\(clock.timeOfDay(receivedAt)) ngày \(day)"
        return "Không tiếp nhận tệp “\(shown)” (nhận lúc \(moment)): \(vietnameseReason(error, fileName)).\n\n"
            + "\(error.description)\n"
    }

    private static func vietnameseReason(_ error: SubmissionError, _ fileName: String) -> String {
        switch error.code {
        case .unsupportedType:
            "chỉ nhận báo cáo dạng Markdown (.md, .markdown) có phần đầu YAML, tệp YAML (.yaml, .yml) "
                + "hoặc mẫu báo cáo Word đã điền (.docx); đề nghị gửi lại đúng định dạng"
        case .tooLarge:
            "tệp quá lớn so với một báo cáo (tài liệu kèm theo đề nghị gửi riêng); đề nghị gửi lại báo cáo"
        case .notUTF8:
            "tệp không phải văn bản UTF-8; đề nghị lưu lại tệp với bảng mã UTF-8 (Unicode) rồi gửi lại"
        case .syntax where SubmissionFormat(fileName: fileName) == .docx:
            "không đọc được mẫu báo cáo Word; đề nghị xem lỗi dưới đây rồi gửi lại"
        case .syntax:
            "phần thông tin đầu báo cáo (YAML) viết sai cú pháp; đề nghị sửa theo lỗi dưới đây rồi gửi lại"
        case .invalid:
            "báo cáo có \(error.issues.count) lỗi; đề nghị sửa theo các lỗi dưới đây rồi gửi lại"
        case .unreadable:
            "không đọc được tệp; đề nghị gửi lại"
        }
    }

    private static func englishReason(_ error: SubmissionError, _ fileName: String) -> String {
        switch error.code {
        case .unsupportedType:
            "only Markdown reports with YAML front matter (.md, .markdown), YAML files (.yaml, .yml) "
                + "and filled Word report forms (.docx) are accepted; please send it again in one of these formats"
        case .tooLarge:
            "the file is too large for a report (please send attachments separately); please send the report again"
        case .notUTF8:
            "the file is not UTF-8 text; please save it as UTF-8 (Unicode) and send it again"
        case .syntax where SubmissionFormat(fileName: fileName) == .docx:
            "the Word report form cannot be read; please see the error below and send it again"
        case .syntax:
            "the report's front matter (YAML) has a syntax error; please correct it as shown below and send it again"
        case .invalid:
            "the report has \(error.issues.count) error(s); please correct them as shown below and send it again"
        case .unreadable:
            "the file cannot be read; please send it again"
        }
    }
}
