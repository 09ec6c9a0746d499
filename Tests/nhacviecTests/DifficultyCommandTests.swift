import Foundation
import NhacViecTestSupport
import Testing

/// Difficulties end to end (DESIGN §14): the real binary, a real state dir, the outbox.
@Suite struct DifficultyCommandTests {
    static let config = """
        version: 1
        organization:
          name: Ban Quản lý Khu kinh tế Hải Phòng
          office: van-phong
          plan_year: 2024
        delivery:
          send_time: "08:00"
        units:
          - id: van-phong
            name: Văn phòng Ban Quản lý
            email: vanphong@example.gov.vn
          - id: phong-qldt
            name: Phòng Quản lý đầu tư
            email: qldt@example.gov.vn
          - id: phong-tc
            name: Phòng Tổ chức
            email: tc@example.gov.vn
        groups:
          - id: ban-chi-dao
            name: Ban Chỉ đạo cải cách hành chính
            email: bcd@example.gov.vn
        tasks:
          - id: II.3
            area: the_che
            title: Rà soát văn bản quy phạm pháp luật
            lead: phong-qldt
            due: 30/06/2024
        reports:
          monthly:
            from: [phong-qldt]
            period: decree_09
            due: day 16
          consolidated:
            compile: day 18
            to: [ban-chi-dao]
            formats: [md, json]
        difficulties:
          follow_up: 2wd
          escalate_to: [ban-chi-dao]
        """

    static let report = """
        ---
        unit: phong-qldt
        report: monthly
        period: 2024-03
        tasks:
          - { id: II.3, status: blocked }
        difficulties:
          - Chưa có hướng dẫn của Sở Nội vụ về số hóa hồ sơ
          - { text: "Thiếu kinh phí  để số hóa", task: II.3 }
        ---
        Kết quả nổi bật trong tháng.
        """

    func fixture() throws -> DaemonFixture {
        let fixture = try DaemonFixture()
        try fixture.write(Self.config)
        return fixture
    }

    func cli(_ fixture: DaemonFixture, _ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments + ["-c", fixture.configPath, "--state", fixture.statePath])
    }

    func submit(_ fixture: DaemonFixture, _ text: String, name: String, now: String) throws -> BinaryRunner.Result {
        let path = fixture.directory.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try cli(fixture, ["submit", path, "--now", now])
    }

    /// The difficulty emails in the outbox not seen before, parsed, by Message-ID.
    func newDifficultyEmails(_ fixture: DaemonFixture, seen: inout Set<String>) throws -> [ParsedEmail] {
        let files = fixture.outboxFiles().filter { !seen.contains($0) }
        seen.formUnion(files)
        // A digest's Message-ID is a hash of its items' keys: the subject tells difficulty digests apart.
        return try files.map { try ParsedEmail.parse(file: $0) }.filter {
            $0.subject?.hasPrefix("[Vướng mắc]") == true
        }
    }

    func list(_ fixture: DaemonFixture, _ extra: [String] = []) throws -> [[String: Any]] {
        let result = try cli(fixture, ["difficulty", "list", "--format", "json"] + extra)
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func theCommandsListMoveAndRefuseWithExit65() throws {
        let fixture = try fixture()
        let submitted = try submit(fixture, Self.report, name: "bao-cao.md", now: "2024-03-14T10:00:00+07:00")
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.contains("vướng mắc: VM-2024-1 (mới), VM-2024-2 (mới)"))
        // New difficulties wake a running daemon.
        #expect(FileManager.default.fileExists(atPath: fixture.statePath + "/wake"))

        var items = try list(fixture)
        #expect(items.map { $0["id"] as? String } == ["VM-2024-1", "VM-2024-2"])
        #expect(items.first?["task"] is NSNull)
        #expect(items.last?["task"] as? String == "II.3")
        #expect(items.last?["text"] as? String == "Thiếu kinh phí  để số hóa")
        #expect(items.first?["raised_at"] as? String == "2024-03-14T10:00:00+07:00")
        #expect(
            Array(items.first?.keys.sorted() ?? []) == [
                "history", "id", "raised_at", "status", "task", "text", "unit", "updated_at",
            ])

        // A standalone difficulty report; the same text (other case, spaces) is the same record.
        let standalone =
            "unit: phong-qldt\nreport: difficulty\ndifficulties: [\"CHƯA CÓ hướng dẫn của Sở Nội vụ về số hóa   hồ sơ\", \"Phần mềm một cửa chưa kết nối\"]\n"
        let again = try submit(fixture, standalone, name: "vuong-mac.yaml", now: "2024-03-14T11:00:00+07:00")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("VM-2024-1 (đã có, đang theo dõi), VM-2024-3 (mới)"))

        try FileManager.default.removeItem(atPath: fixture.statePath + "/wake")
        #expect(
            try cli(fixture, ["difficulty", "forward", "VM-2024-1", "--note", "Trình BCĐ", "--now", "2024-03-15"])
                .status == 0)
        // The CLI wakes a running daemon after each move.
        #expect(FileManager.default.fileExists(atPath: fixture.statePath + "/wake"))
        let resolved = try cli(
            fixture,
            ["difficulty", "resolve", "VM-2024-1", "--note", "Ý kiến chỉ đạo: giao Sở Nội vụ", "--now", "2024-03-16"])
        #expect(resolved.status == 0)
        #expect(resolved.stdout.contains("VM-2024-1: resolved"))

        let unknown = try cli(fixture, ["difficulty", "resolve", "VM-2024-99", "--note", "x"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("không có vướng mắc 'VM-2024-99'"))
        #expect(unknown.stderr.contains("known: VM-2024-1, VM-2024-2, VM-2024-3"))
        let invalid = try cli(fixture, ["difficulty", "withdraw", "VM-2024-1"])
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("cannot go from resolved to withdrawn"))
        #expect(try cli(fixture, ["difficulty", "resolve", "VM-2024-2"]).status == 64)

        items = try list(fixture, ["--status", "resolved"])
        #expect(items.map { $0["id"] as? String } == ["VM-2024-1"])
        let history = try #require(items.first?["history"] as? [[String: Any]])
        #expect(history.map { $0["status"] as? String } == ["open", "forwarded", "resolved"])
        #expect(history.last?["note"] as? String == "Ý kiến chỉ đạo: giao Sở Nội vụ")
        #expect(history.last?["at"] as? String == "2024-03-16T00:00:00+07:00")
        #expect(try list(fixture, ["--unit", "phong-tc"]).isEmpty)

        let text = try cli(fixture, ["difficulty", "list", "--status", "open", "--now", "2024-03-20"])
        #expect(text.stdout.contains("VM-2024-2  open (Chưa xử lý, 6 ngày)  phong-qldt (Phòng Quản lý đầu tư)"))
        #expect(text.stdout.contains("Nhiệm vụ: II.3 – Rà soát văn bản quy phạm pháp luật"))
    }

    @Test func aReportsDifficultiesAreNoticedFollowedUpEscalatedAndResolvedThroughTheDaemon() throws {
        let fixture = try fixture()
        var seen: Set<String> = []
        #expect(try submit(fixture, Self.report, name: "bao-cao.md", now: "2024-03-14T10:00:00+07:00").status == 0)
        try fixture.runOnce("2024-03-14T10:05:00+07:00")
        #expect(try newDifficultyEmails(fixture, seen: &seen).isEmpty)

        // Fri 15/03 08:00: the Office's digest lists both.
        try fixture.runOnce("2024-03-15T08:00:00+07:00")
        var emails = try newDifficultyEmails(fixture, seen: &seen)
        try #require(emails.count == 1)
        #expect(emails[0].to.map(\.address) == ["vanphong@example.gov.vn"])
        #expect(emails[0].subject == "[Vướng mắc] 2 vướng mắc của các đơn vị cần theo dõi")
        let body = emails[0].parts.compactMap(\.text).joined()
        #expect(body.contains("Chưa có hướng dẫn của Sở Nội vụ về số hóa hồ sơ"))
        #expect(body.contains("VM-2024-2"))
        #expect(body.contains("II.3 – Rà soát văn bản quy phạm pháp luật"))

        #expect(
            try cli(fixture, ["difficulty", "forward", "VM-2024-1", "--now", "2024-03-15T09:00:00+07:00"]).status == 0)
        let plan = try cli(fixture, ["plan", "--from", "2024-03-18", "--to", "2024-03-20", "--format", "json"])
        #expect(plan.stdout.contains(#""duty":"difficulty:VM-2024-1","occurrence":"2024-03-14","step":"follow-up-1""#))
        #expect(plan.stdout.contains(#""step":"escalation","recipient":"ban-chi-dao""#))
        let planText = try cli(fixture, ["plan", "--from", "2024-03-18", "--to", "2024-03-18"]).stdout
        #expect(
            planText.contains(
                "difficulty:VM-2024-1  Chưa có hướng dẫn của Sở Nội vụ về số hóa hồ sơ — phong-qldt nêu ngày 14/03/2024"
            ))
        // `status` lists what comes next, difficulty steps included.
        let next = try #require(try fixture.status(now: "2024-03-15T09:00:00+07:00")["next"] as? [[String: Any]])
        #expect(
            next.contains { $0["duty"] as? String == "difficulty:VM-2024-2" && $0["step"] as? String == "follow-up-1" })

        // follow_up 2wd from Thu 14/03: Mon 18/03, then Wed 20/03 with the escalation.
        try fixture.runOnce("2024-03-18T08:00:00+07:00")
        emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(emails.compactMap(\.message_id).count == 1)
        #expect(emails.first?.to.map(\.address) == ["vanphong@example.gov.vn"])
        try fixture.runOnce("2024-03-20T08:00:00+07:00")
        emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(Set(emails.flatMap { $0.to.map(\.address) }) == ["vanphong@example.gov.vn", "bcd@example.gov.vn"])

        // Resolved at 10:00: the unit and the Office hear of it in the next pass, not at send_time.
        #expect(
            try cli(
                fixture,
                [
                    "difficulty", "resolve", "VM-2024-1", "--note", "Ý kiến chỉ đạo: giao Sở Nội vụ hướng dẫn",
                    "--now", "2024-03-20T10:00:00+07:00",
                ]
            ).status == 0)
        try fixture.runOnce("2024-03-20T10:01:00+07:00")
        emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(Set(emails.flatMap { $0.to.map(\.address) }) == ["qldt@example.gov.vn", "vanphong@example.gov.vn"])
        let unitEmail = try #require(emails.first { $0.to.map(\.address) == ["qldt@example.gov.vn"] })
        #expect(unitEmail.subject == "[Vướng mắc] Phòng Quản lý đầu tư – VM-2024-1: đã được giải quyết")
        #expect(unitEmail.parts.compactMap(\.text).joined().contains("Ý kiến chỉ đạo: giao Sở Nội vụ hướng dẫn"))
        #expect(unitEmail.message_id?.contains("resolution") == true)

        // Fri 22/03: only VM-2024-2 is still followed up.
        try fixture.runOnce("2024-03-22T08:00:00+07:00")
        emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(emails.count == 1)
        #expect(emails.first?.message_id?.contains("VM-2024-2") == true)
        #expect(emails.first?.message_id?.contains("VM-2024-1") == false)
        let counts = try #require(try fixture.status(now: "2024-03-22T09:00:00+07:00")["counts"] as? [String: Int])
        #expect(counts["dead"] == 0)
        #expect(counts["retrying"] == 0)

        // The report compiled on 18/03 (period 2024-03) had both open; the next one (2024-04,
        // compiled on Fri 19/04, as 18/04 is Giỗ Tổ) shows VM-2024-1 resolved with the direction and VM-2024-2 still open.
        let march = try reportJSON(fixture, "2024-03")
        #expect(
            (march["open_difficulties"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [
                "VM-2024-1", "VM-2024-2",
            ])
        try fixture.runOnce("2024-04-19T08:00:00+07:00")
        let april = try reportJSON(fixture, "2024-04")
        let resolved = try #require(april["resolved_difficulties"] as? [[String: Any]])
        #expect(resolved.compactMap { $0["id"] as? String } == ["VM-2024-1"])
        #expect(resolved.first?["direction"] as? String == "Ý kiến chỉ đạo: giao Sở Nội vụ hướng dẫn")
        let open = try #require(april["open_difficulties"] as? [[String: Any]])
        #expect(open.compactMap { $0["id"] as? String } == ["VM-2024-2"])
        #expect(open.first?["age_days"] as? Int == 36)
        #expect(open.first?["task"] as? String == "II.3")
        let markdown = try String(contentsOfFile: try reportFile(fixture, "2024-04", ".md"), encoding: .utf8)
        #expect(markdown.contains("Ý kiến chỉ đạo (ngày 20/03/2024)"))
    }

    /// Resolved, then raised again by the unit the same day: the second cycle is its
    /// own occurrence (`2024-03-14.2`), so its notice and resolution go out, each once.
    @Test func aDifficultyReopenedTheSameDayIsNoticedAndResolvedAgainExactlyOnce() throws {
        let fixture = try fixture()
        var seen: Set<String> = []
        let raise = "unit: phong-qldt\nreport: difficulty\ndifficulties:\n  - Chưa có hướng dẫn của Sở Nội vụ\n"
        func resolve(_ note: String, _ now: String) throws {
            let result = try cli(fixture, ["difficulty", "resolve", "VM-2024-1", "--note", note, "--now", now])
            try #require(result.status == 0, "\(result.stderr)")
        }
        func recipients(_ emails: [ParsedEmail]) -> [String] { emails.flatMap { $0.to.map(\.address) }.sorted() }
        func text(_ email: ParsedEmail?) -> String { email?.parts.compactMap(\.text).joined() ?? "" }

        // Thu 14/03 07:00, before send_time: the Office hears of it at 08:00.
        #expect(try submit(fixture, raise, name: "vuong-mac-1.yaml", now: "2024-03-14T07:00:00+07:00").status == 0)
        try fixture.runOnce("2024-03-14T08:00:00+07:00")
        var emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(recipients(emails) == ["vanphong@example.gov.vn"])
        #expect(emails.first?.subject == "[Vướng mắc] Phòng Quản lý đầu tư – VM-2024-1: vướng mắc mới")

        try resolve("Ý kiến chỉ đạo: chờ văn bản của Sở", "2024-03-14T09:00:00+07:00")
        try fixture.runOnce("2024-03-14T09:01:00+07:00")
        emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(recipients(emails) == ["qldt@example.gov.vn", "vanphong@example.gov.vn"])

        // Raised again at 10:00 the same day: the same record, reopened, noticed next morning.
        let again = try submit(fixture, raise, name: "vuong-mac-2.yaml", now: "2024-03-14T10:00:00+07:00")
        #expect(again.status == 0)
        let record = try #require(try list(fixture).first)
        #expect(record["id"] as? String == "VM-2024-1")
        #expect(record["status"] as? String == "open")
        #expect((record["history"] as? [[String: Any]])?.count == 3)
        let plan = try cli(fixture, ["plan", "--from", "2024-03-15", "--to", "2024-03-15", "--format", "json"])
        #expect(plan.stdout.contains(#""duty":"difficulty:VM-2024-1","occurrence":"2024-03-14.2","step":"notice""#))
        try fixture.runOnce("2024-03-14T10:05:00+07:00")
        #expect(try newDifficultyEmails(fixture, seen: &seen).isEmpty)

        try fixture.runOnce("2024-03-15T08:00:00+07:00")
        emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(recipients(emails) == ["vanphong@example.gov.vn"])
        #expect(emails.first?.subject == "[Vướng mắc] Phòng Quản lý đầu tư – VM-2024-1: vướng mắc mới")
        #expect(text(emails.first).contains("14/03/2024"))

        try resolve("Ý kiến chỉ đạo: giao Sở Tài chính bố trí kinh phí", "2024-03-15T09:00:00+07:00")
        try fixture.runOnce("2024-03-15T09:01:00+07:00")
        emails = try newDifficultyEmails(fixture, seen: &seen)
        #expect(recipients(emails) == ["qldt@example.gov.vn", "vanphong@example.gov.vn"])
        let unitEmail = emails.first { $0.to.map(\.address) == ["qldt@example.gov.vn"] }
        #expect(text(unitEmail).contains("giao Sở Tài chính bố trí kinh phí"))

        // Nothing is sent twice, and nothing is left over.
        try fixture.runOnce("2024-03-15T10:00:00+07:00")
        try fixture.runOnce("2024-03-18T08:00:00+07:00")
        #expect(try newDifficultyEmails(fixture, seen: &seen).isEmpty)
        let counts = try #require(try fixture.status(now: "2024-03-18T09:00:00+07:00")["counts"] as? [String: Int])
        #expect(counts["dead"] == 0)
        #expect(counts["retrying"] == 0)
    }

    func reportFile(_ fixture: DaemonFixture, _ period: String, _ suffix: String) throws -> String {
        let folder = fixture.statePath + "/reports/" + period
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        let name = try #require(names.first { $0.hasSuffix(suffix) }, "\(names)")
        return folder + "/" + name
    }

    func reportJSON(_ fixture: DaemonFixture, _ period: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try reportFile(fixture, period, ".json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
