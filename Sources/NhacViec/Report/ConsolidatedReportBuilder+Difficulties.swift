import Foundation

extension ConsolidatedReportBuilder {
    /// Section III's tracked difficulties (DESIGN §14), each as it stood at `compiledAt`:
    /// those open or forwarded then (oldest first), and those resolved within
    /// `resolvedIn` with the direction given. A later change never rewrites an old report.
    func difficultyLines(
        _ records: [Difficulty], clock: WallClock, compiledAt: Date, resolvedIn window: Range<Date>
    ) -> (open: [ConsolidatedReport.DifficultyLine], resolved: [ConsolidatedReport.DifficultyLine]) {
        var open: [(Date, ConsolidatedReport.DifficultyLine)] = []
        var resolved: [(Date, ConsolidatedReport.DifficultyLine)] = []
        for record in records {
            if let status = record.status(at: compiledAt), status.isActive,
                let openedAt = record.openedAt(asOf: compiledAt)
            {
                open.append(
                    (
                        openedAt,
                        line(
                            record, status: status, openedAt: openedAt, clock: clock,
                            age: record.ageInDays(at: compiledAt, clock: clock), resolution: nil)
                    ))
            }
            let past = record.history.filter { $0.at <= compiledAt }
            if let resolution = past.last(where: { $0.status == .resolved && window.contains($0.at) }) {
                let openedAt = past.last { $0.status == .open && $0.at <= resolution.at }?.at ?? record.raisedAt
                let age = max(0, clock.localDate(of: openedAt).days(until: clock.localDate(of: resolution.at)))
                resolved.append(
                    (
                        resolution.at,
                        line(
                            record, status: .resolved, openedAt: openedAt, clock: clock, age: age,
                            resolution: resolution)
                    ))
            }
        }
        return (
            open.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.id < $1.1.id }.map(\.1),
            resolved.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.id < $1.1.id }.map(\.1)
        )
    }

    private func line(
        _ record: Difficulty, status: DifficultyStatus, openedAt: Date, clock: WallClock, age: Int,
        resolution: Difficulty.Event?
    ) -> ConsolidatedReport.DifficultyLine {
        let unit = config.unit(record.unit)
        let task = record.task.flatMap { id in config.tasks.first { $0.id == id } }
        return ConsolidatedReport.DifficultyLine(
            id: record.id,
            unit: .init(id: record.unit, name: (unit?.name ?? record.unit).precomposedStringWithCanonicalMapping),
            unitInConfig: unit != nil, text: record.text.precomposedStringWithCanonicalMapping, task: record.task,
            taskTitle: task?.title.precomposedStringWithCanonicalMapping, status: status.rawValue,
            raisedOn: clock.localDate(of: openedAt), ageDays: age,
            resolvedOn: resolution.map { clock.localDate(of: $0.at) },
            direction: resolution?.note?.precomposedStringWithCanonicalMapping)
    }
}
