import Foundation
import Testing

@testable import NhacViec

@Suite struct SubmissionParserTests {
    static let receivedAt = "2024-04-10T09:00:00+07:00"

    private func parse(_ name: String) throws -> Submission {
        let config = try IntakeTestSupport.config()
        return try SubmissionParser.parse(
            data: IntakeTestSupport.fixture(name), fileName: name, config: config,
            receivedAt: IntakeTestSupport.at(Self.receivedAt))
    }

    private func parse(text: String, fileName: String = "bao-cao.md", language: MessageLanguage = .vietnamese)
        throws -> Submission
    {
        try SubmissionParser.parse(
            text: text, fileName: fileName, config: IntakeTestSupport.config(language: language),
            receivedAt: IntakeTestSupport.at(Self.receivedAt))
    }

    @Test func theDesignExampleGivesEveryFieldAndKeepsTheBody() throws {
        let submission = try parse("good-monthly.md")
        #expect(submission.unit == "phong-qldt")
        #expect(submission.report == "monthly")
        #expect(submission.period == "2024-03")
        #expect(
            submission.tasks == [
                TaskUpdate(id: "II.3", status: .done, note: "Đã ban hành QĐ số 45/QĐ-BQL ngày 12/3/2024"),
                TaskUpdate(id: "VI.2", status: .inProgress, progress: 60),
            ])
        #expect(submission.difficulties == ["Chưa có hướng dẫn của Sở Nội vụ về việc số hóa hồ sơ"])
        #expect(submission.proposals == ["Đề nghị Sở Thông tin và Truyền thông hỗ trợ kết nối"])
        #expect(
            submission.body == "Kết quả nổi bật trong tháng: hoàn thành rà soát văn bản.\n\n- Đã số hóa 60% hồ sơ.\n")
        #expect(submission.sourceName == "good-monthly.md")
        #expect(submission.receivedAt == (try IntakeTestSupport.at(Self.receivedAt)))
    }

    @Test func plainYAMLAnswersARequestWithMultiLineNoteAndASingleDifficulty() throws {
        let submission = try parse("good-request.yaml")
        #expect(submission.report == "bc-ddci")
        #expect(submission.period == nil)
        #expect(submission.tasks == [TaskUpdate(id: "VI.2", status: .blocked, note: "Chờ kinh phí.\nDự kiến tháng 6.")])
        #expect(submission.difficulties == ["Thiếu nhân lực chuyên trách"])
        #expect(submission.proposals.isEmpty)
        #expect(submission.body.isEmpty)
    }

    @Test func aSupportingUnitMayReportOnTheTaskItSupports() throws {
        let submission = try parse(
            text: "unit: van-phong\nreport: bc-ddci\ntasks:\n  - { id: II.3, status: in_progress }\n",
            fileName: "bao-cao.yaml")
        #expect(submission.tasks == [TaskUpdate(id: "II.3", status: .inProgress)])
    }

    @Test(arguments: [
        (
            MessageLanguage.vietnamese,
            "bao-cao.yaml:4:11: error: tasks[0].id: nhiệm vụ 'VI.2' không phải của đơn vị 'van-phong' (đơn vị chủ trì: 'phong-qldt'; nhiệm vụ của đơn vị: II.3); tình trạng các nhiệm vụ khác do Văn phòng cập nhật"
        ),
        (
            .english,
            "bao-cao.yaml:4:11: error: tasks[0].id: task 'VI.2' is not one of unit 'van-phong' (led by 'phong-qldt'; its tasks: II.3); the Office records other tasks' status"
        ),
    ])
    func aTaskLineOfAnotherUnitNamesTheUnitsOwnTasks(_ language: MessageLanguage, _ expected: String) throws {
        let error = try #require(throws: SubmissionError.self) {
            try parse(
                text: "unit: van-phong\nreport: bc-ddci\ntasks:\n  - { id: VI.2, status: done }\n",
                fileName: "bao-cao.yaml", language: language)
        }
        #expect(error.issues.map(\.description) == [expected])
    }

    @Test func aReportWithoutTaskLinesIsAccepted() throws {
        let submission = try parse("good-minimal.yml")
        #expect(submission.unit == "phong-tc")
        #expect(submission.period == "2024-03")
        #expect(submission.tasks.isEmpty)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreRead() throws {
        let submission = try parse("good-crlf-bom.md")
        #expect(submission.tasks == [TaskUpdate(id: "II.3", status: .done)])
        #expect(submission.body == "Xong.\r\n")
    }

    @Test func decomposedVietnameseComesOutNFC() throws {
        let decomposed = "Đã ban hành quyết định".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count != "Đã ban hành quyết định".unicodeScalars.count)
        let submission = try parse(
            text: """
                ---
                unit: phong-qldt
                report: monthly
                period: 2024-03
                tasks:
                  - { id: II.3, status: done, note: "\(decomposed)" }
                difficulties: \(decomposed)
                ---
                \(decomposed)
                """)
        let nfc = "Đã ban hành quyết định"
        #expect(submission.tasks.first?.note?.unicodeScalars.elementsEqual(nfc.unicodeScalars) == true)
        #expect(submission.difficulties.first?.unicodeScalars.elementsEqual(nfc.unicodeScalars) == true)
        #expect(submission.body.unicodeScalars.elementsEqual(nfc.unicodeScalars))
    }

    @Test func aBodyThatLooksLikeFrontMatterIsKeptAsWritten() throws {
        let submission = try parse(
            text: "---\nunit: phong-qldt\nreport: monthly\nperiod: 2024-03\n---\n\n---\nunit: x\n---\n")
        #expect(submission.unit == "phong-qldt")
        #expect(submission.body == "\n---\nunit: x\n---\n")
    }

    static let badFixtures = [
        "unknown-unit.md", "unknown-task.md", "task-of-another-unit.md", "crlf-unknown-task.md", "bad-status.md",
        "progress-150.md",
        "progress-not-number.yaml", "period-missing.md", "period-bad-form.md", "period-not-begun.md",
        "period-outside-plan-year.md", "period-on-request.yaml", "unknown-report.yaml", "request-without-date.yaml",
        "unit-not-asked.yaml", "unknown-key.md", "duplicate-key.md", "duplicate-task.md", "yaml-syntax-error.md",
        "unclosed-front-matter.md", "no-front-matter.md", "empty-front-matter.md", "several-problems.md",
        "missing-unit-and-report.yaml", "not-utf8.md", "difficulty-bad-entries.md", "difficulty-report-bad.yaml",
    ]

    @Test func aDifficultyReportRaisesTextsAndTextsWithTheirTaskAtAnyTime() throws {
        let submission = try parse("good-difficulty-report.yaml")
        #expect(submission.report == "difficulty")
        #expect(submission.isDifficultyReport)
        #expect(submission.period == nil)
        #expect(
            submission.difficultyEntries == [
                DifficultyEntry(text: "Chưa có hướng dẫn của Sở Nội vụ"),
                DifficultyEntry(text: "Thiếu kinh phí số hóa", task: "II.3"),
            ])
        #expect(submission.difficulties == ["Chưa có hướng dẫn của Sở Nội vụ", "Thiếu kinh phí số hóa"])
    }

    /// Each fixture lists its issues as `# expect: L:C fragment` (English, `language: en`)
    /// and `# expect-vi: L:C fragment` (Vietnamese, the default), in lines of the original
    /// file: the same places in both languages, only the words differ.
    @Test(arguments: badFixtures, [MessageLanguage.english, .vietnamese])
    func aBadFileReportsEveryIssueAtItsLineAndColumn(_ name: String, _ language: MessageLanguage) throws {
        let data = try IntakeTestSupport.fixture(name)
        let marker = language == .english ? "# expect: " : "# expect-vi: "
        let expected = IntakeTestSupport.expectations(in: data, marker: marker)
        try #require(!expected.isEmpty, "\(name) has no '\(marker)' lines")
        let english = IntakeTestSupport.expectations(in: data)
        #expect(expected.map { "\($0.line):\($0.column)" } == english.map { "\($0.line):\($0.column)" })
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                data: data, fileName: name, config: IntakeTestSupport.config(language: language),
                receivedAt: IntakeTestSupport.at(Self.receivedAt))
        }
        let lines = error.issues.map(\.description)
        #expect(lines.count == expected.count, "\(lines)")
        for expectation in expected {
            let prefix = "\(name):\(expectation.line):\(expectation.column): error: "
            #expect(
                lines.contains { $0.hasPrefix(prefix) && $0.contains(expectation.fragment) },
                "missing \(prefix)…\(expectation.fragment) in \(lines)")
        }
        #expect(error.exitStatus == .dataError)
    }

    @Test(arguments: [
        ("yaml-syntax-error.md", SubmissionError.Code.syntax), ("duplicate-key.md", .syntax),
        ("unclosed-front-matter.md", .syntax), ("not-utf8.md", .notUTF8), ("unknown-unit.md", .invalid),
    ])
    func errorsAreClassified(_ name: String, _ code: SubmissionError.Code) throws {
        let error = try #require(throws: SubmissionError.self) { try parse(name) }
        #expect(error.code == code)
    }

    @Test func anotherFileTypeIsRejectedBeforeReadingIt() throws {
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                data: Data([0xFF, 0xD8, 0xFF]), fileName: "bao-cao.jpg", config: IntakeTestSupport.config(),
                receivedAt: IntakeTestSupport.at(Self.receivedAt))
        }
        #expect(error.code == .unsupportedType)
        #expect(error.description.hasPrefix("bao-cao.jpg: error: loại tệp không được nhận"))
    }

    @Test func extensionsAreComparedWithoutCase() throws {
        let submission = try parse(text: "unit: phong-qldt\nreport: monthly\nperiod: 2024-03\n", fileName: "BC.YML")
        #expect(submission.unit == "phong-qldt")
        #expect(SubmissionFormat(fileName: "Bao-Cao.MarkDown") == .markdown)
        #expect(SubmissionFormat(fileName: ".md") == nil)
        #expect(SubmissionFormat(fileName: "md") == nil)
    }

    @Test func anOversizedFileIsRejected() throws {
        let data = Data(repeating: 0x20, count: SubmissionParser.maximumSize + 1)
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                data: data, fileName: "to.md", config: IntakeTestSupport.config(),
                receivedAt: IntakeTestSupport.at(Self.receivedAt))
        }
        #expect(error.code == .tooLarge)
    }

    @Test func aMissingFileIsAnIOError() throws {
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                contentsOf: "/nonexistent/bao-cao.md", config: IntakeTestSupport.config(),
                receivedAt: IntakeTestSupport.at(Self.receivedAt))
        }
        #expect(error.code == .unreadable)
        #expect(error.exitStatus == .ioError)
        #expect(error.description == "/nonexistent/bao-cao.md: error: không có tệp này")
        let english = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                contentsOf: "/nonexistent/bao-cao.md", config: IntakeTestSupport.config(language: .english),
                receivedAt: IntakeTestSupport.at(Self.receivedAt))
        }
        #expect(english.description == "/nonexistent/bao-cao.md: error: no such file")
    }

    @Test func aFileIsReadFromItsPathAndNamedByItsLastComponent() throws {
        let submission = try SubmissionParser.parse(
            contentsOf: IntakeTestSupport.fixtures.appendingPathComponent("good-monthly.md").path,
            config: IntakeTestSupport.config(), receivedAt: IntakeTestSupport.at(Self.receivedAt))
        #expect(submission.sourceName == "good-monthly.md")
    }

    @Test func issuesOfAFileReadFromAPathNameThePathAsGiven() throws {
        let path = IntakeTestSupport.fixtures.appendingPathComponent("unknown-unit.md").path
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                contentsOf: path, config: IntakeTestSupport.config(),
                receivedAt: IntakeTestSupport.at(Self.receivedAt))
        }
        #expect(error.issues.map(\.file) == [path])
        #expect(error.description.hasPrefix("\(path):2:7: error: unit: không có đơn vị"))
    }

    @Test func theContentKeyIgnoresWhenAndUnderWhichNameAFileCame() throws {
        let first = try parse("good-monthly.md")
        var second = first
        second.receivedAt = first.receivedAt.addingTimeInterval(86_400)
        second.sourceName = "bao-cao-lai.md"
        #expect(first.contentKey == second.contentKey)
        second.tasks[1].progress = 70
        #expect(first.contentKey != second.contentKey)
        var third = first
        third.body += " "
        #expect(first.contentKey != third.contentKey)
    }
}

/// Hostile values and names stay short and printable in messages (issue 9 #16).
@Suite struct SubmissionMessageSafetyTests {
    @Test func aHugeValueIsQuotedAtMostEightyCharactersLong() throws {
        let id = "phong-" + String(repeating: "x", count: 2_600_000)
        let error = try #require(throws: SubmissionError.self) {
            try SubmissionParser.parse(
                text: "unit: \(id)\nreport: monthly\nperiod: 2024-03\n", fileName: "bc.yaml",
                config: IntakeTestSupport.config(), receivedAt: IntakeTestSupport.at("2024-04-10T09:00:00+07:00"))
        }
        let text = error.description
        #expect(text.count < 600, "\(text.count) characters")
        #expect(text.contains("không có đơn vị 'phong-xxxx"))
        #expect(text.contains("…"))
    }

    @Test(arguments: [
        ("short", "short"), (String(repeating: "a", count: 80), String(repeating: "a", count: 80)),
        ("tab\there", "tab\\there"), ("line\nbreak", "line\\nbreak"), ("esc\u{1B}[2J", "esc\\u{1B}[2J"),
        ("bidi\u{202E}txt", "bidi\\u{202E}txt"),
    ])
    func controlCharactersAreEscapedAndShortValuesKept(_ value: String, _ shown: String) {
        #expect(DisplayText.elided(DisplayText.escaped(value)) == shown)
    }

    @Test func aLongValueKeepsItsStartAndEnd() {
        let value = String(repeating: "a", count: 100) + ".md"
        let shown = DisplayText.elided(value)
        #expect(shown.count == DisplayText.quoteLimit)
        #expect(shown.hasPrefix("aaaa") && shown.hasSuffix("a.md") && shown.contains("…"))
    }
}
