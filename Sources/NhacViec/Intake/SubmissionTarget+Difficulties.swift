import Foundation

extension SubmissionTarget {
    /// What a `report: difficulty` answers: no report is owed, so the target is the
    /// first difficulty it raised, "due" the day it arrived (never late).
    static func difficulties(raised: [DifficultyRaise], submission: Submission, config: Config) -> SubmissionTarget {
        let zone = config.organization.timeZone
        let day = WallClock(timeZone: zone).localDate(of: submission.receivedAt)
        let unitName = config.unit(submission.unit)?.name ?? submission.unit
        let occurrence = DutyOccurrence(
            duty: .difficulty(id: raised.first?.id ?? ""), occurrence: day.description, due: day, nominalDue: day,
            dueText: day.vietnameseNumeric, title: "Vướng mắc của \(unitName)", policy: .builtInDefault,
            recipient: .unit(config.organization.office), cc: [], responsibleUnit: submission.unit)
        return SubmissionTarget(dutyOccurrence: occurrence, timeZone: zone)
    }
}
