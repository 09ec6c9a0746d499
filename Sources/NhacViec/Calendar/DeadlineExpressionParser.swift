/// Reads the text of a `due:` into a `DeadlineExpression.Kind`.
///
/// The text is folded (lowercase, no diacritics, đ → d) and split into words, numbers and
/// single symbols, so spacing and normalization form do not matter. Each form is matched
/// on its whole structure first and only then are its numbers checked, so that a
/// specific message ("31/02/2024 is not a date") is given only for text that really is
/// that form. Forms are tried in a fixed order: ongoing, on demand, recurring, one-off.
struct DeadlineExpressionParser {
    typealias Kind = DeadlineExpression.Kind

    static let unrecognisedMessage =
        "unrecognised deadline; expected e.g. '30/6/2024', 'Tháng 3/2024', 'Quý II/2024', 'Hằng tháng', 'Thường xuyên'"

    /// Phrases that start an on-demand deadline; whatever follows them is free text
    /// ("Theo chỉ đạo của UBND tỉnh", "Sau khi có hướng dẫn của Bộ Nội vụ").
    private static let onDemandPrefixes = [
        "theo yeu cau", "khi co yeu cau", "dot xuat", "theo chi dao", "theo ke hoach", "theo tien do",
        "theo quy dinh", "sau khi co huong dan",
    ]

    private static let romanQuarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
    private static let years = 1900...2100

    let text: String
    let planYear: Int?
    private let tokens: [Token]

    init(text: String, planYear: Int?) {
        self.text = text
        self.planYear = planYear
        var tokens = Token.split(VietnameseText.folded(text))
        while tokens.last == .symbol(".") {
            tokens.removeLast()
        }
        self.tokens = tokens
    }

    /// What the text means, and whether it is a written limit (a *before* form).
    struct Parsed {
        let kind: Kind
        let isWrittenLimit: Bool
    }

    func parse() -> Result<Parsed, DeadlineParseError> {
        do throws(DeadlineParseError) {
            return .success(try parsed())
        } catch {
            return .failure(error)
        }
    }

    private func parsed() throws(DeadlineParseError) -> Parsed {
        guard !tokens.isEmpty else {
            throw failure("empty deadline; expected e.g. '30/6/2024', 'Quý II/2024', 'Hằng tháng', 'Thường xuyên'")
        }
        if isOngoing() { return Parsed(kind: .ongoing, isWrittenLimit: false) }
        if isOnDemand() { return Parsed(kind: .onDemand, isWrittenLimit: false) }
        if let (recurrence, isBefore) = try recurrence() {
            return Parsed(kind: .recurring(recurrence), isWrittenLimit: isBefore)
        }
        if let (date, isBefore) = try oneOffDay() { return Parsed(kind: .date(date), isWrittenLimit: isBefore) }
        throw failure(Self.unrecognisedMessage)
    }

    // MARK: - No deadline

    /// "Thường xuyên", "Liên tục", or both joined by a comma, dash or "và".
    private func isOngoing() -> Bool {
        var cursor = Cursor(tokens)
        repeat {
            guard cursor.take("thuong xuyen") || cursor.take("lien tuc") else { return false }
            if cursor.isAtEnd { return true }
        } while cursor.take(symbol: ",") || cursor.take(symbol: "-") || cursor.take("va")
        return false
    }

    private func isOnDemand() -> Bool {
        Self.onDemandPrefixes.contains { prefix in
            var cursor = Cursor(tokens)
            return cursor.take(prefix)
        }
    }

    // MARK: - Recurring

    /// "[Định kỳ] Hằng tháng [năm 2024][, [trước] ngày 20]", "[Trước] ngày 20 hằng tháng",
    /// "[Hằng quý, ][trước] ngày 15 tháng cuối quý", "6 tháng", "Hằng năm[, [trước] ngày 15/12]",
    /// "[Trước] ngày 15/12 hằng năm". The flag tells a *before* day.
    private func recurrence() throws(DeadlineParseError) -> (Recurrence, isBefore: Bool)? {
        var cursor = Cursor(tokens)
        let saysPeriodic = cursor.take("dinh ky")
        if let interval = cursor.takeInterval() {
            let year = interval == .year ? nil : cursor.takeYearSuffix()
            // "6 tháng năm 2024" names the first half of 2024, as in "báo cáo 6 tháng năm 2024".
            if interval == .halfYear, year != nil, !saysPeriodic { return nil }
            var clause: DayClause?
            var month: String?
            if !cursor.isAtEnd {
                // "Hằng tháng, ngày 20", "Hằng tháng (trước ngày 20)".
                let separator = cursor.takeSymbol(in: ",;:-(")
                switch interval {
                case .month:
                    clause = cursor.takeDayClause()
                case .quarter:
                    clause = cursor.takeDayClause()
                    guard cursor.take("thang cuoi quy") else { return nil }
                case .year:
                    clause = cursor.takeDayClause()
                    month = cursor.takeMonthOfDay()
                    guard month != nil else { return nil }
                case .halfYear:
                    return nil
                }
                guard clause != nil, separator != "(" || cursor.take(symbol: ")") else { return nil }
            }
            guard cursor.isAtEnd else { return nil }
            let day: DayOfPeriod
            if let clause, let month {
                day = try dayOfYear(clause, month: month)
            } else {
                day = try clause.map(dayOfPeriod) ?? .last
            }
            return (
                Recurrence(interval: interval, day: day, year: try year.map(checkedYear)), clause?.isBefore ?? false
            )
        }
        guard let clause = cursor.takeDayClause() else { return nil }
        if let month = cursor.takeMonthOfDay() {
            guard cursor.take("hang nam"), cursor.isAtEnd else { return nil }
            return (Recurrence(interval: .year, day: try dayOfYear(clause, month: month)), clause.isBefore)
        }
        let interval: Recurrence.Interval
        if cursor.take("hang thang") {
            interval = .month
        } else if cursor.take("thang cuoi quy") {
            _ = cursor.take("hang quy")
            interval = .quarter
        } else {
            return nil
        }
        let year = cursor.takeYearSuffix()
        guard cursor.isAtEnd else { return nil }
        return (
            Recurrence(interval: interval, day: try dayOfPeriod(clause), year: try year.map(checkedYear)),
            clause.isBefore
        )
    }

    /// "ngày 15/12" in a yearly recurrence; "trước ngày 1/3" is the last day of February.
    private func dayOfYear(_ clause: DayClause, month written: String) throws(DeadlineParseError) -> DayOfPeriod {
        guard let month = Int(written), (1...12).contains(month) else {
            throw failure("month \(written) does not exist; months are 1–12")
        }
        // 2024 is a leap year: 29/2 is a day some years have.
        guard let day = Int(clause.number), day >= 1, day <= LocalDate.daysIn(month: month, year: 2024) else {
            throw failure("day \(clause.number)/\(written) does not exist in any year")
        }
        guard clause.isBefore else { return .date(day: day, month: month) }
        if day > 1 { return .date(day: day - 1, month: month) }
        // The day before the 1st is the previous month's last day (29/2 is 28/2 in common years).
        let previous = month == 1 ? 12 : month - 1
        return .date(day: LocalDate.daysIn(month: previous, year: 2024), month: previous)
    }

    private func dayOfPeriod(_ clause: DayClause) throws(DeadlineParseError) -> DayOfPeriod {
        guard let day = Int(clause.number), (1...31).contains(day) else {
            throw failure("day \(clause.number) does not exist in any month")
        }
        guard clause.isBefore else { return .day(day) }
        guard day > 1 else { throw failure("'trước ngày 1' leaves no earlier day in the same month") }
        return .day(day - 1)
    }

    // MARK: - One-off

    /// An optional "Hoàn thành" and one of "Chậm nhất", "Trước", "Trong", "Vào", then a
    /// day, month, quarter, half-year or year. The flag tells a *before* form.
    private func oneOffDay() throws(DeadlineParseError) -> (LocalDate, isBefore: Bool)? {
        var cursor = Cursor(tokens)
        _ = cursor.take("hoan thanh")
        let isBefore = cursor.take("truoc")
        if !isBefore {
            _ = cursor.take("cham nhat") || cursor.take("trong") || cursor.take("vao")
        }
        if let date = try day(from: cursor) {
            // DESIGN §4: "Trước ngày X" is due by the end of the day before X.
            return (isBefore ? date.adding(days: -1) : date, isBefore)
        }
        if isBefore {
            // "Trước tháng 6/2024", "Trước quý III/2024": the day before the period starts.
            guard let start = try periodStart(from: cursor) else {
                if try periodEnd(from: cursor) == nil { return nil }
                throw failure(
                    "'trước' is understood only before a day, a month or a quarter, e.g. 'Trước ngày 15/12/2024', 'Trước tháng 6/2024'"
                )
            }
            return (start.adding(days: -1), true)
        }
        guard let date = try periodEnd(from: cursor) else { return nil }
        return (date, false)
    }

    /// The first day of a single month or quarter ("tháng 6/2024", "T6", "quý III/2024"),
    /// for the *before* forms; nil for any other text.
    private func periodStart(from start: Cursor) throws(DeadlineParseError) -> LocalDate? {
        var cursor = start
        if let month = cursor.takeNumber(), cursor.takeSymbol(in: "/-.") != nil, let year = cursor.takeNumber(),
            cursor.isAtEnd
        {
            let value = try lastValue(of: [ListItem(text: month, isRangeEnd: false)], name: "month", valid: 1...12) {
                Int($0)
            }
            return try lastDay(month: value, year: resolvedYear(year)).firstOfMonth
        }
        cursor = start
        if cursor.take("thang") || cursor.take("t") {
            guard let months = cursor.takeList(keyword: "thang", romanNumerals: false), months.count == 1 else {
                return nil
            }
            let year = cursor.takeYearPart()
            guard cursor.isAtEnd else { return nil }
            let month = try lastValue(of: months, name: "month", valid: 1...12) { Int($0) }
            return try lastDay(month: month, year: resolvedYear(year)).firstOfMonth
        }
        cursor = start
        if cursor.take("quy") {
            guard let quarters = cursor.takeList(keyword: "quy", romanNumerals: true), quarters.count == 1 else {
                return nil
            }
            let year = cursor.takeYearPart()
            guard cursor.isAtEnd else { return nil }
            let quarter = try lastValue(of: quarters, name: "quarter", valid: 1...4, value: Self.quarterValue)
            return try lastDay(month: quarter * 3 - 2, year: resolvedYear(year)).firstOfMonth
        }
        return nil
    }

    /// "[Ngày] 30/6/2024" (also with - or .), "2024-06-30", "30/6" (plan year),
    /// "Ngày 30 tháng 6 năm 2024".
    private func day(from start: Cursor) throws(DeadlineParseError) -> LocalDate? {
        var cursor = start
        let saysDay = cursor.take("ngay")
        guard let first = cursor.takeNumber() else { return nil }
        if saysDay, cursor.take("thang") {
            guard let month = cursor.takeNumber() else { return nil }
            let year = cursor.takeYearPart()
            guard cursor.isAtEnd else { return nil }
            let written = "ngày \(first) tháng \(month)" + (year.map { " năm \($0)" } ?? "")
            return try date(day: first, month: month, year: year, written: written)
        }
        guard let separator = cursor.takeSymbol(in: "/-."), let second = cursor.takeNumber() else { return nil }
        if cursor.isAtEnd {
            // "6/2024" is a month, left to periodEnd.
            guard second.count != 4 else { return nil }
            if let month = Int(second), month > 12 {
                throw failure("\(first)\(separator)\(second) is not a date (day/month); a year must have four digits")
            }
            return try date(day: first, month: second, year: nil, written: "\(first)\(separator)\(second)")
        }
        guard cursor.take(symbol: separator), let third = cursor.takeNumber(), cursor.isAtEnd else { return nil }
        let written = "\(first)\(separator)\(second)\(separator)\(third)"
        if first.count == 4 {
            return try date(day: third, month: second, year: first, written: written)
        }
        return try date(day: first, month: second, year: third, written: written)
    }

    /// Month, quarter, half-year and year forms, each meaning a day of that period
    /// (by default its last).
    private func periodEnd(from start: Cursor) throws(DeadlineParseError) -> LocalDate? {
        var cursor = start
        if let month = cursor.takeNumber(), cursor.takeSymbol(in: "/-.") != nil, let year = cursor.takeNumber(),
            cursor.isAtEnd
        {
            return try monthDay(months: [ListItem(text: month, isRangeEnd: false)], year: year, position: nil)
        }
        cursor = start
        let position = cursor.takePosition()
        if cursor.take("thang") || cursor.take("t") {
            guard let months = cursor.takeList(keyword: "thang", romanNumerals: false) else { return nil }
            let year = cursor.takeYearPart()
            guard cursor.isAtEnd else { return nil }
            return try monthDay(months: months, year: year, position: position)
        }
        if position == nil || position == .end, cursor.take("quy") {
            guard let quarters = cursor.takeList(keyword: "quy", romanNumerals: true) else { return nil }
            let year = cursor.takeYearPart()
            guard cursor.isAtEnd else { return nil }
            let quarter = try lastValue(of: quarters, name: "quarter", valid: 1...4, value: Self.quarterValue)
            return try lastDay(month: quarter * 3, year: resolvedYear(year))
        }
        if position == nil, cursor.take("6 thang") {
            let month: Int
            var yearRequired = false
            if cursor.take("dau nam") {
                month = 6
            } else if cursor.take("cuoi nam") {
                month = 12
            } else if cursor.take("nam") {
                // "6 tháng" alone recurs; with "năm 2024" it is the first half of 2024.
                month = 6
                yearRequired = true
            } else {
                return nil
            }
            let year = cursor.takeNumber()
            guard cursor.isAtEnd, year != nil || !yearRequired else { return nil }
            return try lastDay(month: month, year: resolvedYear(year))
        }
        if position == nil { _ = cursor.take("ca") }
        guard cursor.take("nam") else { return nil }
        let year = cursor.takeNumber()
        guard cursor.isAtEnd else { return nil }
        let resolved = try resolvedYear(year)
        // Civil Code 2015 art. 146: đầu năm is 1/1, giữa năm 30/6, cuối năm 31/12.
        switch position {
        case .start: return try lastDay(month: 1, year: resolved).firstOfMonth
        case .middle: return try lastDay(month: 6, year: resolved)
        case .end, nil: return try lastDay(month: 12, year: resolved)
        }
    }

    /// Civil Code 2015 art. 146: đầu tháng is day 1, giữa tháng day 15, cuối tháng the last day.
    private func monthDay(months: [ListItem], year: String?, position: Position?) throws(DeadlineParseError)
        -> LocalDate
    {
        let month = try lastValue(of: months, name: "month", valid: 1...12) { Int($0) }
        let last = try lastDay(month: month, year: resolvedYear(year))
        switch position {
        case .start: return last.firstOfMonth
        case .middle: return last.firstOfMonth.adding(days: 14)
        case .end, nil: return last
        }
    }

    // MARK: - Values

    private func date(day: String, month: String, year: String?, written: String) throws(DeadlineParseError)
        -> LocalDate
    {
        let resolved = try resolvedYear(year)
        if day.count <= 2, month.count <= 2, let d = Int(day), let m = Int(month),
            let date = LocalDate(year: resolved, month: m, day: d)
        {
            return date
        }
        var message = "\(written) is not a date"
        if year == nil { message += " in \(resolved)" }
        if let d = Int(day), let m = Int(month), LocalDate(year: resolved, month: d, day: m) != nil {
            message += " (dates are written day/month/year, never month/day)"
        }
        throw failure(message)
    }

    private func lastDay(month: Int, year: Int) throws(DeadlineParseError) -> LocalDate {
        guard let first = LocalDate(year: year, month: month, day: 1) else {
            throw failure("month \(month) of \(year) does not exist")
        }
        return first.lastOfMonth
    }

    /// The last (largest) value of a list such as "I, II" or "III–IV"; a range must not run backwards.
    private func lastValue(
        of items: [ListItem], name: String, valid: ClosedRange<Int>, value: (String) -> Int?
    ) throws(DeadlineParseError) -> Int {
        var values: [Int] = []
        for item in items {
            let shown = item.text.uppercased()
            guard let number = value(item.text), valid.contains(number) else {
                let range = name == "quarter" ? "I–IV" : "\(valid.lowerBound)–\(valid.upperBound)"
                throw failure("\(name) \(shown) does not exist; \(name)s are \(range)")
            }
            if item.isRangeEnd, let previous = values.last, number < previous {
                throw failure("\(name) range ending in \(shown) runs backwards")
            }
            values.append(number)
        }
        return values.max() ?? valid.upperBound
    }

    private static func quarterValue(_ text: String) -> Int? {
        romanQuarters[text] ?? Int(text)
    }

    private func resolvedYear(_ written: String?) throws(DeadlineParseError) -> Int {
        if let written { return try checkedYear(written) }
        guard let planYear else {
            throw failure(
                "no year and organization.plan_year is not set; write the year (e.g. 'Quý II/2024') or set organization.plan_year"
            )
        }
        guard Self.years.contains(planYear) else {
            throw failure("organization.plan_year \(planYear) is outside 1900–2100")
        }
        return planYear
    }

    private func checkedYear(_ written: String) throws(DeadlineParseError) -> Int {
        guard written.count == 4, let year = Int(written) else {
            if written.count == 2 {
                throw failure("two-digit year \(written); write the year in full, e.g. 20\(written)")
            }
            throw failure("year \(written) must have four digits")
        }
        guard Self.years.contains(year) else { throw failure("year \(year) is outside 1900–2100") }
        return year
    }

    private func failure(_ message: String) -> DeadlineParseError {
        DeadlineParseError(text: text, message: message)
    }
}

// MARK: - Tokens

extension DeadlineExpressionParser {
    enum Token: Equatable {
        case word(String)
        case number(String)
        case symbol(Character)

        var text: String {
            switch self {
            case .word(let text), .number(let text): text
            case .symbol(let character): String(character)
            }
        }

        /// Splits folded text into runs of letters, runs of ASCII digits and single other
        /// characters; whitespace only separates. Every kind of dash becomes "-".
        static func split(_ folded: String) -> [Token] {
            var tokens: [Token] = []
            var run = ""
            var runIsDigits = false
            func flush() {
                guard !run.isEmpty else { return }
                tokens.append(runIsDigits ? .number(run) : .word(run))
                run = ""
            }
            for character in folded {
                let isDigit = character.isASCII && character.isWholeNumber
                if isDigit || character.isLetter {
                    if !run.isEmpty, runIsDigits != isDigit { flush() }
                    runIsDigits = isDigit
                    run.append(character)
                    continue
                }
                flush()
                if character.isWhitespace { continue }
                tokens.append(.symbol(dashes.contains(character) ? "-" : character))
            }
            flush()
            return tokens
        }

        // Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign.
        private static let dashes: Set<Character> = [
            "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}",
        ]
    }

    /// "ngày 20", "trước ngày 20": the day within a recurring period, as written.
    struct DayClause {
        let number: String
        let isBefore: Bool
    }

    /// One element of "Quý I, II" or "Tháng 3-4"; `isRangeEnd` when a dash preceded it.
    struct ListItem {
        let text: String
        let isRangeEnd: Bool
    }

    /// đầu / giữa / cuối (start / middle / end) of a month or year.
    enum Position {
        case start, middle, end
    }

    /// A position in the token list; matching methods consume tokens only when they match.
    struct Cursor {
        private let tokens: [Token]
        private var index = 0

        init(_ tokens: [Token]) {
            self.tokens = tokens
        }

        var isAtEnd: Bool { index == tokens.count }

        /// Consumes the space-separated words (or numbers) of `phrase` if they come next.
        mutating func take(_ phrase: String) -> Bool {
            let parts = phrase.split(separator: " ")
            guard index + parts.count <= tokens.count else { return false }
            for (offset, part) in parts.enumerated() {
                switch tokens[index + offset] {
                case .word(let text), .number(let text):
                    guard text == part else { return false }
                case .symbol:
                    return false
                }
            }
            index += parts.count
            return true
        }

        mutating func take(symbol: Character) -> Bool {
            guard !isAtEnd, tokens[index] == .symbol(symbol) else { return false }
            index += 1
            return true
        }

        mutating func takeSymbol(in symbols: String) -> Character? {
            guard !isAtEnd, case .symbol(let character) = tokens[index], symbols.contains(character) else {
                return nil
            }
            index += 1
            return character
        }

        mutating func takeNumber(maxDigits: Int = .max) -> String? {
            guard !isAtEnd, case .number(let digits) = tokens[index], digits.count <= maxDigits else { return nil }
            index += 1
            return digits
        }

        mutating func takePosition() -> Position? {
            if take("dau") { return .start }
            if take("giua") { return .middle }
            if take("cuoi") { return .end }
            return nil
        }

        mutating func takeInterval() -> Recurrence.Interval? {
            if take("hang thang") { return .month }
            if take("hang quy") { return .quarter }
            if take("hang nam") { return .year }
            if take("6 thang") {
                _ = take("va nam") || take("mot lan")
                return .halfYear
            }
            return nil
        }

        /// "năm 2024" after a recurring interval.
        mutating func takeYearSuffix() -> String? {
            var probe = self
            guard probe.take("nam"), let year = probe.takeNumber() else { return nil }
            self = probe
            return year
        }

        /// "/2024", "-2024", ".2024" or "năm 2024" after a month or quarter.
        mutating func takeYearPart() -> String? {
            var probe = self
            guard probe.take("nam") || probe.takeSymbol(in: "/-.") != nil, let year = probe.takeNumber() else {
                return nil
            }
            self = probe
            return year
        }

        mutating func takeDayClause() -> DayClause? {
            var probe = self
            let isBefore = probe.take("truoc")
            if !isBefore {
                _ = probe.take("cham nhat") || probe.take("vao")
            }
            guard probe.take("ngay"), let number = probe.takeNumber(maxDigits: 2) else { return nil }
            self = probe
            return DayClause(number: number, isBefore: isBefore)
        }

        /// "/12", "-12", ".12" or "tháng 12" after "ngày 15" in a yearly recurrence.
        mutating func takeMonthOfDay() -> String? {
            var probe = self
            guard probe.takeSymbol(in: "/-.") != nil || probe.take("thang"), let month = probe.takeNumber(maxDigits: 2)
            else { return nil }
            self = probe
            return month
        }

        /// Items joined by ",", "và" (a list) or a dash (a range); the keyword may repeat
        /// ("Quý I và quý II"). A four-digit number after a dash is the year, not an item.
        mutating func takeList(keyword: String, romanNumerals: Bool) -> [ListItem]? {
            guard let first = takeListItem(romanNumerals: romanNumerals) else { return nil }
            var items = [ListItem(text: first, isRangeEnd: false)]
            while true {
                var probe = self
                let isRange: Bool
                if probe.take(symbol: "-") {
                    isRange = true
                } else if probe.take(symbol: ",") || probe.take("va") {
                    isRange = false
                } else {
                    break
                }
                _ = probe.take(keyword)
                guard let item = probe.takeListItem(romanNumerals: romanNumerals) else { break }
                items.append(ListItem(text: item, isRangeEnd: isRange))
                self = probe
            }
            return items
        }

        private mutating func takeListItem(romanNumerals: Bool) -> String? {
            if let number = takeNumber(maxDigits: 2) { return number }
            // Any run of Roman-numeral letters, so that "Quý V" gets a specific message.
            guard romanNumerals, !isAtEnd, case .word(let word) = tokens[index],
                word.allSatisfy({ "ivx".contains($0) })
            else { return nil }
            index += 1
            return word
        }
    }
}
