/// The words a unit's report form (DESIGN §13) is written in and read back by: the
/// identification line, custom property names, column titles, section headings and
/// status words. The writer (`DOCXFormRenderer`) and the reader (`WordFormReader`)
/// both take them from here, so what is written is what is recognised.
package enum ReportFormText {
    /// `Mã báo cáo:` starts the line that identifies the form.
    static let codeLabel = "Mã báo cáo:"
    /// Custom document properties: the same identity where a clerk does not see it.
    static let unitProperty = "nhacviec.unit"
    static let reportProperty = "nhacviec.report"
    static let periodProperty = "nhacviec.period"

    static let tableName = "bảng nhiệm vụ"
    static let columns = [
        "STT", "Mã", "Nhiệm vụ", "Vai trò (chủ trì/phối hợp)", "Thời hạn", "Tình trạng", "Tiến độ (%)",
        "Kết quả, ghi chú",
    ]
    static let idColumn = "Mã"
    static let statusColumn = "Tình trạng"
    static let progressColumn = "Tiến độ (%)"
    static let noteColumn = "Kết quả, ghi chú"
    static let leadRole = "chủ trì"
    static let supportRole = "phối hợp"

    static let highlightsHeading = "1. Kết quả nổi bật"
    static let difficultiesHeading = "2. Khó khăn, vướng mắc"
    static let proposalsHeading = "3. Đề xuất, kiến nghị"
    /// The greyed hints written under each heading; the reader drops them wherever they remain.
    static let placeholders = [
        "(Nêu các kết quả nổi bật trong kỳ.)",
        "(Mỗi khó khăn, vướng mắc ghi một đoạn.)",
        "(Mỗi đề xuất, kiến nghị ghi một đoạn.)",
    ]

    /// The status words in the order the form lists them.
    static let statuses: [TaskStatus] = [.notStarted, .inProgress, .done, .blocked]

    /// "Chưa thực hiện, Đang thực hiện, Đã hoàn thành, Vướng mắc".
    static var statusList: String { statuses.map(\.vietnameseName).joined(separator: ", ") }

    static var statusNote: String { "Cột Tình trạng ghi một trong các cụm từ: \(statusList)." }

    /// `U / monthly / M` or `U / <request-id>`.
    static func code(unit: String, report: String, period: String?) -> String {
        ([unit, report] + (period.map { [$0] } ?? [])).joined(separator: " / ")
    }

    /// The status a cell names, compared without diacritics, case or extra spaces
    /// ("da hoan thanh", "ĐÃ HOÀN THÀNH"), or nil.
    static func status(_ text: String) -> TaskStatus? {
        let folded = fold(text)
        return statuses.first { fold($0.vietnameseName) == folded }
    }

    /// Folds text for comparing labels: no diacritics, lower case, single spaces.
    static func fold(_ text: String) -> String {
        VietnameseText.folded(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The content-control tag of a task cell.
    static func tag(task: String, field: String) -> String { "nhacviec:task:\(task):\(field)" }
}
