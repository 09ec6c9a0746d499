extension Channel {
    /// Reads back `email` or `webhook:<id>`.
    package init?(ledgerText text: String) {
        if text == "email" {
            self = .email
        } else if text.hasPrefix("webhook:"), text.count > 8 {
            self = .webhook(String(text.dropFirst(8)))
        } else {
            return nil
        }
    }
}
