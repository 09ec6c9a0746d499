import Foundation
import NhacViecTestSupport
import Testing

/// `nhacviec run --once` end to end: real binary, real SQLite, real servers.
@Suite struct DaemonOnceTests {
    @Test func successiveInstantsSendExactlyTheDueStepsAndARepeatSendsNothing() throws {
        let fixture = try DaemonFixture()
        // Fri 22/03 08:00: before-5wd.
        #expect(try fixture.runOnce("2024-03-22T08:00:00+07:00").status == 0)
        var files = fixture.outboxFiles()
        try #require(files.count == 1)
        let first = try ParsedEmail.parse(file: files[0])
        #expect(first.message_id?.contains("before-5wd") == true)
        #expect(first.to.map(\.address) == ["qldt@example.gov.vn"])
        #expect(first.cc.map(\.address) == ["tc@example.gov.vn"])
        #expect(first.subject?.hasPrefix("[Nhắc việc] ") == true)
        #expect(first.subject?.contains("Rà soát văn bản quy phạm pháp luật") == true)

        // The same instant again: nothing new.
        #expect(try fixture.runOnce("2024-03-22T08:00:00+07:00").status == 0)
        #expect(fixture.outboxFiles().count == 1)

        // Thu 28/03 08:00: before-1wd. Fri 29/03 08:00: due.
        try fixture.runOnce("2024-03-28T08:00:00+07:00")
        try fixture.runOnce("2024-03-29T08:00:00+07:00")
        files = fixture.outboxFiles()
        #expect(files.count == 3)
        let ids = try files.map { try ParsedEmail.parse(file: $0).message_id ?? "" }
        #expect(ids.filter { $0.contains("before-1wd") }.count == 1)
        #expect(ids.filter { $0.contains("2Fdue") }.count == 1)

        let status = try fixture.status(now: "2024-03-29T09:00:00+07:00")
        let counts = try #require(status["counts"] as? [String: Int])
        #expect(counts["sent"] == 3)
        #expect((status["deliveries"] as? [Any])?.isEmpty == true)
    }

    @Test func aFirstStartLongAfterTheDeadlineSendsOnlyTheLatestStepAndSkipsTheRest() throws {
        let fixture = try DaemonFixture()
        // Wed 03/04 09:00: overdue-1 (08:00 today) is the latest for the unit; the
        // escalation is on 05/04. Everything older is recorded as skipped.
        try fixture.runOnce("2024-04-03T09:00:00+07:00")
        let files = fixture.outboxFiles()
        try #require(files.count == 1)
        #expect(try ParsedEmail.parse(file: files[0]).message_id?.contains("overdue-1") == true)
        let counts = try #require(try fixture.status(now: "2024-04-03T09:00:00+07:00")["counts"] as? [String: Int])
        #expect(counts["skipped"] == 3)
        #expect(counts["sent"] == 1)
    }

    @Test func aTaskMarkedDoneStopsItsReminders() throws {
        let fixture = try DaemonFixture()
        try fixture.runOnce("2024-03-22T08:00:00+07:00")
        let marked = try BinaryRunner.run([
            "task", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-03-25T10:00:00+07:00",
            "II.3", "--status", "done", "--note", "Đã ban hành Quyết định số 45/QĐ-BQL",
        ])
        #expect(marked.status == 0, "\(marked.stderr)")
        try fixture.runOnce("2024-03-28T08:00:00+07:00")
        try fixture.runOnce("2024-04-05T08:00:00+07:00")
        #expect(fixture.outboxFiles().count == 1)
    }

    @Test func aDryRunWritesToTheOutboxAndRecordsNothing() throws {
        let fixture = try DaemonFixture()
        let result = try fixture.runOnce("2024-03-22T08:00:00+07:00", extra: ["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fixture.outboxFiles().count == 1)
        let counts = try fixture.status(now: "2024-03-22T09:00:00+07:00")["counts"] as? [String: Int]
        #expect(counts?["sent"] ?? 0 == 0)
        // A later real run still sends it (and finds the identical outbox file already there).
        try fixture.runOnce("2024-03-22T08:00:00+07:00")
        let after = try fixture.status(now: "2024-03-22T09:00:00+07:00")["counts"] as? [String: Int]
        #expect(after?["sent"] == 1)
    }

    @Test func aSecondRunOnTheSameStateDirExits75() throws {
        let fixture = try DaemonFixture()
        try fixture.runOnce("2024-03-01T08:00:00+07:00")
        let lockPath = fixture.statePath + "/run.lock"
        let fd = open(lockPath, O_RDWR)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let result = try fixture.runOnce("2024-03-01T08:00:00+07:00")
        #expect(result.status == 75)
        #expect(result.stderr.contains("run.lock") || result.stderr.contains("another"))
    }
}

/// Reports dropped into `<state>/inbox/` are taken by every `run --once`.
@Suite struct DaemonInboxTests {
    @Test func runOnceArchivesAGoodReportAndRejectsABadOneWithItsReason() throws {
        let fixture = try ReportCommandTests.fixture()
        try fixture.runOnce("2024-04-01T07:00:00+07:00")
        let inbox = fixture.statePath + "/inbox"
        let good = inbox + "/qldt.md"
        let bad = inbox + "/tc.md"
        try "---\nunit: phong-qldt\nreport: monthly\nperiod: 2024-04\n---\n".write(
            toFile: good, atomically: true, encoding: .utf8)
        try "---\nunit: phong-khong-co\nreport: monthly\nperiod: 2024-04\n---\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        // Files still being written are left alone: make these look settled.
        for path in [good, bad] {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: path)
        }
        let result = try fixture.runOnce("2024-04-15T10:00:00+07:00")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: inbox + "/archive/qldt.md"))
        #expect(FileManager.default.fileExists(atPath: inbox + "/rejected/tc.md"))
        let reason = try String(contentsOfFile: inbox + "/rejected/tc.md.error", encoding: .utf8)
        #expect(reason.contains("không có đơn vị 'phong-khong-co'"))
        #expect(!FileManager.default.fileExists(atPath: good) && !FileManager.default.fileExists(atPath: bad))
    }
}
