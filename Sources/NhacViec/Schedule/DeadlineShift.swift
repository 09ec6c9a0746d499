extension WorkingCalendar {
    /// Moves a due date off a day off as `deadline_on_day_off` says (DESIGN §4).
    package func shift(_ date: LocalDate, _ rule: DayOffShift) -> LocalDate {
        switch rule {
        case .nextWorkingDay: nextWorkingDay(onOrAfter: date)
        case .previousWorkingDay: previousWorkingDay(onOrBefore: date)
        case .keep: date
        }
    }

    /// The due date of one nominal date of `deadline`. A written limit ("Trước ngày X")
    /// never moves past itself: off a day off it moves back to the last working day,
    /// whatever `deadline_on_day_off` says (DESIGN §4).
    package func dueDate(_ nominal: LocalDate, of deadline: DeadlineExpression, _ rule: DayOffShift) -> LocalDate {
        deadline.isWrittenLimit ? previousWorkingDay(onOrBefore: nominal) : shift(nominal, rule)
    }

    /// The nominal due date of a report rule counted from E, the day after the period ends (DESIGN §4).
    package func reportDueDate(_ rule: ReportDueRule, dayAfterEnd e: LocalDate) -> LocalDate {
        switch rule {
        case .day(let n):
            let inMonth = LocalDate(
                year: e.year, month: e.month, day: min(n, LocalDate.daysIn(month: e.month, year: e.year)))
            if let inMonth, inMonth >= e { return inMonth }
            let next = e.firstOfMonth.adding(months: 1)
            return next.adding(days: min(n, LocalDate.daysIn(month: next.month, year: next.year)) - 1)
        case .workingDay(let n):
            return nthWorkingDay(n, onOrAfter: e)
        case .lastWorkingDay:
            return lastWorkingDay(ofMonthContaining: e)
        }
    }
}

extension ReportDueRule {
    /// How the rule reads in a Vietnamese message.
    package var vietnameseDescription: String {
        switch self {
        case .day(let n): "ngày \(n) hằng tháng"
        case .workingDay(let n): "ngày làm việc thứ \(n) sau kỳ báo cáo"
        case .lastWorkingDay: "ngày làm việc cuối cùng của tháng"
        }
    }
}
