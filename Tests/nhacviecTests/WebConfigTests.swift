import Foundation
import NhacViecTestSupport
import Testing

/// `web:` is checked like every other key (DESIGN §2, §15).
@Suite struct WebConfigTests {
    static func check(_ web: String, files: [String: String] = [:]) throws -> BinaryRunner.Result {
        let fixture = try DaemonFixture()
        for (name, content) in files {
            try content.write(toFile: fixture.directory.file(name), atomically: true, encoding: .utf8)
        }
        try fixture.write(DaemonFixture.config(delivery: "", webhooks: "", unitWebhooks: "") + "\n" + web + "\n")
        return try BinaryRunner.run(["check", "-c", fixture.configPath])
    }

    @Test func aCompleteWebSectionWithARelativeUsersFileIsAccepted() throws {
        let result = try Self.check(
            """
            web:
              base_url: https://nhacviec.example.gov.vn/
              users_file: web-users
              secret_file: web-secret
              link_valid: 30d
            """, files: ["web-users": "vanphong:$2y$05$abcdefghijklmnopqrstuu0123456789012345678901234567890\n"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: [
        ("web:\n  base_url: ftp://x.example.vn", "web.base_url: 'ftp://x.example.vn': scheme 'ftp' is not supported"),
        (
            "web:\n  base_url: https://x.example.vn/?a=1",
            "web.base_url: 'https://x.example.vn/?a=1': a base URL has no ?query"
        ),
        ("web:\n  users_file: missing-users", "web.users_file: users_file 'missing-users' cannot be read"),
        ("web:\n  secret_env: A\n  secret_file: b", "set either secret_env or secret_file, not both"),
        ("web:\n  secret_env: 1BAD", "web.secret_env: '1BAD' is not an environment variable name"),
        ("web:\n  link_valid: 5wd", "web.link_valid: '5wd': the unit 'wd' is not allowed here"),
        ("web:\n  users: x", "33:3: error: web.users: unknown key 'users'"),
    ])
    func aBadWebKeyIsAConfigErrorWithItsPlace(yaml: String, message: String) throws {
        let result = try Self.check(yaml)
        #expect(result.status == 78)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains(".yaml:"))
    }
}
