/// `reports:`, the reporting duties and the consolidated report.
package struct ReportsConfig: Sendable {
    package var monthly: MonthlyReportDuty?
    package var requests: [ReportRequest]
    package var consolidated: ConsolidatedReportSettings?
}

/// `reports.monthly`: every unit's monthly progress report to the Office.
package struct MonthlyReportDuty: Sendable {
    package var title: String
    /// Resolved unit ids (`all` = every unit but the office).
    package var from: [String]
    package var period: ReportPeriodKind
    package var due: ReportDueRule
    package var policy: String
    /// Whether the period's first reminder to a unit carries its report form (DESIGN §13).
    package var form: ReportFormAttachment = .docx
}

/// `reports.monthly.form`, `reports.requests[].form`.
package enum ReportFormAttachment: String, Sendable {
    /// The unit's pre-filled Word form.
    case docx
    /// No form: reminders carry no attachment.
    case none
}

/// `reports.requests[]`: an on-demand report (*báo cáo đột xuất*).
package struct ReportRequest: Sendable {
    package var id: String
    package var title: String
    package var from: [String]
    package var due: DeadlineExpression
    package var policy: String
    /// Whether the first reminder to a unit carries the request's form (DESIGN §13):
    /// `form:` on the request, else what `reports.monthly.form` says (docx without it).
    package var form: ReportFormAttachment = .docx
}

/// `reports.consolidated`: the Office's report to the steering committee.
package struct ConsolidatedReportSettings: Sendable {
    package var compile: ReportDueRule
    /// Unit or group ids (*Kính gửi*).
    package var to: [String]
    /// Unit or group ids that also receive it (*Nơi nhận*).
    package var cc: [String]
    package var formats: [ReportFormat]
    package var signer: Signer?
}

package struct Signer: Sendable {
    package var authority: String?
    package var title: String?
    package var name: String?
}

package enum ReportFormat: String, Sendable, CaseIterable {
    case docx, html, md, json
}

/// How a month's reporting period is cut (DESIGN §4).
package enum ReportPeriodKind: String, Sendable {
    /// Decree 09/2019 art. 12: the 15th of M−1 to the 14th of M.
    case decree09 = "decree_09"
    case calendarMonth = "calendar_month"
}

/// `due:` / `compile:` of a report: counted from the day after the period ends.
package enum ReportDueRule: Hashable, Sendable, CustomStringConvertible {
    case day(Int)
    case workingDay(Int)
    case lastWorkingDay

    /// `day N`, `working day N` or `last working day`.
    package init?(parsing text: String) {
        let words = text.split(separator: " ").map { $0.lowercased() }
        switch words.count {
        case 2 where words[0] == "day":
            guard let n = Int(words[1]), (1...31).contains(n) else { return nil }
            self = .day(n)
        case 3 where words[0] == "working" && words[1] == "day":
            guard let n = Int(words[2]), (1...23).contains(n) else { return nil }
            self = .workingDay(n)
        case 3 where words == ["last", "working", "day"]:
            self = .lastWorkingDay
        default:
            return nil
        }
    }

    package var description: String {
        switch self {
        case .day(let n): "day \(n)"
        case .workingDay(let n): "working day \(n)"
        case .lastWorkingDay: "last working day"
        }
    }
}
