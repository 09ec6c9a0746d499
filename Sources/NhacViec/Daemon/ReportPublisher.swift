import Foundation

/// Compiles the consolidated report (DESIGN §8), writes every configured format
/// to `<state>/reports/<M>/`, and prepares one email per recipient (`to` + `cc`)
/// with the files attached. Each email is a ledger item
/// (`report:consolidated/<M>/compile/<recipient>/email`), so a crash neither
/// loses the report nor sends it twice.
package struct ReportPublisher {
    package let config: Config
    private let builder: ConsolidatedReportBuilder
    private let composer: MessageComposer
    private let stateDirectory: String
    private let clock: WallClock

    package init(config: Config, calendar: WorkingCalendar, stateDirectory: String) {
        self.config = config
        self.builder = ConsolidatedReportBuilder(config: config, calendar: calendar)
        self.composer = MessageComposer(config: config, calendar: calendar)
        self.stateDirectory = stateDirectory
        self.clock = WallClock(timeZone: config.organization.timeZone)
    }

    package var periodKind: ReportPeriodKind { builder.periodKind }

    /// Periods whose compile moment lies in `(after, upTo]`, oldest first.
    package func periods(compiledAfter after: Date, upTo now: Date) -> [(period: ReportPeriod, at: Date)] {
        guard config.reports.consolidated != nil else { return [] }
        var result: [(ReportPeriod, Date)] = []
        var period = ReportPeriod.containing(clock.localDate(of: after), kind: periodKind).previous
        let last = ReportPeriod.containing(clock.localDate(of: now), kind: periodKind).next
        while period <= last {
            if let at = builder.compileMoment(for: period), at > after, at <= now {
                result.append((period, at))
            }
            period = period.next
        }
        return result
    }

    package func compileMoment(for period: ReportPeriod) -> Date? {
        builder.compileMoment(for: period)
    }

    /// The report as of `asOf`, rendered in `formats` (default: `reports.consolidated.formats`).
    package func compile(
        period: ReportPeriod, asOf: Date, data: some ReportDataSource, formats: [ReportFormat]? = nil
    ) throws -> CompiledReport {
        let report = try builder.build(period: period, asOf: asOf, data: data)
        let formats = formats ?? config.reports.consolidated?.formats ?? [.docx, .html, .md]
        var files: [(format: ReportFormat, name: String, data: Data)] = []
        for format in formats {
            files.append(
                (
                    format, ReportRenderer.fileName(for: report, format: format),
                    try ReportRenderer.render(report, as: format)
                ))
        }
        return CompiledReport(report: report, files: files)
    }

    /// Writes the files to `directory` (default `<state>/reports/<M>/`), atomically; returns their paths.
    @discardableResult
    package func write(_ compiled: CompiledReport, to directory: String? = nil) throws -> [String] {
        let folder = directory ?? "\(stateDirectory)/reports/\(compiled.report.period.name)"
        try PrivateFiles.makeFolder(folder)
        return try compiled.files.map { file in
            let path = (folder as NSString).appendingPathComponent(file.name)
            try PrivateFiles.write(file.data, to: path)
            return path
        }
    }

    /// The report's recipients: `to` then `cc`, without repeats.
    package var recipients: [Recipient] {
        guard let settings = config.reports.consolidated else { return [] }
        var result: [Recipient] = []
        for id in settings.to + settings.cc {
            let recipient: Recipient = config.group(id) != nil ? .group(id) : .unit(id)
            if !result.contains(recipient) { result.append(recipient) }
        }
        return result
    }

    /// One digest per recipient, each with the single `compile` item of the period.
    package func digests(for period: ReportPeriod, at: Date) -> [Digest] {
        let compileDay = clock.localDate(of: at)
        let title =
            "\(config.reports.monthly?.title ?? "Báo cáo kết quả thực hiện công tác cải cách hành chính") \(period.vietnameseName)"
        return recipients.map { recipient in
            let occurrence = DutyOccurrence(
                duty: .consolidatedReport, occurrence: period.description, due: compileDay, nominalDue: compileDay,
                dueText: config.reports.consolidated?.compile.description ?? "", title: title,
                policy: config.policy(Policy.defaultID), recipient: recipient, cc: [],
                responsibleUnit: config.organization.office)
            let step = ScheduledStep(
                occurrence: occurrence, kind: .compile, date: compileDay, at: at, recipient: recipient, cc: [],
                channels: [.email])
            return Digest(
                recipient: recipient, channel: .email, items: [Digest.Item(step: step, key: step.key(for: .email))],
                at: at)
        }
    }

    /// The email carrying the compiled report to one recipient.
    package func email(_ compiled: CompiledReport, digest: Digest) -> EmailMessage? {
        let attachments = compiled.files.map {
            EmailMessage.Attachment(
                filename: $0.name, contentType: ReportRenderer.mediaType($0.format), data: Array($0.data))
        }
        return composer.reportEmail(compiled.report, digest: digest, attachments: attachments)
    }
}

/// A compiled report and its rendered files.
package struct CompiledReport: Sendable {
    package let report: ConsolidatedReport
    package let files: [(format: ReportFormat, name: String, data: Data)]
}
