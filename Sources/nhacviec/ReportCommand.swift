import ArgumentParser
import Foundation
import Logging
import NhacViec

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compile the consolidated report for a period (and send it with --send)."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Option(help: "The period, YYYY-MM (for decree_09, 2024-03 runs from 15/02 to 14/03).") var period: String
    @Option(help: "docx, html, md or json (default: every format in reports.consolidated.formats).")
    var format: ReportFormat?
    @Option(help: "A file (with --format) or a folder (default: <state>/reports/<YYYY-MM>/).") var out: String?
    @Flag(help: "Also email it to reports.consolidated.to and cc (once: the same record as the daemon's send).")
    var send = false

    func run() throws {
        let loaded = try config.load()
        guard loaded.reports.consolidated != nil else {
            printError("\(loaded.path): error: reports.consolidated: no consolidated report is configured")
            throw ExitCode(ExitStatus.configError.rawValue)
        }
        let calendar = WorkingCalendar(rules: loaded.calendar.rules)
        let publisher = ReportPublisher(config: loaded, calendar: calendar, stateDirectory: state.resolvedPath)
        guard let reportPeriod = ReportPeriod(parsing: period, kind: publisher.periodKind) else {
            throw ValidationError("--period '\(period)' is not a month (YYYY-MM)")
        }
        let wall = WallClock(timeZone: loaded.organization.timeZone)
        // As of --now, else as of the compile moment if it has passed, else now (a preview).
        let asOf: Date
        if clock.now != nil {
            asOf = try clock.resolve(wall)
        } else {
            asOf = min(Date(), publisher.compileMoment(for: reportPeriod) ?? Date())
        }
        if send {
            try sendReport(loaded, reportPeriod, now: asOf)
            return
        }
        do {
            let store = try StateStore.openExisting(directory: state.resolvedPath)
            let formats = format.map { [$0] }
            let compiled =
                try store.map { try publisher.compile(period: reportPeriod, asOf: asOf, data: $0, formats: formats) }
                ?? publisher.compile(period: reportPeriod, asOf: asOf, data: EmptyReportData(), formats: formats)
            let paths: [String]
            if let out, let only = compiled.files.first, compiled.files.count == 1, !isDirectory(out) {
                try only.data.write(to: URL(fileURLWithPath: out), options: .atomic)
                paths = [out]
            } else {
                paths = try publisher.write(compiled, to: out)
            }
            for path in paths { print(path) }
        } catch let error as StoreError {
            printError("nhacviec: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        } catch {
            printError("nhacviec: cannot write the report: \(error)")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
    }

    private func sendReport(_ loaded: Config, _ reportPeriod: ReportPeriod, now: Date) throws {
        let environment = ProcessInfo.processInfo.environment
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, environment: environment) }
        let store = try state.open()
        do {
            let delivery = try DeliveryService(
                config: loaded, stateDirectory: state.resolvedPath, mode: .live, environment: environment)
            let engine = try ReminderEngine(
                config: loaded, store: store, delivery: delivery, logger: Logger(label: "nhacviec"),
                reportsDirectory: state.resolvedPath)
            let summary = try engine.sendReport(period: reportPeriod, now: now)
            print(
                "\(reportPeriod): sent \(summary.sent), failed \(summary.failed) (will be retried by the daemon), dead \(summary.dead)"
            )
        } catch let error as ConfigError {
            printError(error.description)
            throw ExitCode(ExitStatus.configError.rawValue)
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return path.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue)
    }
}

extension ReportFormat: ExpressibleByArgument {}
