import Foundation
import Testing

@testable import NhacViec

@Suite struct InboxProcessorTests {
    /// A state directory in a fresh temp folder, with the clock the scans are given.
    final class Inbox {
        let root: URL
        let sink = MemorySink()
        let config: Config
        let processor: InboxProcessor
        /// Files are dropped with this modification time unless told otherwise.
        let dropped: Date

        init(language: MessageLanguage = .vietnamese) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("nhacviec-inbox-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            config = try IntakeTestSupport.config(language: language)
            let intake = SubmissionIntake(
                config: config, calendar: WorkingCalendar(rules: config.calendar.rules), sink: sink)
            processor = InboxProcessor(stateDirectory: root.path, intake: intake)
            try processor.prepare()
            // Made by the first scan; some tests put files there before it.
            for folder in [processor.archive, processor.rejected] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            }
            dropped = try IntakeTestSupport.at("2024-04-10T08:00:00+07:00")
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        var inbox: String { processor.inbox }

        func drop(_ name: String, _ data: Data, in directory: String? = nil, modified: Date? = nil) throws {
            let path = (directory ?? inbox) + "/" + name
            try data.write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: modified ?? dropped], ofItemAtPath: path)
        }

        func drop(fixture: String, as name: String? = nil) throws {
            try drop(name ?? fixture, IntakeTestSupport.fixture(fixture))
        }

        /// Scans at `now`, taking files modified up to two seconds before it.
        func scan(_ now: String) throws -> InboxSummary {
            let instant = try IntakeTestSupport.at(now)
            return try processor.process(now: instant, modifiedBefore: instant.addingTimeInterval(-2))
        }

        /// Relative path → contents of every regular file under the inbox.
        func files() throws -> [String: Data] {
            var result: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: inbox)
            while let relative = enumerator?.nextObject() as? String {
                let path = inbox + "/" + relative
                let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
                if type == .typeRegular {
                    result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
            return result
        }

        func text(_ relative: String) throws -> String {
            try String(contentsOfFile: inbox + "/" + relative, encoding: .utf8)
        }
    }

    static let resubmission = Data(
        """
        ---
        unit: phong-qldt
        report: monthly
        period: 2024-03
        tasks:
          - { id: II.3, status: done }
          - { id: VI.2, status: in_progress, progress: 80 }
        ---
        Bản sửa: tiến độ số hóa 80%.

        """.utf8)

    @Test func eachFileEndsUpInArchiveRejectedOrWaitsAndNothingIsLost() throws {
        let box = try Inbox()
        try box.drop(fixture: "good-monthly.md", as: "bao-cao-qldt.md")
        try box.drop(fixture: "good-minimal.yml")
        try box.drop(fixture: "unknown-unit.md")
        try box.drop(fixture: "not-utf8.md")
        try box.drop("bao-cao.pdf", Data("%PDF-1.7".utf8))
        try box.drop(".dang-soan.md", Data("unit: x".utf8))
        try box.drop("tai-len.md.part", Data("---\nunit:".utf8))
        try box.drop(
            "vua-xong.md", IntakeTestSupport.fixture("good-request.yaml"),
            modified: IntakeTestSupport.at("2024-04-10T08:59:59+07:00"))
        try FileManager.default.createDirectory(atPath: box.inbox + "/thu-muc-con", withIntermediateDirectories: false)
        let before = try box.files()

        let summary = try box.scan("2024-04-10T09:00:00+07:00")

        #expect(summary.accepted.map(\.fileName) == ["bao-cao-qldt.md", "good-minimal.yml"])
        #expect(summary.accepted.map(\.archivedAs) == ["bao-cao-qldt.md", "good-minimal.yml"])
        #expect(summary.rejected.map(\.fileName) == ["bao-cao.pdf", "not-utf8.md", "unknown-unit.md"])
        #expect(summary.rejected.map(\.error.code) == [.unsupportedType, .notUTF8, .invalid])
        #expect(summary.waiting == ["tai-len.md.part", "vua-xong.md"])
        #expect(summary.failed.isEmpty)
        #expect(box.sink.count == 2)

        let after = try box.files()
        #expect(
            Set(after.keys) == [
                ".dang-soan.md", "tai-len.md.part", "vua-xong.md",
                "archive/bao-cao-qldt.md", "archive/good-minimal.yml",
                "rejected/unknown-unit.md", "rejected/unknown-unit.md.error", "rejected/not-utf8.md",
                "rejected/not-utf8.md.error", "rejected/bao-cao.pdf", "rejected/bao-cao.pdf.error",
            ])
        // Every input still exists, byte for byte, under its own name in one of the three places.
        for (name, data) in before {
            let places = [name, "archive/\(name)", "rejected/\(name)"].filter { after[$0] == data }
            #expect(places.count == 1, "\(name) found at \(places)")
        }
        #expect(FileManager.default.fileExists(atPath: box.inbox + "/thu-muc-con"))
    }

    /// several-problems.md (as bao-cao.md), a YAML syntax error and a PDF, rejected at 09:00 on 10/04/2024;
    /// returns the inbox and the lines of bao-cao.md's notice.
    private func rejectThree(_ language: MessageLanguage) throws -> (Inbox, [String]) {
        let box = try Inbox(language: language)
        try box.drop(fixture: "several-problems.md", as: "bao-cao.md")
        try box.drop(fixture: "yaml-syntax-error.md")
        try box.drop("bao-cao.pdf", Data("%PDF-1.4".utf8))
        _ = try box.scan("2024-04-10T09:00:00+07:00")
        let lines = try box.text("rejected/bao-cao.md.error").split(separator: "\n", omittingEmptySubsequences: false)
        return (box, lines.map(String.init))
    }

    @Test func theErrorFileExplainsInVietnameseThenListsEveryIssue() throws {
        let (box, lines) = try rejectThree(.vietnamese)
        #expect(
            lines.first
                == "Không tiếp nhận tệp “bao-cao.md” (nhận lúc 09:00 ngày 10/04/2024): báo cáo có 5 lỗi; "
                + "đề nghị sửa theo các lỗi dưới đây rồi gửi lại.")
        #expect(lines[1].isEmpty)
        #expect(
            Array(lines[2...]) == [
                "bao-cao.md:6:41: error: tasks[0].progress: -5 nằm ngoài khoảng cho phép (0…100)",
                "bao-cao.md:7:5: error: tasks[1].status: thiếu mục bắt buộc 'status'",
                "bao-cao.md:8:5: error: tasks[2]: phải là một nhóm mục (khóa: giá trị), không phải 'II.3 xong'",
                "bao-cao.md:9:16: error: difficulties[0]: phải là văn bản, không phải một danh sách",
                "bao-cao.md:10:12: error: proposals: không được để trống",
                "",
            ])
        let syntax = try box.text("rejected/yaml-syntax-error.md.error")
        #expect(
            syntax.hasPrefix(
                "Không tiếp nhận tệp “yaml-syntax-error.md” (nhận lúc 09:00 ngày 10/04/2024): phần thông tin đầu báo cáo (YAML) viết sai cú pháp"
            ))
        #expect(
            syntax.contains(
                "\nyaml-syntax-error.md:7:13: error: difficulties: YAML sai cú pháp: did not find expected ',' or '}'\n"
            ))
        let pdf = try box.text("rejected/bao-cao.pdf.error")
        #expect(
            pdf.hasPrefix(
                "Không tiếp nhận tệp “bao-cao.pdf” (nhận lúc 09:00 ngày 10/04/2024): chỉ nhận báo cáo dạng Markdown (.md, .markdown)"
            ))
        #expect(pdf.contains("\nbao-cao.pdf: error: loại tệp không được nhận"))
    }

    @Test func withLanguageEnTheErrorFileIsInEnglishWithTheSamePlaces() throws {
        let (box, lines) = try rejectThree(.english)
        #expect(
            lines.first
                == "The file “bao-cao.md” was not accepted (received at 09:00 on 10/04/2024): the report has 5 error(s); "
                + "please correct them as shown below and send it again.")
        #expect(
            Array(lines[2...]) == [
                "bao-cao.md:6:41: error: tasks[0].progress: -5 is out of range (0…100)",
                "bao-cao.md:7:5: error: tasks[1].status: missing required key 'status'",
                "bao-cao.md:8:5: error: tasks[2]: expected a mapping (key: value), found 'II.3 xong'",
                "bao-cao.md:9:16: error: difficulties[0]: expected text, found a list",
                "bao-cao.md:10:12: error: proposals: must not be empty",
                "",
            ])
        let pdf = try box.text("rejected/bao-cao.pdf.error")
        #expect(
            pdf.hasPrefix("The file “bao-cao.pdf” was not accepted (received at 09:00 on 10/04/2024): only Markdown"))
        #expect(pdf.contains("\nbao-cao.pdf: error: unsupported file type"))
    }

    @Test func theSameContentTwiceIsRecordedOnceAndArchivedTwice() throws {
        let box = try Inbox()
        try box.drop(fixture: "good-monthly.md", as: "bao-cao.md")
        let first = try box.scan("2024-04-10T09:00:00+07:00")
        try box.drop(fixture: "good-monthly.md", as: "bao-cao.md")
        let second = try box.scan("2024-04-11T09:00:00+07:00")

        #expect(first.accepted.first?.receipt.outcome == .recorded)
        let repeated = try #require(second.accepted.first)
        #expect(
            repeated.receipt.outcome == .unchanged(recordedAt: try IntakeTestSupport.at("2024-04-10T09:00:00+07:00")))
        #expect(repeated.archivedAs == "bao-cao-1.md")
        #expect(box.sink.recorded(.monthlyReport(unit: "phong-qldt"), "2024-03").count == 1)
        #expect(repeated.receipt.summary.contains("trùng nội dung với báo cáo đã nhận lúc 09:00 ngày 10/04/2024"))
        #expect(try Set(box.files().keys) == ["archive/bao-cao.md", "archive/bao-cao-1.md"])
    }

    @Test func aResubmissionReplacesTheEarlierOneAndSaysSo() throws {
        let box = try Inbox()
        try box.drop(fixture: "good-monthly.md", as: "bao-cao.md")
        _ = try box.scan("2024-04-10T09:00:00+07:00")
        try box.drop("bao-cao-sua.md", Self.resubmission)
        let summary = try box.scan("2024-04-12T14:30:00+07:00")

        let receipt = try #require(summary.accepted.first?.receipt)
        #expect(receipt.outcome == .replaced(previousReceivedAt: try IntakeTestSupport.at("2024-04-10T09:00:00+07:00")))
        #expect(
            receipt.summary
                == "Đã nhận “Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3/2024” của Phòng Quản lý "
                + "đầu tư (bao-cao-sua.md) lúc 14:30 ngày 12/04/2024: chậm 25 ngày (hạn 18/03/2024); "
                + "thay thế báo cáo đã nhận lúc 09:00 ngày 10/04/2024.")
        let history = box.sink.recorded(.monthlyReport(unit: "phong-qldt"), "2024-03")
        #expect(history.map(\.sourceName) == ["bao-cao.md", "bao-cao-sua.md"])
        #expect(history.last?.tasks.last?.progress == 80)
        #expect(summary.logLines.first?.hasPrefix("bao-cao-sua.md → archive/bao-cao-sua.md: Đã nhận") == true)
    }

    @Test func filesAreTakenOldestFirstSoTheLaterOfTwoReportsIsCurrent() throws {
        let box = try Inbox()
        // The correction's name sorts first ('-' < '.'), but it was written later.
        try box.drop(
            "bao-cao.md", IntakeTestSupport.fixture("good-monthly.md"),
            modified: IntakeTestSupport.at("2024-04-10T08:00:00+07:00"))
        try box.drop("bao-cao-sua.md", Self.resubmission, modified: IntakeTestSupport.at("2024-04-10T08:30:00+07:00"))
        let summary = try box.scan("2024-04-10T09:00:00+07:00")

        #expect(summary.accepted.map(\.fileName) == ["bao-cao.md", "bao-cao-sua.md"])
        let history = box.sink.recorded(.monthlyReport(unit: "phong-qldt"), "2024-03")
        #expect(history.map(\.sourceName) == ["bao-cao.md", "bao-cao-sua.md"])
    }

    @Test func aTakenNameGetsANumericSuffixAndTheOldFileIsUntouched() throws {
        let box = try Inbox()
        let older = Data("báo cáo cũ".utf8)
        try box.drop("bao-cao.md", older, in: box.processor.archive)
        try box.drop("bao-cao-1.md", older, in: box.processor.archive)
        try box.drop("sai.md", older, in: box.processor.rejected)
        try box.drop("khac.md.error", older, in: box.processor.rejected)
        try box.drop(fixture: "good-monthly.md", as: "bao-cao.md")
        try box.drop(fixture: "unknown-unit.md", as: "sai.md")
        try box.drop(fixture: "unknown-task.md", as: "khac.md")

        let summary = try box.scan("2024-04-10T09:00:00+07:00")

        #expect(summary.accepted.map(\.archivedAs) == ["bao-cao-2.md"])
        // sai.md is taken; khac.md is free but khac.md.error is not, so both go to -1.
        #expect(summary.rejected.map(\.rejectedAs) == ["khac-1.md", "sai-1.md"])
        let files = try box.files()
        #expect(files["archive/bao-cao.md"] == older)
        #expect(files["archive/bao-cao-1.md"] == older)
        #expect(files["rejected/sai.md"] == older)
        #expect(files["rejected/khac.md.error"] == older)
        #expect(files["archive/bao-cao-2.md"] == (try IntakeTestSupport.fixture("good-monthly.md")))
        #expect(try box.text("rejected/sai-1.md.error").contains("sai.md:2:7: error: unit: không có đơn vị"))
        #expect(files["rejected/khac-1.md.error"] != nil)
        #expect(files["rejected/khac.md"] == nil)
    }

    @Test func aFileTooFreshWaitsForALaterScan() throws {
        let box = try Inbox()
        try box.drop(
            "bao-cao.md", IntakeTestSupport.fixture("good-monthly.md"),
            modified: IntakeTestSupport.at("2024-04-10T08:59:58.500+07:00"))
        let early = try box.scan("2024-04-10T09:00:00+07:00")
        #expect(early.waiting == ["bao-cao.md"])
        #expect(early.accepted.isEmpty)
        #expect(box.sink.count == 0)
        #expect(FileManager.default.fileExists(atPath: box.inbox + "/bao-cao.md"))

        let later = try box.scan("2024-04-10T09:01:00+07:00")
        #expect(later.waiting.isEmpty)
        #expect(later.accepted.map(\.archivedAs) == ["bao-cao.md"])
    }

    @Test func whenTheSinkFailsTheFileStaysForTheNextScan() throws {
        let box = try Inbox()
        try box.drop(fixture: "good-monthly.md", as: "bao-cao.md")
        box.sink.failing = true
        let failed = try box.scan("2024-04-10T09:00:00+07:00")
        #expect(failed.failed.map(\.fileName) == ["bao-cao.md"])
        #expect(failed.failed.first?.reason == "could not record: database is locked")
        #expect(failed.accepted.isEmpty && failed.rejected.isEmpty)
        #expect(try Set(box.files().keys) == ["bao-cao.md"])
        #expect(failed.logLines == ["bao-cao.md: để lại trong inbox, sẽ thử lại: could not record: database is locked"])

        box.sink.failing = false
        let retried = try box.scan("2024-04-10T09:01:00+07:00")
        #expect(retried.accepted.first?.receipt.outcome == .recorded)
        #expect(try Set(box.files().keys) == ["archive/bao-cao.md"])
    }

    /// The sink runs first: a crash before the move leaves the file, and taking it again records nothing new.
    @Test func aFileRecordedButNotMovedIsTakenAgainWithoutADuplicate() throws {
        let box = try Inbox()
        try box.drop(fixture: "good-monthly.md", as: "bao-cao.md")
        let receivedAt = try IntakeTestSupport.at("2024-04-10T09:00:00+07:00")
        _ = try box.processor.intake.receive(contentsOf: box.inbox + "/bao-cao.md", receivedAt: receivedAt)
        #expect(box.sink.count == 1)

        let summary = try box.scan("2024-04-11T09:05:00+07:00")
        #expect(summary.accepted.first?.receipt.outcome == .unchanged(recordedAt: receivedAt))
        // Lateness counts from the first receipt (due 18/03), not from this scan.
        #expect(summary.accepted.first?.receipt.daysLate == 23)
        #expect(box.sink.count == 1)
        #expect(try Set(box.files().keys) == ["archive/bao-cao.md"])
    }

    @Test func aSymbolicLinkIsRejectedAsItselfWithoutFollowingIt() throws {
        let box = try Inbox()
        let outside = box.root.appendingPathComponent("ngoai.md")
        let content = try IntakeTestSupport.fixture("good-monthly.md")
        try content.write(to: outside)
        try FileManager.default.createSymbolicLink(
            atPath: box.inbox + "/lien-ket.md", withDestinationPath: outside.path)
        // A link's own time is when it was made (now, really): give the scan a cutoff after it.
        let now = try IntakeTestSupport.at("2024-04-10T09:00:00+07:00")
        let summary = try box.processor.process(now: now, modifiedBefore: Date.distantFuture)

        #expect(summary.rejected.map(\.rejectedAs) == ["lien-ket.md"])
        #expect(box.sink.count == 0)
        let moved = try FileManager.default.destinationOfSymbolicLink(atPath: box.processor.rejected + "/lien-ket.md")
        #expect(moved == outside.path)
        #expect(try Data(contentsOf: outside) == content)
        #expect(try box.text("rejected/lien-ket.md.error").contains("lien-ket.md: error: là liên kết tượng trưng"))
    }

    @Test func anOversizedFileIsRejectedWithoutBeingRead() throws {
        let box = try Inbox()
        let path = box.inbox + "/khong-lo.md"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(SubmissionParser.maximumSize) + 1)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: box.dropped], ofItemAtPath: path)

        let summary = try box.scan("2024-04-10T09:00:00+07:00")
        #expect(summary.rejected.map(\.error.code) == [.tooLarge])
        #expect(
            try box.text("rejected/khong-lo.md.error").hasPrefix(
                "Không tiếp nhận tệp “khong-lo.md” (nhận lúc 09:00 ngày 10/04/2024): tệp quá lớn"))
    }

    @Test func anOnTimeReportSaysSoInTheLog() throws {
        let box = try Inbox()
        try box.drop(
            "tc.yml", IntakeTestSupport.fixture("good-minimal.yml"),
            modified: IntakeTestSupport.at("2024-03-18T15:00:00+07:00"))
        let summary = try box.scan("2024-03-18T16:00:00+07:00")
        #expect(
            summary.logLines == [
                "tc.yml → archive/tc.yml: Đã nhận “Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3/2024” "
                    + "của Phòng Tổ chức (tc.yml) lúc 16:00 ngày 18/03/2024: đúng hạn (hạn 18/03/2024)."
            ])
    }

    @Test func aMissingInboxIsCreated() throws {
        let box = try Inbox()
        try FileManager.default.removeItem(atPath: box.inbox)
        let summary = try box.scan("2024-04-10T09:00:00+07:00")
        #expect(summary.isEmpty)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: box.processor.rejected, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
    }

    @Test(arguments: [
        ("bao-cao.md", 0, "bao-cao.md"), ("bao-cao.md", 1, "bao-cao-1.md"), ("bc.2024.yaml", 2, "bc.2024-2.yaml"),
        ("README", 3, "README-3"),
    ])
    func suffixesGoBeforeTheExtension(_ name: String, _ n: Int, _ expected: String) {
        #expect(InboxFiles.candidate(name, n) == expected)
    }
}

/// The inbox never follows a symbolic link, fits every name it makes, and takes
/// files as DESIGN §7 says (issue 9: items 2, 14, 15, 16).
@Suite struct InboxSafetyTests {
    typealias Inbox = InboxProcessorTests.Inbox

    @Test func everyRegularFilePresentIsTakenWhenNoFreshnessGuardIsGiven() throws {
        let box = try Inbox()
        // Written this very moment, as a file dropped just before `run --once`.
        try IntakeTestSupport.fixture("good-minimal.yml").write(to: URL(fileURLWithPath: box.inbox + "/moi.yml"))
        let summary = try box.processor.process(now: IntakeTestSupport.at("2024-04-10T09:00:00+07:00"))
        #expect(summary.accepted.map(\.fileName) == ["moi.yml"])
        #expect(summary.waiting.isEmpty)
    }

    @Test func aFileReportedClosedIsTakenAtOnceAndAnotherFreshOneWaits() throws {
        let box = try Inbox()
        for name in ["xong.yml", "dang-ghi.yml"] {
            try IntakeTestSupport.fixture("good-minimal.yml").write(to: URL(fileURLWithPath: box.inbox + "/" + name))
        }
        let summary = try box.processor.process(
            now: IntakeTestSupport.at("2024-04-10T09:00:00+07:00"), modifiedBefore: Date().addingTimeInterval(-2),
            closed: ["xong.yml"])
        #expect(summary.accepted.map(\.fileName) == ["xong.yml"])
        #expect(summary.waiting == ["dang-ghi.yml"])
    }

    /// The listing saw a regular file; by the time it is opened it is a link to a report
    /// outside the state dir. It is rejected as a link and the outside file is never read.
    @Test func aFileSwappedForASymbolicLinkAfterTheListingIsNeverReadThrough() throws {
        let box = try Inbox()
        let path = box.inbox + "/bao-cao.md"
        try IntakeTestSupport.fixture("good-monthly.md").write(to: URL(fileURLWithPath: path))
        var listed = stat()
        #expect(lstat(path, &listed) == 0)
        let outside = box.root.appendingPathComponent("bi-mat.md")
        try IntakeTestSupport.fixture("good-monthly.md").write(to: outside)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: outside.path)

        let folders = try InboxProcessor.Folders(inbox: box.inbox)
        var summary = InboxSummary()
        box.processor.process(
            "bao-cao.md", info: listed, folders: folders, now: box.dropped, wait: false, into: &summary)

        #expect(box.sink.count == 0)
        #expect(summary.accepted.isEmpty)
        #expect(summary.rejected.map(\.error.code) == [.unsupportedType])
        #expect(try box.text("rejected/bao-cao.md.error").contains("bao-cao.md: error: là liên kết tượng trưng"))
    }

    @Test(arguments: ["archive", "rejected"])
    func aSymlinkedSubFolderIsRefusedAndNothingIsWrittenOutside(_ folder: String) throws {
        let box = try Inbox()
        let outside = box.root.appendingPathComponent("ngoai")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: false)
        try? FileManager.default.removeItem(atPath: box.inbox + "/" + folder)
        try FileManager.default.createSymbolicLink(atPath: box.inbox + "/" + folder, withDestinationPath: outside.path)
        try box.drop(fixture: "good-minimal.yml")
        try box.drop(fixture: "unknown-unit.md")

        let error = try #require(throws: InboxError.self) { try box.scan("2024-04-10T09:00:00+07:00") }
        #expect(error.description.contains("\(folder): is a symbolic link or not a folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(box.sink.count == 0)
        #expect(FileManager.default.fileExists(atPath: box.inbox + "/good-minimal.yml"))
    }

    @Test func aSymlinkedInboxIsRefused() throws {
        let box = try Inbox()
        let outside = box.root.appendingPathComponent("ngoai")
        try FileManager.default.moveItem(atPath: box.inbox, toPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: box.inbox, withDestinationPath: outside.path)
        #expect(throws: InboxError.self) { try box.scan("2024-04-10T09:00:00+07:00") }
    }

    @Test(arguments: [250, 251, 253, 255])
    func aRejectedFileWithALongNameGetsANoticeThatFitsAndIsHandledOnce(_ length: Int) throws {
        let box = try Inbox()
        let name = String(repeating: "b", count: length - 3) + ".md"
        try box.drop(name, Data("---\nunit: phong-khong-co\nreport: monthly\nperiod: 2024-03\n---\n".utf8))

        let first = try box.scan("2024-04-10T09:00:00+07:00")
        let rejectedAs = try #require(first.rejected.first?.rejectedAs)
        #expect(first.failed.isEmpty)
        #expect((rejectedAs + ".error").utf8.count <= 255)
        #expect(rejectedAs.hasPrefix("bbbbbbbbbb") && rejectedAs.hasSuffix(".md"))
        #expect(try box.text("rejected/\(rejectedAs).error").contains("không có đơn vị 'phong-khong-co'"))

        let second = try box.scan("2024-04-10T09:05:00+07:00")
        #expect(second.isEmpty)
        #expect(try Set(box.files().keys) == ["rejected/\(rejectedAs)", "rejected/\(rejectedAs).error"])
    }

    @Test func twoLongNamesThatShareTheirStartStayApart() {
        let stem = String(repeating: "Báo cáo ", count: 40)
        let a = InboxFiles.fitted(stem + "A.md", reserve: 6)
        let b = InboxFiles.fitted(stem + "B.md", reserve: 6)
        #expect(a != b)
        #expect(a.utf8.count + 6 + InboxFiles.suffixRoom <= 255)
        #expect(a.hasSuffix(".md") && a.hasPrefix("Báo cáo"))
        #expect(InboxFiles.fitted("bao-cao.md", reserve: 6) == "bao-cao.md")
    }

    @Test func aFileNameWithControlCharactersIsEscapedInTheLogAndTheNotice() throws {
        let box = try Inbox()
        let name = "gia\nmao\u{1B}[31m.md"
        try box.drop(name, Data("---\nunit: phong-khong-co\nreport: monthly\nperiod: 2024-03\n---\n".utf8))
        let summary = try box.scan("2024-04-10T09:00:00+07:00")
        let line = try #require(summary.logLines.first)
        #expect(!line.contains("\n") && !line.contains("\u{1B}"))
        #expect(line.hasPrefix("gia\\nmao\\u{1B}[31m.md → rejected/"))
        let notice = try box.text("rejected/\(name).error")
        #expect(notice.hasPrefix("Không tiếp nhận tệp “gia\\nmao\\u{1B}[31m.md”"))
        #expect(notice.contains("\ngia\\nmao\\u{1B}[31m.md:"))
    }
}
