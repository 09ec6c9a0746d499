/// Which reminder of an occurrence this is (DESIGN §5).
package enum StepKind: Hashable, Sendable, CustomStringConvertible {
    case before(ConfigDuration)
    case due
    case overdue(Int)
    case escalation
    /// Sending the consolidated report on its compile day.
    case compile

    /// `before-5wd`, `due`, `overdue-2`, `escalation`.
    package var description: String {
        switch self {
        case .before(let offset): "before-\(offset)"
        case .due: "due"
        case .overdue(let n): "overdue-\(n)"
        case .escalation: "escalation"
        case .compile: "compile"
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
        }
    }
}
