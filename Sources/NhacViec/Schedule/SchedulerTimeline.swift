import Foundation

/// The scheduler's time-ordered steps, stored compactly.
///
/// A year of a large plan is tens of thousands of steps, held all day by the idle
/// daemon. A `ScheduledStep` with its first-step time takes about 90 bytes; here a
/// step is 24: its time, its working day, and small indices into the tables of
/// occurrences, recipients and step kinds it shares with the other steps. A step
/// is rebuilt, equal to the one planned, when the scheduler looks at it.
struct SchedulerTimeline: Sendable {
    /// One occurrence and the time of its first step (what "done" is compared to).
    struct Occurrence: Sendable {
        let occurrence: DutyOccurrence
        let firstStepAt: Date
    }

    private struct Entry: Sendable {
        let at: Date
        let day: Int32
        let occurrence: Int32
        let recipient: Int32
        let kind: UInt16
        /// Whether the step copies the occurrence's cc (ordinary steps) or no one (escalations).
        let copiesCC: Bool
    }

    private var entries: [Entry] = []
    private var occurrences: [Occurrence] = []
    private var recipients: [(recipient: Recipient, channels: [Channel])] = []
    private var kinds: [StepKind] = []

    /// An empty timeline.
    init() {}

    /// `steps`, each with its occurrence's first-step time, in the order given.
    init(_ steps: [(step: ScheduledStep, firstStepAt: Date)]) {
        var occurrenceIndex: [ObjectIdentifier: Int32] = [:]
        var recipientIndex: [Recipient: Int32] = [:]
        var kindIndex: [StepKind: UInt16] = [:]
        entries.reserveCapacity(steps.count)
        for (step, firstStepAt) in steps {
            precondition(
                step.cc.isEmpty || step.cc == step.occurrence.cc, "a step copies its occurrence's cc or no one")
            let occurrence = Self.index(
                of: ObjectIdentifier(step.occurrence), in: &occurrenceIndex, table: &occurrences,
                adding: Occurrence(occurrence: step.occurrence, firstStepAt: firstStepAt))
            let recipient = Self.index(
                of: step.recipient, in: &recipientIndex, table: &recipients,
                adding: (step.recipient, step.channels))
            let kind = Self.index(of: step.kind, in: &kindIndex, table: &kinds, adding: step.kind)
            entries.append(
                Entry(
                    at: step.at, day: Int32(step.date.dayNumber), occurrence: occurrence, recipient: recipient,
                    kind: kind, copiesCC: !step.cc.isEmpty))
        }
    }

    var count: Int { entries.count }

    /// How many occurrences the steps held refer to.
    var occurrenceCount: Int { occurrences.count }

    /// When the step at `index` fires.
    func at(_ index: Int) -> Date {
        entries[index].at
    }

    /// The step at `index` and its occurrence's first-step time.
    subscript(index: Int) -> (step: ScheduledStep, firstStepAt: Date) {
        let entry = entries[index]
        let occurrence = occurrences[Int(entry.occurrence)]
        let recipient = recipients[Int(entry.recipient)]
        let step = ScheduledStep(
            occurrence: occurrence.occurrence, kind: kinds[Int(entry.kind)],
            date: LocalDate(dayNumber: Int(entry.day)), at: entry.at, recipient: recipient.recipient,
            cc: entry.copiesCC ? occurrence.occurrence.cc : [], channels: recipient.channels)
        return (step, occurrence.firstStepAt)
    }

    /// Forgets the first `count` steps, giving their memory back, with the
    /// occurrences and recipients only they referred to: after the first tick that
    /// is the lookback's year of occurrences, which the idle daemon would otherwise
    /// hold until the next rebuild.
    mutating func dropFirst(_ count: Int) {
        var occurrenceMap = [Int32](repeating: -1, count: occurrences.count)
        var recipientMap = [Int32](repeating: -1, count: recipients.count)
        var keptOccurrences: [Occurrence] = []
        var keptRecipients: [(recipient: Recipient, channels: [Channel])] = []
        var kept: [Entry] = []
        kept.reserveCapacity(entries.count - count)
        for entry in entries[count...] {
            let occurrence = Self.remap(entry.occurrence, in: &occurrenceMap, from: occurrences, to: &keptOccurrences)
            let recipient = Self.remap(entry.recipient, in: &recipientMap, from: recipients, to: &keptRecipients)
            kept.append(
                Entry(
                    at: entry.at, day: entry.day, occurrence: occurrence, recipient: recipient, kind: entry.kind,
                    copiesCC: entry.copiesCC))
        }
        entries = kept
        occurrences = keptOccurrences
        recipients = keptRecipients
    }

    /// The index in `kept` of `table[index]`, copying it there the first time.
    private static func remap<Value>(_ index: Int32, in map: inout [Int32], from table: [Value], to kept: inout [Value])
        -> Int32
    {
        let old = Int(index)
        if map[old] < 0 {
            map[old] = Int32(kept.count)
            kept.append(table[old])
        }
        return map[old]
    }

    private static func index<Key: Hashable, Index: FixedWidthInteger, Value>(
        of key: Key, in indices: inout [Key: Index], table: inout [Value], adding value: @autoclosure () -> Value
    ) -> Index {
        if let index = indices[key] { return index }
        let index = Index(table.count)
        indices[key] = index
        table.append(value())
        return index
    }
}
