extension StepKind {
    /// Reads back `before-5wd`, `due`, `overdue-2`, `escalation`.
    package init?(ledgerText text: String) {
        switch text {
        case "due": self = .due
        case "escalation": self = .escalation
        case "compile": self = .compile
        case "notice": self = .notice
        case "resolution": self = .resolution
        default:
            if text.hasPrefix("before-"), let offset = ConfigDuration(parsing: String(text.dropFirst(7))) {
                self = .before(offset)
            } else if text.hasPrefix("overdue-"), let n = Int(text.dropFirst(8)), n > 0 {
                self = .overdue(n)
            } else if text.hasPrefix("follow-up-"), let n = Int(text.dropFirst(10)), n > 0 {
                self = .followUp(n)
            } else {
                return nil
            }
        }
    }
}
