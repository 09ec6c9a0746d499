import Foundation
import NhacViecTestSupport
import Testing

/// What the commands do with the state dir (DESIGN §9, §10): `plan` agrees with
/// `status`, reading commands work on a read-only state dir, a dry run leaves
/// nothing behind.
@Suite struct StateDirectoryTests {
    /// Task II.3 done, phong-qldt's April report received.
    static func finishedDuties() throws -> DaemonFixture {
        let fixture = try ReportCommandTests.fixture()
        let done = try BinaryRunner.run([
            "task", "-c", fixture.configPath, "--state", fixture.statePath, "II.3", "--status", "done", "--now",
            "2024-03-20T10:00:00+07:00",
        ])
        try #require(done.status == 0, "\(done.stderr)")
        let report = try ReportCommandTests.submission(
            fixture, "qldt.md", "---\nunit: phong-qldt\nreport: monthly\nperiod: 2024-04\n---\nXong.\n")
        let submitted = try BinaryRunner.run([
            "submit", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-04-10T10:00:00+07:00",
            report,
        ])
        try #require(submitted.status == 0, "\(submitted.stderr)")
        return fixture
    }

    static func planKeys(_ stdout: String) throws -> [String] {
        try stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return [object["duty"], object["occurrence"], object["step"], object["recipient"]]
                .map { "\($0 ?? "")" }.joined(separator: "/")
        }
    }

    @Test func planLeavesOutFinishedDutiesAndAgreesWithStatus() throws {
        let fixture = try Self.finishedDuties()
        let now = "2024-03-15T09:00:00+07:00"
        let plan = try BinaryRunner.run([
            "plan", "-c", fixture.configPath, "--state", fixture.statePath, "--format", "json", "--now", now,
            "--from", "2024-03-15", "--to", "2024-05-31",
        ])
        try #require(plan.status == 0, "\(plan.stderr)")
        let keys = try Self.planKeys(plan.stdout)
        #expect(!keys.isEmpty)
        #expect(!keys.contains { $0.hasPrefix("task:II.3/") }, "the task is done")
        #expect(!keys.contains { $0.hasPrefix("report:monthly:phong-qldt/2024-04/") }, "the report was received")
        #expect(keys.contains { $0.hasPrefix("report:monthly:phong-tc/2024-04/") }, "other units are still reminded")

        let status = try fixture.status(now: now)
        let next = (status["next"] as? [[String: Any]] ?? []).map { object in
            [object["duty"], object["occurrence"], object["step"], object["recipient"]].map { "\($0 ?? "")" }
                .joined(separator: "/")
        }
        #expect(!next.isEmpty)
        #expect(Set(next).isSubset(of: Set(keys)), "what status says will fire, plan lists: \(next)")
    }

    static let setpriv = "/usr/bin/setpriv"

    /// Runs the binary as `nobody`, for whom the root-owned state dir is read-only.
    static func runAsNobody(_ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.binary.path] + arguments,
            executable: URL(fileURLWithPath: setpriv))
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv)))
    func statusPlanAndReportWorkOnAStateDirTheUserCannotWrite() throws {
        let fixture = try Self.finishedDuties()
        try fixture.runOnce("2024-03-22T08:00:00+07:00")
        // Readable by everyone, writable by root only (the test runs as root; the
        // commands below run as nobody).
        _ = try TestSupport.run("/bin/chmod", ["-R", "a+rX", fixture.directory.path])
        let output = fixture.directory.file("out")
        try FileManager.default.createDirectory(
            atPath: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        let before = try FileManager.default.contentsOfDirectory(atPath: fixture.statePath).sorted()
        let common = ["-c", fixture.configPath, "--state", fixture.statePath]

        let status = try Self.runAsNobody(["status"] + common + ["--now", "2024-03-22T09:00:00+07:00"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("sent 2"), "\(status.stdout)")
        let plan = try Self.runAsNobody(
            ["plan"] + common + ["--from", "2024-04-01", "--to", "2024-04-30", "--now", "2024-03-22"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("phong-tc"))
        let report = try Self.runAsNobody(
            ["report"] + common + [
                "--period", "2024-04", "--format", "md", "--out", output + "/bc.md", "--now", "2024-04-20",
            ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/bc.md"))

        let after = try FileManager.default.contentsOfDirectory(atPath: fixture.statePath).sorted()
        #expect(after == before, "nothing was created in the state dir")
    }

    @Test func aDryRunOnAStateDirWithADatabaseWorksAndLeavesNoTemporaryCopy() throws {
        let fixture = try DaemonFixture()
        try fixture.runOnce("2024-03-22T08:00:00+07:00")
        let temporary = fixture.directory.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)

        let result = try BinaryRunner.run(
            [
                "run", "--once", "--dry-run", "-c", fixture.configPath, "--state", fixture.statePath, "--now",
                "2024-03-28T08:00:00+07:00",
            ], environment: ["TMPDIR": temporary + "/"])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
        // The dry run recorded nothing in the real state: before-1wd is still to come.
        let status = try fixture.status(now: "2024-03-28T08:00:30+07:00")
        #expect((status["counts"] as? [String: Int])?["sent"] == 1)
    }
}

/// The README is read in the repository alone: its links stay inside it.
@Suite struct ReadmeTests {
    @Test func theReadmeLinksNothingOutsideTheRepository() throws {
        let readme = try String(
            contentsOf: BinaryRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(!readme.contains("](../"))
        #expect(!readme.contains("`../"))
    }
}
