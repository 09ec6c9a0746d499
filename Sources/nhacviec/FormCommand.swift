import ArgumentParser
import Foundation
import NhacViec

struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write a unit's report form (.docx), pre-filled with its tasks and their known status."
    )

    @OptionGroup var config: ConfigOption
    @OptionGroup var state: StateOption
    @OptionGroup var clock: ClockOption
    @Option(help: "The unit id.") var unit: String
    @Option(help: "The monthly report's period, YYYY-MM.") var period: String?
    @Option(help: "A request id (reports.requests[].id) instead of --period.") var request: String?
    @Option(help: "The file to write (default: <unit>-<period>.docx or <unit>-<request>.docx here).") var out: String?

    func validate() throws {
        guard (period == nil) != (request == nil) else {
            throw ValidationError("give exactly one of --period and --request")
        }
    }

    func run() throws {
        let loaded = try config.load()
        let now = try clock.resolve(WallClock(timeZone: loaded.organization.timeZone))
        let kind: ReportForm.Kind = period.map { .monthly(period: $0) } ?? .request(id: request ?? "")
        let writer = ReportFormWriter(config: loaded)
        do {
            let store = try StateStore.openExisting(directory: state.resolvedPath)
            let form = try writer.write(unit: unit, kind: kind, data: store ?? EmptyReportData(), now: now)
            let path = out ?? form.fileName
            try form.data.write(to: URL(fileURLWithPath: path), options: .atomic)
            print(path)
        } catch let error as ReportFormError {
            printError("nhacviec: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        } catch let error as StoreError {
            printError("nhacviec: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        } catch {
            printError("nhacviec: cannot write the form: \(error)")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
    }
}
