/// The fixed phrases of a Decree 30/2020 report header and their date forms.
enum ReportText {
    static let nationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    static let motto = "Độc lập - Tự do - Hạnh phúc"
    static let documentType = "BÁO CÁO"
    static let recipientsLabel = "Kính gửi:"
    static let distributionLabel = "Nơi nhận:"
    static let appendixLabel = "Phụ lục"
    static let appendixTitle = "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"

    /// "ngày 05 tháng 01 năm 2024": Decree 30/2020 Phụ lục I pads days below 10 and
    /// months 1 and 2 with a zero, and no other month.
    static func longDate(_ date: LocalDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 3 ? "0\(date.month)" : "\(date.month)"
        return "ngày \(day) tháng \(month) năm \(date.year)"
    }

    /// "Hải Phòng, ngày 18 tháng 4 năm 2024" (capitalised "Ngày …" without a place).
    static func placeAndDate(_ report: ConsolidatedReport) -> String {
        let date = longDate(report.compileDate)
        guard let place = report.organization.place, !place.isEmpty else {
            return date.prefix(1).uppercased() + date.dropFirst()
        }
        return "\(place), \(date)"
    }

    /// "/BC-BQL": the symbol after the blank document number.
    static func symbol(_ report: ConsolidatedReport) -> String {
        if let abbreviation = report.organization.abbreviation, !abbreviation.isEmpty {
            return "/BC-\(abbreviation.uppercased())"
        }
        return "/BC"
    }

    /// "Số:      /BC-BQL" with `gap` between the label and the symbol: the number is
    /// left blank for the clerk who registers the document.
    static func numberLine(_ report: ConsolidatedReport, gap: String = "      ") -> String {
        "Số:\(gap)\(symbol(report))"
    }

    /// A report title as a trích yếu: without its leading "Báo cáo" (the document type
    /// above it says it already), first letter capitalised.
    static func subjectTitle(_ title: String) -> String {
        let words = title.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > 2, VietnameseText.folded(words[0] + " " + words[1]) == "bao cao" else { return title }
        let rest = words.dropFirst(2).joined(separator: " ")
        return rest.prefix(1).uppercased() + rest.dropFirst()
    }

    /// Upper-case as the header prints agency names.
    static func upper(_ text: String) -> String {
        text.uppercased()
    }

    /// The list lines of Kính gửi / Nơi nhận: "- A;" … "- Z.".
    static func dashedList(_ names: [String]) -> [String] {
        names.enumerated().map { index, name in
            "- \(name)\(index == names.count - 1 ? "." : ";")"
        }
    }

    /// "(Kèm theo Báo cáo số      /BC-BQL ngày 18/04/2024 của Ban Quản lý Khu kinh tế Hải Phòng)".
    static func appendixNote(_ report: ConsolidatedReport, gap: String = "      ") -> String {
        "(Kèm theo Báo cáo số\(gap)\(symbol(report)) ngày \(report.compileDate.vietnameseNumeric) "
            + "của \(report.organization.name))"
    }

    /// "tháng 3/2024 (từ ngày 15/02/2024 đến ngày 14/03/2024)".
    static func periodPhrase(month: Int, year: Int, start: LocalDate, end: LocalDate) -> String {
        "tháng \(month)/\(year) (từ ngày \(start.vietnameseNumeric) đến ngày \(end.vietnameseNumeric))"
    }

    /// Roman numerals for section and group labels (1…39 is plenty).
    static func roman(_ number: Int) -> String {
        let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = number
        var result = ""
        for (value, letters) in table {
            while rest >= value {
                result += letters
                rest -= value
            }
        }
        return result
    }

    /// The file name of a period's report: `bao-cao-cchc-2024-03.docx`.
    static func fileName(period: String, format: ReportFormat) -> String {
        "bao-cao-cchc-\(period).\(format.rawValue)"
    }
}
