extension Duty {
    /// Reads back `task:<id>`, `report:monthly:<unit>`, `report:<request-id>:<unit>`,
    /// `report:consolidated`
    /// (the `description` written into keys). Config ids never contain `:`, so the
    /// text is unambiguous.
    package init?(ledgerText text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("task", 2) where !parts[1].isEmpty:
            self = .task(id: parts[1])
        case ("difficulty", 2) where !parts[1].isEmpty:
            self = .difficulty(id: parts[1])
        case ("report", 2) where parts[1] == "consolidated":
            self = .consolidatedReport
        case ("report", 3) where !parts[1].isEmpty && !parts[2].isEmpty:
            self = parts[1] == "monthly" ? .monthlyReport(unit: parts[2]) : .request(id: parts[1], unit: parts[2])
        default:
            return nil
        }
    }
}
