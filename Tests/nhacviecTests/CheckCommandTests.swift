import Foundation
import Testing

/// `nhacviec check` on the shipped example and on the corpus of broken configs.
@Suite struct CheckCommandTests {
    static let fixtures = BinaryRunner.packageRoot.appendingPathComponent("Tests/Fixtures/bad-configs")

    static let badConfigs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func theCorpusHasAtLeastThirtyBrokenConfigs() {
        #expect(Self.badConfigs.count >= 30)
    }

    @Test func theExampleConfigIsAcceptedWithASummary() throws {
        let result = try BinaryRunner.run(["check", "-c", "config/example.yaml"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("config/example.yaml: OK: "))
        #expect(result.stdout.contains(" tasks ("))
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: badConfigs)
    func aBrokenConfigIsRejectedAtTheOffendingNode(name: String) throws {
        let path = "Tests/Fixtures/bad-configs/\(name)"
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        let expectations = text.split(separator: "\n").compactMap { line -> (location: String, fragment: String)? in
            guard line.hasPrefix("# expect: ") else { return nil }
            let rest = line.dropFirst("# expect: ".count)
            guard let space = rest.firstIndex(of: " ") else { return nil }
            return (String(rest[..<space]), String(rest[rest.index(after: space)...]))
        }
        try #require(!expectations.isEmpty, "\(name) has no '# expect:' line")

        let result = try BinaryRunner.run(["check", "-c", path])
        #expect(result.status == 78)
        #expect(result.stdout.isEmpty)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        for expectation in expectations {
            let prefix = "\(path):\(expectation.location): error: "
            let matching = errors.filter { $0.hasPrefix(prefix) && $0.contains(expectation.fragment) }
            #expect(matching.count == 1, "expected \(prefix)…\(expectation.fragment)\ngot:\n\(result.stderr)")
        }
        #expect(errors.count == expectations.count, "unexpected extra errors:\n\(result.stderr)")
        // DESIGN §2: every error is `PATH:LINE:COL: error: KEY.PATH: message`.
        let form = try Regex(#"^[^:]+:[1-9][0-9]*:[1-9][0-9]*: error: (\(top level\)|[^ :]+): \S"#)
        for error in errors {
            #expect(error.firstMatch(of: form) != nil, "not PATH:LINE:COL: error: KEY.PATH: message: \(error)")
        }
    }

    @Test func aMissingFileIsReportedAndExits78() throws {
        let result = try BinaryRunner.run(["check", "-c", "does/not/exist.yaml"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("does/not/exist.yaml: error: does/not/exist.yaml: no such file"))
    }

    @Test func theConfigPathComesFromTheEnvironmentWhenNoOptionIsGiven() throws {
        let result = try BinaryRunner.run(["check"], environment: ["NHACVIEC_CONFIG": "does/not/exist.yaml"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("does/not/exist.yaml"))
    }
}
