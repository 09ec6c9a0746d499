import Foundation
import NhacViecTestSupport
import Testing

/// `serve` reads the state while other processes write it (DESIGN §15): what the CLI
/// records shows on the next request, whatever the pages read before it.
@Suite struct WebBesideTheCLITests {
    /// `nhacviec COMMAND… -c … --state …` with the rest of `arguments`.
    @discardableResult
    static func cli(_ web: WebFixture, _ command: [String], _ arguments: [String]) throws -> BinaryRunner.Result {
        let result = try BinaryRunner.run(
            command + ["-c", web.daemon.configPath, "--state", web.daemon.statePath] + arguments)
        #expect(result.status == 0, "\(command): \(result.stderr)")
        return result
    }

    /// The value of the sample `name` (no labels) in `/metrics`.
    static func metric(_ web: WebFixture, _ name: String) throws -> Double? {
        try web.request("/metrics").text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            .flatMap { Double($0.dropFirst(name.count + 1)) }
    }

    @Test func aTaskStatusAndADifficultyChangedByTheCLIShowOnTheNextPages() throws {
        let web = try WebServeTests.fixture()
        try web.start(now: "2024-04-03T09:00:00+07:00")
        // Every page read once first: whatever serve keeps between requests is kept now.
        #expect(try web.office("/").text.contains("Nhiệm vụ quá hạn (1)"))
        #expect(try web.office("/tasks/II.3").text.contains("Chưa có ai báo cáo về nhiệm vụ này"))
        #expect(try Self.metric(web, "nhacviec_overdue_tasks") == 1)
        #expect(try web.office("/").text.contains("Vướng mắc chưa giải quyết (0)"))

        // The CLI's changes are dated before serve's clock (09:00 and running): pages show the
        // state as of their now, and a change dated after it would not show yet.
        try Self.cli(
            web, ["task"],
            [
                "--now", "2024-04-03T08:50:00+07:00", "II.3", "--status", "done", "--note",
                "Đã ban hành Quyết định số 45/QĐ-BQL",
            ])
        let task = try web.office("/tasks/II.3").text
        #expect(task.contains("<strong>Đã hoàn thành</strong>") && task.contains("Đã ban hành Quyết định số 45/QĐ-BQL"))
        #expect(try web.office("/").text.contains("Nhiệm vụ quá hạn (0)"))
        #expect(try Self.metric(web, "nhacviec_overdue_tasks") == 0)

        // A unit's difficulty arrives through `submit`, and the Office resolves it with `difficulty`.
        let report = web.daemon.directory.file("vuong-mac.md")
        try "---\nunit: phong-qldt\nreport: difficulty\ndifficulties:\n  - Chưa có hướng dẫn về định biên\n---\n"
            .write(toFile: report, atomically: true, encoding: .utf8)
        try Self.cli(web, ["submit"], ["--now", "2024-04-03T08:52:00+07:00", report])
        let raised = try web.office("/").text
        #expect(raised.contains("Vướng mắc chưa giải quyết (1)") && raised.contains("Chưa có hướng dẫn về định biên"))
        #expect(try Self.metric(web, "nhacviec_open_difficulties") == 1)
        let id = try #require(raised.range(of: "VM-2024-").map { String(raised[$0.lowerBound...].prefix(9)) })
        try Self.cli(
            web, ["difficulty", "resolve"],
            [id, "--note", "Sở Nội vụ hướng dẫn trong tháng 4", "--now", "2024-04-03T08:54:00+07:00"])
        #expect(try web.office("/").text.contains("Vướng mắc chưa giải quyết (0)"))
        let difficulties = try web.office("/difficulties").text
        #expect(difficulties.contains("<strong>Đã giải quyết</strong>"))
        #expect(difficulties.contains("Sở Nội vụ hướng dẫn trong tháng 4"))
        #expect(try Self.metric(web, "nhacviec_open_difficulties") == 0)
    }
}
