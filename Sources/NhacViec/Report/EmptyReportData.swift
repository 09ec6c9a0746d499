import Foundation

/// The data of a state dir that doesn't exist yet: no statuses, no reports, nothing sent.
package struct EmptyReportData: ReportDataSource {
    package init() {}
    package func taskStatuses(asOf: Date) throws -> [String: RecordedTaskStatus] { [:] }
    package func receivedSubmissions(report: String, occurrence: String) throws -> [Submission] { [] }
    package func deliveryCounts(from: Date, to: Date) throws -> DeliveryCounts {
        DeliveryCounts(reminders: 0, escalations: 0)
    }
}
