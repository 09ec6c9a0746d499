import Foundation

/// The consolidated monthly report (DESIGN §8) as data: what every format renders.
///
/// Built by `ConsolidatedReportBuilder` as of one compile moment; holds finished
/// Vietnamese text (names, subject, status words) so the renderers only lay it out.
/// Encodes to the `json` format and decodes back to an equal value. Every key of
/// that format is snake_case, like every other JSON nhacviec writes (`status`,
/// `plan`, webhooks): the `CodingKeys` below spell them out, so renaming a Swift
/// property cannot silently change the published shape.
package struct ConsolidatedReport: Codable, Hashable, Sendable {
    package var organization: Organization
    package var period: Period
    /// The compile moment (`asOf`), whole seconds.
    package var compiledAt: Date
    /// The local day of `compiledAt`: the date written on the document.
    package var compileDate: LocalDate
    /// The organisation's zone (`organization.timezone`, e.g. `Asia/Ho_Chi_Minh`): every
    /// instant in the `json` format is written with this zone's offset.
    package var timeZone: String
    /// The trích yếu: "Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024".
    package var subject: String
    /// *Kính gửi*: names, in config order.
    package var recipients: [String]
    /// *Nơi nhận*: "Như trên", the cc names, and last "Lưu: VT, <office>"; renderers add
    /// the leading dash and the closing punctuation.
    package var distribution: [String]
    package var signer: Signer
    /// Section I.
    package var tasks: TaskResults
    /// Section II: the monthly reports of the period; nil without `reports.monthly`.
    package var unitReports: ReportTracking?
    /// Section II: requests (*báo cáo đột xuất*) due within the period.
    package var requests: [ReportTracking]
    /// Section III, from the submissions, attributed to units.
    package var difficulties: [UnitNote]
    /// Section III: the difficulty records (DESIGN §14) open or forwarded at the compile moment, oldest first.
    package var openDifficulties: [DifficultyLine] = []
    /// Section III: those resolved within the period (up to the compile moment), with the direction given.
    package var resolvedDifficulties: [DifficultyLine] = []
    /// Section IV: task occurrences due in the next period.
    package var nextPeriodTasks: [TaskLine]
    /// Section V, from the submissions, attributed to units.
    package var proposals: [UnitNote]
    /// Reminders and escalations sent within the period.
    package var deliveries: DeliveryCounts
    /// The appendix table, grouped by area in `Area.allCases` order.
    package var appendix: [AppendixRow]

    enum CodingKeys: String, CodingKey {
        case organization, period
        case compiledAt = "compiled_at"
        case compileDate = "compile_date"
        case timeZone = "time_zone"
        case subject, recipients, distribution, signer, tasks
        case unitReports = "unit_reports"
        case requests, difficulties
        case openDifficulties = "open_difficulties"
        case resolvedDifficulties = "resolved_difficulties"
        case nextPeriodTasks = "next_period_tasks"
        case proposals, deliveries, appendix
    }

    /// The issuing agency as the document header shows it.
    package struct Organization: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case name
            case parent
            case abbreviation
            case place
        }

        package var name: String
        /// *Cơ quan chủ quản*, shown above the name.
        package var parent: String?
        /// The document symbol's agency part: `Số: /BC-<abbreviation>`.
        package var abbreviation: String?
        /// *Địa danh* before the date.
        package var place: String?
    }

    /// Reporting period M.
    package struct Period: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case year
            case month
            case start
            case end
            case nextStart = "next_start"
            case nextEnd = "next_end"
        }

        package var year: Int
        package var month: Int
        package var start: LocalDate
        package var end: LocalDate
        /// The next period's bounds, for section IV.
        package var nextStart: LocalDate
        package var nextEnd: LocalDate

        /// `YYYY-MM`.
        package var name: String { "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") }
    }

    /// The signature block; any part may be missing from the config.
    package struct Signer: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case authority
            case title
            case name
        }

        /// "KT. TRƯỞNG BAN".
        package var authority: String?
        /// "PHÓ TRƯỞNG BAN".
        package var title: String?
        package var name: String?
    }

    /// A unit or group, by id and display name.
    package struct UnitRef: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case id
            case name
        }

        package var id: String
        package var name: String
    }

    /// How many tasks are in each status.
    package struct TaskCounts: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case total
            case done
            case inProgress = "in_progress"
            case notStarted = "not_started"
            case overdue
            case ongoing
            case blocked
        }

        package var total = 0
        package var done = 0
        package var inProgress = 0
        package var notStarted = 0
        package var overdue = 0
        package var ongoing = 0
        package var blocked = 0

        package init() {}

        package mutating func add(_ status: ReportTaskStatus) {
            total += 1
            switch status {
            case .done: done += 1
            case .inProgress: inProgress += 1
            case .notStarted: notStarted += 1
            case .overdue: overdue += 1
            case .ongoing: ongoing += 1
            case .blocked: blocked += 1
            }
        }

        package mutating func add(_ other: TaskCounts) {
            total += other.total
            done += other.done
            inProgress += other.inProgress
            notStarted += other.notStarted
            overdue += other.overdue
            ongoing += other.ongoing
            blocked += other.blocked
        }
    }

    /// One plan task as the report sees it at the compile moment.
    package struct TaskLine: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case id
            case area
            case title
            case lead
            case support
            case dueDate = "due_date"
            case dueText = "due_text"
            case status
            case progress
            case note
            case completedOn = "completed_on"
            case daysOverdue = "days_overdue"
        }

        package var id: String
        package var area: Area
        package var title: String
        package var lead: UnitRef
        package var support: [UnitRef]
        /// The due date after moving off a day off; nil for ongoing and on-demand tasks
        /// (and a recurring task with no occurrence near the period).
        package var dueDate: LocalDate?
        /// The deadline as the plan wrote it.
        package var dueText: String
        package var status: ReportTaskStatus
        /// 0–100, as last reported.
        package var progress: Int?
        /// The note last reported with the status.
        package var note: String?
        /// The local day the task was marked done, when it is done.
        package var completedOn: LocalDate?
        /// Calendar days from the due date to the compile day, when overdue.
        package var daysOverdue: Int?
    }

    /// Section I: results by area.
    package struct TaskResults: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case areas
            case totals
            case completedInPeriod = "completed_in_period"
        }

        /// Every area of `Area.allCases` that has tasks, in that order.
        package var areas: [AreaResult]
        package var totals: TaskCounts
        /// Tasks marked done within the period (by local day), in plan order.
        package var completedInPeriod: [TaskLine]
    }

    package struct AreaResult: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case area
            case name
            case tasks
            case counts
        }

        package var area: Area
        /// `Area.vietnameseName`.
        package var name: String
        package var tasks: [TaskLine]
        package var counts: TaskCounts
    }

    /// Whether a unit's report came in, and when.
    package enum ReportState: String, Codable, Hashable, Sendable {
        case onTime = "on_time"
        case late
        case missing
    }

    package struct UnitReport: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case unit
            case state
            case receivedAt = "received_at"
            case receivedOn = "received_on"
            case daysLate = "days_late"
        }

        package var unit: UnitRef
        package var state: ReportState
        /// First receipt (a resubmission does not make an on-time report late).
        package var receivedAt: Date?
        package var receivedOn: LocalDate?
        /// Calendar days after the due date, when late.
        package var daysLate: Int?

        /// "Đúng hạn", "Chậm N ngày", "Chưa gửi".
        package var vietnameseStatus: String {
            switch state {
            case .onTime: "Đúng hạn"
            case .late: "Chậm \(daysLate ?? 0) ngày"
            case .missing: "Chưa gửi"
            }
        }
    }

    /// One report duty (the monthly report, or a request) and each unit's answer.
    package struct ReportTracking: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case id
            case title
            case dueDate = "due_date"
            case units
        }

        /// `monthly` or the request id.
        package var id: String
        package var title: String
        /// The due date after moving off a day off.
        package var dueDate: LocalDate
        package var units: [UnitReport]

        package var onTimeCount: Int { units.count(where: { $0.state == .onTime }) }
        package var lateCount: Int { units.count(where: { $0.state == .late }) }
        package var missingCount: Int { units.count(where: { $0.state == .missing }) }
    }

    /// A difficulty or proposal, with the unit that raised it.
    /// A tracked difficulty (DESIGN §14) as it stood at the compile moment.
    package struct DifficultyLine: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case id
            case unit
            case unitInConfig = "unit_in_config"
            case text
            case task
            case taskTitle = "task_title"
            case status
            case raisedOn = "raised_on"
            case ageDays = "age_days"
            case resolvedOn = "resolved_on"
            case direction
        }

        /// `VM-<year>-<n>`.
        package var id: String
        /// The raising unit (its id as name when it is no longer in the config).
        package var unit: UnitRef
        /// False for a unit removed from the config since.
        package var unitInConfig: Bool
        package var text: String
        /// The related task id and its title, when given.
        package var task: String?
        package var taskTitle: String?
        /// `open`, `forwarded` or `resolved`.
        package var status: String
        /// The local day the current cycle was raised.
        package var raisedOn: LocalDate
        /// Calendar days open at the compile moment (open ones), or until resolved.
        package var ageDays: Int
        package var resolvedOn: LocalDate?
        /// The resolve note: the steering committee's direction.
        package var direction: String?
    }

    package struct UnitNote: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case unit
            case report
            case text
        }

        package var unit: UnitRef
        /// `monthly` or the request id whose submission carried it.
        package var report: String
        package var text: String
    }

    /// One row of the appendix table.
    package struct AppendixRow: Codable, Hashable, Sendable {
        enum CodingKeys: String, CodingKey {
            case number
            case taskID = "task_id"
            case area
            case title
            case lead
            case support
            case dueDate = "due_date"
            case dueText = "due_text"
            case status
            case note
        }

        /// STT, 1… through the whole table.
        package var number: Int
        package var taskID: String
        package var area: Area
        package var title: String
        package var lead: String
        package var support: [String]
        package var dueDate: LocalDate?
        package var dueText: String
        package var status: ReportTaskStatus
        /// Ghi chú: progress, the unit's note, completion day or days overdue.
        package var note: String
    }
}
