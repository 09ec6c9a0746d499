extension Policy {
    /// How far (in calendar days, generously) steps can lie before and after the due date.
    ///
    /// Working days are counted as two calendar days each plus a fortnight, which
    /// covers weekends and the longest run of days off (Tết).
    package var reach: (before: Int, after: Int) {
        func days(_ duration: ConfigDuration) -> Int {
            duration.unit == .workingDays ? duration.amount * 2 + 14 : duration.amount + 14
        }
        let before = self.before.map(days).max() ?? 0
        let overdue =
            overdueMax == 0
            ? 0 : days(ConfigDuration(amount: overdueEvery.amount * overdueMax, unit: overdueEvery.unit))
        return (before, max(overdue, days(escalateAfter)))
    }
}

extension Config {
    /// The widest reach of any policy in use (the built-in default included).
    package var stepReach: (before: Int, after: Int) {
        let all = policies + [policy(Policy.defaultID)]
        return (all.map(\.reach.before).max() ?? 0, all.map(\.reach.after).max() ?? 0)
    }
}
