import Foundation
import Testing

@testable import NhacViec

@Suite struct DeadlineExpressionTests {
    /// The plan year used by the accepted table; distinct from the written years so that a
    /// year-less form visibly takes it and a written year visibly wins over it.
    static let planYear = 2025

    /// Input and the expected kind, spelled by `summary(of:)`.
    static let accepted: [(String, String)] = [
        // One day
        ("2024-06-30", "2024-06-30"),
        ("30/6/2024", "2024-06-30"),
        ("30/06/2024", "2024-06-30"),
        ("Ngày 30/06/2024", "2024-06-30"),
        ("Chậm nhất ngày 30/6/2024", "2024-06-30"),
        ("Chậm nhất 30/6/2024", "2024-06-30"),
        ("Trong ngày 30/6/2024", "2024-06-30"),
        ("Vào ngày 30/6/2024", "2024-06-30"),
        ("30-06-2024", "2024-06-30"),
        ("30.06.2024", "2024-06-30"),
        ("2024/06/30", "2024-06-30"),
        ("Ngày 30 tháng 6 năm 2024", "2024-06-30"),
        ("NGÀY 30/6/2024", "2024-06-30"),
        ("  Ngày   30 / 6 / 2024.  ", "2024-06-30"),
        ("ngay 1/7/2024", "2024-07-01"),
        ("30/6", "2025-06-30"),
        ("Ngày 30 tháng 6", "2025-06-30"),
        // The day before
        ("Trước ngày 15/12/2024", "2024-12-14"),
        ("Trước 15/12/2024", "2024-12-14"),
        ("Hoàn thành trước ngày 15/12/2024", "2024-12-14"),
        ("Hoàn thành trước ngày 30/6/2024", "2024-06-29"),
        ("truoc ngay 01/01/2025", "2024-12-31"),
        ("Trước ngày 1/3/2024", "2024-02-29"),
        ("Trước ngày 20/12", "2025-12-19"),
        ("Trước tháng 6/2024", "2024-05-31"),
        ("Trước tháng 06 năm 2024", "2024-05-31"),
        ("trước T6/2024", "2024-05-31"),
        ("Hoàn thành trước tháng 3/2024", "2024-02-29"),
        ("Trước tháng 1/2025", "2024-12-31"),
        ("Trước tháng 3", "2025-02-28"),
        ("Trước quý III/2024", "2024-06-30"),
        ("Trước quý 3/2024", "2024-06-30"),
        ("TRƯỚC QUÝ I NĂM 2025", "2024-12-31"),
        ("truoc quy iv/2024", "2024-09-30"),
        // Months
        ("Tháng 3/2024", "2024-03-31"),
        ("Tháng 3 năm 2024", "2024-03-31"),
        ("Trong tháng 03/2024", "2024-03-31"),
        ("T3/2024", "2024-03-31"),
        ("03/2024", "2024-03-31"),
        ("Tháng 3", "2025-03-31"),
        ("Thang 2/2024", "2024-02-29"),
        ("tháng 02 năm 2023", "2023-02-28"),
        ("Tháng 3-2024", "2024-03-31"),
        ("Tháng\u{00A0}11/2024.", "2024-11-30"),
        ("Đầu tháng 5/2024", "2024-05-01"),
        ("Giữa tháng 5/2024", "2024-05-15"),
        ("Cuối tháng 5/2024", "2024-05-31"),
        ("Cuối tháng 2", "2025-02-28"),
        ("Hoàn thành trong tháng 6/2024", "2024-06-30"),
        ("Chậm nhất tháng 9/2024", "2024-09-30"),
        ("Tháng 5-6/2024", "2024-06-30"),
        // Quarters
        ("Quý II/2024", "2024-06-30"),
        ("Quý 2/2024", "2024-06-30"),
        ("Quý 02/2024", "2024-06-30"),
        ("Quý II năm 2024", "2024-06-30"),
        ("Trong quý III/2024", "2024-09-30"),
        ("QUÝ II/2024", "2024-06-30"),
        ("Quy ii/2024", "2024-06-30"),
        ("Quý I/2024", "2024-03-31"),
        ("Quý IV năm 2024", "2024-12-31"),
        ("Quý I, II/2024", "2024-06-30"),
        ("Quý I và quý II/2024", "2024-06-30"),
        ("Quý III-IV/2024", "2024-12-31"),
        ("Quý III – IV/2024", "2024-12-31"),
        ("Quý 3 – 4/2024", "2024-12-31"),
        ("Quý 4-2024", "2024-12-31"),
        ("Cuối quý III/2024", "2024-09-30"),
        ("Quý II", "2025-06-30"),
        // Half-years and years
        ("6 tháng đầu năm 2024", "2024-06-30"),
        ("6 tháng năm 2024", "2024-06-30"),
        ("Giữa năm 2024", "2024-06-30"),
        ("6 tháng cuối năm 2024", "2024-12-31"),
        ("Cuối năm 2024", "2024-12-31"),
        ("Năm 2024", "2024-12-31"),
        ("Trong năm 2024", "2024-12-31"),
        ("Cả năm 2024", "2024-12-31"),
        ("Đầu năm 2024", "2024-01-01"),
        ("Cả năm", "2025-12-31"),
        ("Cuối năm", "2025-12-31"),
        ("6 tháng đầu năm", "2025-06-30"),
        // Recurring
        ("Hằng tháng", "month/last"),
        ("Hàng tháng", "month/last"),
        ("hang thang", "month/last"),
        ("HÀNG THÁNG", "month/last"),
        ("Định kỳ hằng tháng", "month/last"),
        ("Hằng tháng, ngày 20", "month/day 20"),
        ("Hằng tháng ngày 20", "month/day 20"),
        ("Ngày 20 hằng tháng", "month/day 20"),
        ("Vào ngày 05 hàng tháng", "month/day 5"),
        ("Hằng tháng, trước ngày 20", "month/day 19"),
        ("Trước ngày 20 hằng tháng", "month/day 19"),
        ("Hằng tháng năm 2024", "month/last/2024"),
        ("Hằng tháng (trước ngày 20)", "month/day 19"),
        ("Hằng tháng: chậm nhất ngày 25", "month/day 25"),
        ("Hằng quý", "quarter/last"),
        ("Hàng quý", "quarter/last"),
        ("Định kỳ hằng quý năm 2025", "quarter/last/2025"),
        ("Trước ngày 15 tháng cuối quý", "quarter/day 14"),
        ("Hằng quý, trước ngày 15 tháng cuối quý", "quarter/day 14"),
        ("6 tháng", "half_year/last"),
        ("Định kỳ 6 tháng", "half_year/last"),
        ("6 tháng và năm", "half_year/last"),
        ("Hằng năm", "year/last"),
        ("Hàng năm", "year/last"),
        ("Hằng năm, ngày 15/12", "year/15/12"),
        ("Hàng năm ngày 15/12", "year/15/12"),
        ("Hằng năm, trước ngày 15/12", "year/14/12"),
        ("hang nam, truoc ngay 15/12", "year/14/12"),
        ("Hằng năm, trước ngày 1/3", "year/29/2"),
        ("Hằng năm, trước ngày 01/01", "year/31/12"),
        ("Hằng năm: ngày 30 tháng 6", "year/30/6"),
        ("Ngày 15/12 hằng năm", "year/15/12"),
        ("Trước ngày 15/12 hàng năm", "year/14/12"),
        // Ongoing
        ("Thường xuyên", "ongoing"),
        ("Liên tục", "ongoing"),
        ("Thường xuyên, liên tục", "ongoing"),
        ("THUONG XUYEN.", "ongoing"),
        // On demand
        ("Theo yêu cầu", "on demand"),
        ("theo yeu cau", "on demand"),
        ("Khi có yêu cầu", "on demand"),
        ("Đột xuất", "on demand"),
        ("Theo chỉ đạo của UBND tỉnh (Văn bản số 12/UBND-KT)", "on demand"),
        ("Theo kế hoạch", "on demand"),
        ("Theo tiến độ", "on demand"),
        ("Theo quy định", "on demand"),
        ("Sau khi có hướng dẫn của Bộ Nội vụ", "on demand"),
        // Decomposed (NFD) input, as some editors save it
        ("Quy\u{0301} II/2024", "2024-06-30"),
        ("Tha\u{0301}ng 3/2024", "2024-03-31"),
        ("Ha\u{0306}\u{0300}ng tha\u{0301}ng", "month/last"),
        ("Thu\u{031B}o\u{031B}\u{0300}ng xuye\u{0302}n", "ongoing"),
        ("\u{0110}o\u{0323}\u{0302}t xua\u{0302}\u{0301}t", "on demand"),
    ]

    @Test(arguments: accepted)
    func acceptedFormParsesToItsMeaning(text: String, expected: String) throws {
        let expression = try DeadlineExpressionTests.parsed(text, planYear: Self.planYear)
        #expect(Self.summary(of: expression.kind) == expected)
    }

    @Test(arguments: accepted)
    func decomposedAndUppercasedSpellingsParseTheSame(text: String, expected: String) throws {
        for variant in [
            text.decomposedStringWithCanonicalMapping, text.precomposedStringWithCanonicalMapping,
            text.uppercased(),
        ] {
            let expression = try DeadlineExpressionTests.parsed(variant, planYear: Self.planYear)
            #expect(Self.summary(of: expression.kind) == expected, "\(variant)")
        }
    }

    @Test(arguments: [
        ("", "empty deadline"),
        ("   ", "empty deadline"),
        (".", "empty deadline"),
        ("31/02/2024", "31/02/2024 is not a date"),
        ("29/02/2023", "29/02/2023 is not a date"),
        ("30/13/2024", "30/13/2024 is not a date"),
        ("13/31/2024", "13/31/2024 is not a date"),
        ("12/31/2024", "never month/day"),
        ("Tháng 13/2024", "month 13 does not exist"),
        ("Tháng 0/2024", "month 0 does not exist"),
        ("13/2024", "month 13 does not exist"),
        ("Quý V/2024", "quarter V does not exist"),
        ("Quý 5/2024", "quarter 5 does not exist"),
        ("Quý IV-III/2024", "runs backwards"),
        ("30/6/24", "two-digit year 24"),
        ("Tháng 3/24", "two-digit year 24"),
        ("Quý II/24", "two-digit year 24"),
        ("Hằng tháng năm 24", "two-digit year 24"),
        ("30/6/024", "year 024 must have four digits"),
        ("3/24", "a year must have four digits"),
        ("30/6/1899", "year 1899 is outside 1900–2100"),
        ("Năm 2101", "year 2101 is outside 1900–2100"),
        ("Quý II", "organization.plan_year is not set"),
        ("Tháng 3", "organization.plan_year is not set"),
        ("Trước năm 2025", "'trước' is understood only before a day, a month or a quarter"),
        ("Trước 6 tháng đầu năm 2024", "'trước' is understood only before a day, a month or a quarter"),
        ("Trước tháng 13/2024", "month 13 does not exist"),
        ("Trước quý V/2024", "quarter V does not exist"),
        ("Hằng năm, ngày 30/2", "day 30/2 does not exist in any year"),
        ("Hằng năm, ngày 15/13", "month 13 does not exist"),
        ("Hằng tháng, ngày 32", "day 32 does not exist"),
        ("Trước ngày 1 hằng tháng", "'trước ngày 1' leaves no earlier day"),
        ("sometime soon", DeadlineExpressionParser.unrecognisedMessage),
        ("2024", "unrecognised deadline"),
        ("30/6-2024", "unrecognised deadline"),
        ("Ngày 30/6/2024 hoặc sớm hơn", "unrecognised deadline"),
        ("Hằng quý, ngày 15", "unrecognised deadline"),
        ("Thường xuyên,", "unrecognised deadline"),
        ("Quý II/2024/2025", "unrecognised deadline"),
        ("Hằng tháng (trước ngày 20", "unrecognised deadline"),
        ("Hằng năm, ngày 20", "unrecognised deadline"),
    ])
    func rejectedTextGivesASpecificMessage(text: String, fragment: String) throws {
        let error = try Self.rejected(text, planYear: nil)
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.text == text)
    }

    @Test(arguments: [
        ("Quý II", "2024-06-30"),
        ("Tháng 3", "2024-03-31"),
        ("T12", "2024-12-31"),
        ("Cả năm", "2024-12-31"),
        ("Trong năm", "2024-12-31"),
        ("Cuối tháng 5", "2024-05-31"),
        ("6 tháng đầu năm", "2024-06-30"),
        ("30/6", "2024-06-30"),
        ("Trước ngày 20/12", "2024-12-19"),
        ("29/2", "2024-02-29"),
    ])
    func yearLessFormTakesThePlanYearAndFailsWithoutIt(text: String, expected: String) throws {
        let expression = try Self.parsed(text, planYear: 2024)
        #expect(Self.summary(of: expression.kind) == expected)
        let error = try Self.rejected(text, planYear: nil)
        #expect(error.message.contains("no year and organization.plan_year is not set"))
    }

    @Test func yearLessDateThatDoesNotExistInThePlanYearNamesTheYear() throws {
        let error = try Self.rejected("29/2", planYear: 2023)
        #expect(error.message == "29/2 is not a date in 2023")
    }

    @Test func planYearOutsideTheSupportedRangeIsAnError() throws {
        let error = try Self.rejected("Quý II", planYear: 3000)
        #expect(error.message.contains("organization.plan_year 3000 is outside 1900–2100"))
    }

    @Test func writtenYearWinsOverThePlanYear() throws {
        let expression = try Self.parsed("Quý I/2023", planYear: 2024)
        #expect(Self.summary(of: expression.kind) == "2023-03-31")
    }

    @Test(arguments: ["  Quý II/2024. ", "Quy\u{0301} II/2024", "Hằng tháng,  trước ngày 20", "Thường xuyên"])
    func originalTextIsKeptScalarForScalar(text: String) throws {
        let expression = try Self.parsed(text, planYear: nil)
        // String == compares canonically; the scalars show nothing was normalised or trimmed.
        #expect(Array(expression.text.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func rejectedTextIsKeptScalarForScalar() throws {
        let text = "Tha\u{0301}ng 13/2024 "
        let error = try Self.rejected(text, planYear: nil)
        #expect(Array(error.text.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test(arguments: [
        ("Trước ngày 15/12/2024", true), ("Trước 15/12/2024", true), ("Trước tháng 6/2024", true),
        ("Trước quý III/2024", true), ("Hằng tháng, trước ngày 20", true), ("Trước ngày 20 hằng tháng", true),
        ("Hằng năm, trước ngày 15/12", true), ("Hằng quý, trước ngày 15 tháng cuối quý", true),
        ("15/12/2024", false), ("Chậm nhất ngày 15/12/2024", false), ("Tháng 6/2024", false),
        ("Hằng tháng, ngày 20", false), ("Hằng năm, ngày 15/12", false), ("Thường xuyên", false),
    ])
    func onlyBeforeFormsAreWrittenLimits(text: String, isLimit: Bool) throws {
        #expect(try Self.parsed(text, planYear: 2024).isWrittenLimit == isLimit)
    }

    @Test func aYearlyRecurrenceFallsOnItsDayEachYear() throws {
        let expression = try Self.parsed("Hằng năm, trước ngày 1/3", planYear: nil)
        guard case .recurring(let recurrence) = expression.kind else {
            Issue.record("expected a recurrence, got \(expression.kind)")
            return
        }
        let range = try #require(LocalDate(iso: "2023-01-01"))...#require(LocalDate(iso: "2025-12-31"))
        #expect(recurrence.occurrences(in: range).map(\.description) == ["2023-02-28", "2024-02-29", "2025-02-28"])
    }

    @Test func parsedRecurrenceYieldsItsDueDates() throws {
        let expression = try Self.parsed("Hằng tháng, trước ngày 20", planYear: nil)
        guard case .recurring(let recurrence) = expression.kind else {
            Issue.record("expected a recurrence, got \(expression.kind)")
            return
        }
        let range = try #require(LocalDate(iso: "2024-01-01"))...#require(LocalDate(iso: "2024-03-31"))
        #expect(recurrence.occurrences(in: range).map(\.description) == ["2024-01-19", "2024-02-19", "2024-03-19"])
    }

    /// Recombines fragments of real forms in a fixed pseudo-random order: every result must
    /// be a clean success or a failure with a message, never a crash.
    @Test func recombinedFragmentsNeverCrashAndAlwaysExplainFailures() {
        let fragments = [
            "Ngày", "ngày", "Trước", "trước", "Tháng", "T", "Quý", "năm", "Năm", "hằng", "Hàng", "tháng", "quý",
            "cuối", "đầu", "giữa", "Cả", "6", "20", "31", "02", "2024", "24", "99999999999999999999", "II", "IV",
            "V", "/", "-", "–", ".", ",", "(", ")", " ", "và", "Thường xuyên", "Theo", "yêu cầu", "đ", "\u{0301}",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 61) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += fragments[Int((state >> 33) % UInt64(fragments.count))]
            }
            switch DeadlineExpression.parse(text, planYear: 2024) {
            case .success(let expression):
                #expect(Array(expression.text.unicodeScalars) == Array(text.unicodeScalars))
            case .failure(let error):
                #expect(!error.message.isEmpty, "\(text)")
                #expect(Array(error.text.unicodeScalars) == Array(text.unicodeScalars))
            }
        }
    }

    static func parsed(_ text: String, planYear: Int?) throws -> DeadlineExpression {
        switch DeadlineExpression.parse(text, planYear: planYear) {
        case .success(let expression):
            return expression
        case .failure(let error):
            Issue.record("'\(text)' was rejected: \(error.message)")
            throw error
        }
    }

    static func rejected(_ text: String, planYear: Int?) throws -> DeadlineParseError {
        let result = DeadlineExpression.parse(text, planYear: planYear)
        guard case .failure(let error) = result else {
            throw UnexpectedSuccess(text: text, result: "\(result)")
        }
        return error
    }

    struct UnexpectedSuccess: Error, CustomStringConvertible {
        let text: String
        let result: String
        var description: String { "'\(text)' was accepted: \(result)" }
    }

    /// A compact spelling of a kind: the ISO date, "interval/day[/year]", "ongoing" or "on demand".
    static func summary(of kind: DeadlineExpression.Kind) -> String {
        switch kind {
        case .date(let date):
            return date.description
        case .recurring(let recurrence):
            let day =
                switch recurrence.day {
                case .last: "last"
                case .day(let n): "day \(n)"
                case .date(let day, let month): "\(day)/\(month)"
                }
            return "\(recurrence.interval.rawValue)/\(day)" + (recurrence.year.map { "/\($0)" } ?? "")
        case .ongoing:
            return "ongoing"
        case .onDemand:
            return "on demand"
        }
    }
}
