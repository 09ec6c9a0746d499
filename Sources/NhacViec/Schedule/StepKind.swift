/// Which reminder of an occurrence this is (DESIGN §5).
package enum StepKind: Hashable, Sendable, CustomStringConvertible {
    case before(ConfigDuration)
    case due
    case overdue(Int)
    case escalation
    /// Sending the consolidated report on its compile day.
    case compile
    /// A difficulty's steps (DESIGN §14): the Office is told it was raised, reminded
    /// while it waits, and told (with the unit) how it was resolved.
    case notice
    case followUp(Int)
    case resolution

    /// `before-5wd`, `due`, `overdue-2`, `escalation`.
    package var description: String {
        switch self {
        case .before(let offset): "before-\(offset)"
        case .due: "due"
        case .overdue(let n): "overdue-\(n)"
        case .escalation: "escalation"
        case .compile: "compile"
        case .notice: "notice"
        case .followUp(let n): "follow-up-\(n)"
        case .resolution: "resolution"
        }
    }

    /// Higher is more urgent: digests list the most urgent items first.
    package var urgency: Int {
        switch self {
        case .before: 0
        case .due: 1
        case .overdue(let n): 1 + n
        case .escalation: 1000
        case .compile: 0
        case .notice: 1
        case .followUp(let n): 1 + n
        case .resolution: 1001
        }
    }

    /// Vietnamese label for messages and `plan`.
    package var vietnameseLabel: String {
        switch self {
        case .before(let offset): "Nhắc trước hạn \(offset.vietnameseDescription)"
        case .due: "Đến hạn hôm nay"
        case .overdue(let n): "Quá hạn (nhắc lần \(n))"
        case .escalation: "Báo cáo người đứng đầu: quá hạn"
        case .compile: "Gửi báo cáo tổng hợp"
        case .notice: "Vướng mắc mới"
        case .followUp(let n): "Vướng mắc chưa được giải quyết (nhắc lần \(n))"
        case .resolution: "Vướng mắc đã được giải quyết"
        }
    }
}
