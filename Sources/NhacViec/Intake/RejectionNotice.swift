import Foundation

/// The text of `<name>.error` beside a rejected file: one Vietnamese line for
/// the unit and the Office, then every issue as `FILE:LINE:COL: error: …`.
enum RejectionNotice {
    static func text(fileName: String, error: SubmissionError, receivedAt: Date, timeZone: TimeZone) -> String {
        let clock = WallClock(timeZone: timeZone)
        let moment = "\(clock.timeOfDay(receivedAt)) ngày \(clock.localDate(of: receivedAt).vietnameseNumeric)"
        let reason =
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
        let shown = DisplayText.elided(DisplayText.escaped(fileName))
        return "Không tiếp nhận tệp “\(shown)” (nhận lúc \(moment)): \(reason).\n\n\(error.description)\n"
    }
}
