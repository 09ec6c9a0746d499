import Foundation

/// The reporting periods, one period's page and its consolidated report downloads.
enum PeriodView {
    /// `YYYY-MM` with a month 01…12, nothing else: the only URL part that reaches a file name.
    static func period(_ text: String, kind: ReportPeriodKind) -> ReportPeriod? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({
                $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element)
            })
        else { return nil }
        guard let period = ReportPeriod(parsing: text, kind: kind), (2000...2100).contains(period.year),
            (1...12).contains(period.month)
        else { return nil }
        return period
    }

    static func list(_ view: OfficeView) -> [String: Any] {
        var context = view.base(title: "Các kỳ báo cáo")
        let kind = view.builder.periodKind
        let current = view.reportingPeriod
        var periods: [[String: Any]] = []
        var period = ReportPeriod.containing(view.today, kind: kind)
        for _ in 0..<24 {
            if let year = view.config.organization.planYear, period.year > year {
                period = period.previous
                continue
            }
            periods.append([
                "href": WebFormat.periodHref(period.description), "name": period.vietnameseName,
                "start": WebFormat.date(period.start), "end": WebFormat.date(period.end), "current": period == current,
            ])
            if let year = view.config.organization.planYear, period.year < year { break }
            period = period.previous
        }
        context["periods"] = periods
        return context
    }

    static func page(_ view: OfficeView, period: ReportPeriod, stateDirectory: String) throws -> [String: Any] {
        var context = view.base(title: "Kỳ báo cáo \(period.vietnameseName)")
        context["start"] = WebFormat.date(period.start)
        context["end"] = WebFormat.date(period.end)
        let publisher = ReportPublisher(
            config: view.config, calendar: view.loaded.calendar, stateDirectory: stateDirectory)
        let compileMoment = publisher.compileMoment(for: period)
        context["compileDay"] = compileMoment.map { WebFormat.date(view.clock.localDate(of: $0)) }
        let compiled = compileMoment.map { $0 <= view.now } ?? false
        context["downloadNote"] =
            compiled
            ? "Báo cáo đã được tổng hợp; tệp tải về là bản đã gửi (hoặc bản lập lại theo số liệu tại ngày tổng hợp)."
            : "Chưa đến ngày tổng hợp: tệp tải về là bản xem trước theo số liệu hiện tại."
        context["downloads"] = ReportFormat.allCases.map { format -> [String: Any] in
            [
                "href": "\(WebFormat.periodHref(period.description))/report.\(format.rawValue)",
                "label": label(format), "name": ReportText.fileName(period: period.description, format: format),
            ]
        }
        let report = try view.report(period)
        if let tracking = report.unitReports { context["reports"] = view.reportRows(tracking) }
        return context
    }

    /// The file the daemon wrote for the period when it exists (a regular file, never a
    /// link), else the report compiled now as of the compile moment (or now, before it).
    static func download(_ view: OfficeView, period: ReportPeriod, format: ReportFormat, stateDirectory: String)
        throws -> (name: String, data: Data)
    {
        let name = ReportText.fileName(period: period.description, format: format)
        let path = "\(stateDirectory)/reports/\(period.description)/\(name)"
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
            let data = FileManager.default.contents(atPath: path)
        {
            return (name, data)
        }
        let publisher = ReportPublisher(
            config: view.config, calendar: view.loaded.calendar, stateDirectory: stateDirectory)
        let asOf = min(view.now, publisher.compileMoment(for: period) ?? view.now)
        let compiled =
            if let store = view.store {
                try publisher.compile(period: period, asOf: asOf, data: store, formats: [format])
            } else {
                try publisher.compile(period: period, asOf: asOf, data: EmptyReportData(), formats: [format])
            }
        guard let file = compiled.files.first else { throw WebError("no \(format.rawValue) file was rendered") }
        return (file.name, file.data)
    }

    private static func label(_ format: ReportFormat) -> String {
        switch format {
        case .docx: "Văn bản Word (.docx)"
        case .html: "Trang in (.html)"
        case .md: "Markdown (.md)"
        case .json: "Dữ liệu JSON (.json)"
        }
    }
}
