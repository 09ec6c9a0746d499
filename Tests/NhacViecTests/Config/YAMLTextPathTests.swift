import Testing

@testable import NhacViec

/// Key paths read from YAML text for errors that stop Yams before it builds a tree.
@Suite struct YAMLTextPathTests {
    static let text = """
        version: 1
        organization:
          name: Ban Quản lý
          admins: [it@example.gov.vn]
        units:
          - id: van-phong
            name: Văn phòng
            head: { title: Chánh Văn phòng, name: A }
          - id: phong-qldt
            # a comment at another indentation
        \tname: Phòng QLĐT
            email:
              - a@example.gov.vn
              - b@example.gov.vn
        tasks:
        - id: I.1
          lead: van-phong
        - id: I.2
          "lead" : phong-qldt
        """

    @Test(arguments: [
        (1, 1, "version"),
        (3, 3, "organization.name"),
        (4, 11, "organization.admins"),
        (6, 3, "units[0]"),
        (6, 5, "units[0].id"),
        (7, 5, "units[0].name"),
        (8, 5, "units[0].head"),
        (8, 13, "units[0].head.title"),
        (9, 5, "units[1].id"),
        (11, 1, "units[1].name"),
        (14, 9, "units[1].email[1]"),
        (16, 3, "tasks[0].id"),
        (17, 3, "tasks[0].lead"),
        (19, 3, "tasks[1].lead"),
    ])
    func thePathOfAPlaceFollowsTheIndentation(line: Int, column: Int, expected: String) {
        #expect(YAMLTextPath.path(in: Self.text, line: line, column: column) == expected)
    }

    @Test func aPlaceOutsideAnyKeyIsTheTopLevel() {
        #expect(YAMLTextPath.path(in: "# only a comment\n", line: 1, column: 1) == "(top level)")
        #expect(YAMLTextPath.path(in: "a: 1\n", line: 9, column: 1) == "(top level)")
    }

    @Test func aDuplicateKeyIsReportedWithItsKeyPath() throws {
        let yaml = TestConfig.yaml(tasks: "tasks: []").replacingOccurrences(
            of: "    name: Phòng Tổ chức\n", with: "    name: Phòng Tổ chức\n    name: Phòng TC\n")
        do {
            _ = try ConfigLoader.parse(yaml: yaml, path: "test.yaml")
            Issue.record("a duplicate key was accepted")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(issue.path == "units[2].name")
            #expect(issue.description.contains(": error: units[2].name: duplicate key 'name' (first at line"))
        }
    }
}
