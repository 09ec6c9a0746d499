/// A plan task's status as units report it (DESIGN §7).
package enum TaskStatus: String, Sendable, Hashable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    case blocked

    package var vietnameseName: String {
        switch self {
        case .notStarted: "Chưa thực hiện"
        case .inProgress: "Đang thực hiện"
        case .done: "Đã hoàn thành"
        case .blocked: "Vướng mắc"
        }
    }
}
