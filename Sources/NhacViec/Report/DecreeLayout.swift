/// The parts of a Decree 30/2020 (Phụ lục I) administrative document that every
/// document nhacviec writes shares, as `WordML` fragments: the two-column header, the
/// title with its subject, the signature block.
enum DecreeLayout {
    /// What the header shows.
    struct Header {
        /// *Cơ quan chủ quản*, above the issuer.
        var parent: String?
        /// The issuing agency or unit.
        var issuer: String
        /// "Số:      /BC-BQL".
        var numberLine: String
        /// "Hải Phòng, ngày … tháng … năm …".
        var placeAndDate: String
    }

    /// Two rows: agency | Quốc hiệu and Tiêu ngữ, then Số | place and date, so the number
    /// and the date stand on one line whatever wraps above them.
    static func header(_ header: Header) -> String {
        let left = 4000
        let right = ReportOutline.textWidth - left
        let center = WordML.Paragraph(alignment: "center")
        var agency: [String] = []
        if let parent = header.parent {
            agency.append(WordML.paragraph([WordML.Run(ReportText.upper(parent), size: 26)], center))
        }
        agency.append(WordML.paragraph([WordML.Run(ReportText.upper(header.issuer), bold: true, size: 26)], center))
        agency.append(rule(width: 1300, cellWidth: left))
        let national = [
            WordML.paragraph([WordML.Run(ReportText.nationalTitle, bold: true, size: 24)], center),
            WordML.paragraph([WordML.Run(ReportText.motto, bold: true, size: 26)], center),
            rule(width: 3250, cellWidth: right),
        ]
        let number = WordML.paragraph(
            [WordML.Run(header.numberLine, size: 26)], .init(before: 120, alignment: "center"))
        let date = WordML.paragraph(
            [WordML.Run(header.placeAndDate, italic: true, size: 26)], .init(before: 120, alignment: "center"))
        return WordML.table(
            widths: [left, right], borders: false,
            rows: [
                WordML.row([WordML.cell(width: left, agency), WordML.cell(width: right, national)]),
                WordML.row([WordML.cell(width: left, [number]), WordML.cell(width: right, [date])]),
            ], cellMargin: 0)
    }

    /// `BÁO CÁO`, the subject (trích yếu) under it and the short rule below.
    static func title(subject: String) -> String {
        WordML.paragraph(
            [WordML.Run(ReportText.documentType, bold: true)], .init(keepNext: true, before: 360, alignment: "center"))
            + WordML.paragraph([WordML.Run(subject, bold: true)], .init(keepNext: true, alignment: "center"))
            + rule(width: 2400, before: 0)
    }

    /// A centred rule `width` twips long: an empty, 6 pt high paragraph with a bottom border,
    /// indented so the border spans only `width` of `cellWidth`.
    static func rule(width: Int, cellWidth: Int = ReportOutline.textWidth, before: Int = 0) -> String {
        let indent = max((cellWidth - width) / 2, 0)
        return WordML.paragraph(
            [],
            .init(
                bottomBorder: true, before: before, exactLine: 120, left: indent, right: indent, alignment: "center",
                markSize: 4))
    }

    /// *Nơi nhận* on the left, the signer on the right, side by side (the label stands on
    /// the line of the signer's authority). `signer` holds the authority and title lines
    /// (bold, upper case as given); `name` goes under room for the signature and seal.
    static func signature(distribution: [String], signer lines: [String], name: String?) -> String {
        let left = 4300
        let right = ReportOutline.textWidth - left
        var distributionCell = [
            WordML.paragraph(
                [WordML.Run(ReportText.distributionLabel, bold: true, italic: true, size: 24)], .init(before: 0))
        ]
        for line in ReportText.dashedList(distribution) {
            distributionCell.append(WordML.paragraph([WordML.Run(line, size: 22)]))
        }
        let center = WordML.Paragraph(alignment: "center")
        var signer: [String] = []
        for line in lines {
            signer.append(WordML.paragraph([WordML.Run(line, bold: true)], center))
        }
        // Room for the signature and the seal (about 25 mm).
        for _ in 0..<4 { signer.append(WordML.paragraph([], center)) }
        if let name {
            signer.append(WordML.paragraph([WordML.Run(name, bold: true)], center))
        }
        return WordML.paragraph([], .init(before: 120))
            + WordML.table(
                widths: [left, right], borders: false,
                rows: [WordML.row([WordML.cell(width: left, distributionCell), WordML.cell(width: right, signer)])],
                cellMargin: 0)
    }
}
