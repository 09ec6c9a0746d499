import Foundation

/// Makes units' report forms (DESIGN §13): `nhacviec form` and the reminders that carry one.
package struct ReportFormWriter: Sendable {
    package let config: Config

    package init(config: Config) {
        self.config = config
    }

    /// The form's file name and bytes, pre-filled with the statuses `data` knows at `now`.
    package func write(unit: String, kind: ReportForm.Kind, data: any ReportDataSource, now: Date) throws
        -> (fileName: String, data: Data)
    {
        let form = try ReportForm.make(
            config: config, unit: unit, kind: kind, statuses: data.taskStatuses(asOf: now), now: now)
        return (form.fileName, try DOCXFormRenderer.render(form))
    }
}
