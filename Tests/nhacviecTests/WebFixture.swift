import Foundation
import NhacViecTestSupport

/// A config with `web:`, an htpasswd file written by Apache's `htpasswd -B`, a state built
/// by the daemon (`run --once`), and `nhacviec serve` on a free loopback port.
final class WebFixture {
    let daemon: DaemonFixture
    let port: Int
    static let user = "vanphong"
    static let password = "mật khẩu đúng"
    static let secret = "bi-mat-ky-lien-ket"
    private var server: Process?
    let logPath: String

    var base: String { "http://127.0.0.1:\(port)" }

    /// - Parameter requests: `reports.requests` entries, indented as list items under it.
    init(extraConfig: String = "", requests: String = "") throws {
        daemon = try DaemonFixture()
        port = try DaemonFixture.freePort()
        logPath = daemon.directory.file("serve.log")
        let users = daemon.directory.file("web-users")
        let htpasswd = try TestSupport.run(
            "/usr/bin/htpasswd", ["-b", "-c", "-B", "-C", "5", users, Self.user, Self.password])
        guard htpasswd.status == 0 else { throw TestFailure("htpasswd failed") }
        // A legacy MD5 line must be ignored, not lock everyone out.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: users))
        handle.seekToEndOfFile()
        handle.write(Data("cu:$apr1$abc$0123456789abcdefghijkl\n".utf8))
        try handle.close()
        let config =
            DaemonFixture.config(delivery: "", webhooks: "", unitWebhooks: "") + """

                reports:
                  monthly:
                    title: Báo cáo kết quả thực hiện công tác cải cách hành chính
                    from: all
                    period: decree_09
                    due: day 16
                  consolidated:
                    compile: day 18
                    to: [van-phong]
                    formats: [docx, html, md]
                \(requests.isEmpty ? "" : "  requests:\n" + requests)
                web:
                  base_url: https://nhacviec.example.gov.vn
                  users_file: web-users
                  secret_env: NHACVIEC_WEB_SECRET
                \(extraConfig)
                """
        try daemon.write(config)
    }

    deinit { stop() }

    /// `run --once --now T` with the web secret in the environment, as the daemon's unit
    /// would have it: reminders then carry the units' signed links.
    @discardableResult
    func runOnce(_ now: String) throws -> BinaryRunner.Result {
        let result = try BinaryRunner.run(
            ["run", "--once", "-c", daemon.configPath, "--state", daemon.statePath, "--now", now],
            environment: ["NHACVIEC_WEB_SECRET": Self.secret])
        guard result.status == 0 else { throw TestFailure("run --once failed (\(result.status)): \(result.stderr)") }
        return result
    }

    /// Starts `serve --now T` and waits until it answers `readyPath` (any status).
    func start(now: String, extra: [String] = [], readyPath: String = "/healthz") throws {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments =
            [
                "serve", "-c", daemon.configPath, "--state", daemon.statePath, "--listen", "127.0.0.1:\(port)",
                "--now", now,
            ] + extra
        var environment = ProcessInfo.processInfo.environment
        environment["NHACVIEC_WEB_SECRET"] = Self.secret
        environment.removeValue(forKey: "NHACVIEC_CONFIG")
        process.environment = environment
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        server = process
        guard eventually(20, { (try? self.request(readyPath).status) ?? 0 > 0 }) else {
            throw TestFailure("serve did not answer: \(log)")
        }
    }

    var processID: Int32? { server?.processIdentifier }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func stop() {
        guard let server, server.isRunning else { return }
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
    }

    struct HTTPResult {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }

        /// What curl wrote: the response head (the last one, after any 100) and the body.
        init(headerFile: String, bodyFile: String) {
            let headerText = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
            var status = 0
            var fields: [String: String] = [:]
            for line in headerText.components(separatedBy: "\r\n") {
                if line.hasPrefix("HTTP/") {
                    status = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
                } else if let colon = line.firstIndex(of: ":") {
                    fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                        in: .whitespaces)
                }
            }
            self.status = status
            self.headers = fields
            self.body = FileManager.default.contents(atPath: bodyFile) ?? Data()
        }
    }

    /// One request with curl (a real client); `auth` nil sends no credentials.
    func request(
        _ path: String, method: String = "GET", auth: (String, String)? = nil, form: [(String, String)]? = nil,
        bodyFile: String? = nil, headers: [String] = [], multipart: [String] = []
    ) throws -> HTTPResult {
        let files = responseFiles()
        defer { files.remove() }
        var arguments = ["-X", method]
        for (name, value) in form ?? [] { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        if let bodyFile {
            arguments += ["--data-binary", "@\(bodyFile)", "-H", "Content-Type: application/x-www-form-urlencoded"]
        }
        // `name=value`, or `name=@file;filename=…` for a file part (curl's -F).
        for part in multipart { arguments += ["-F", part] }
        for header in headers { arguments += ["-H", header] }
        let result = try TestSupport.run("/usr/bin/curl", curlArguments(path, auth: auth, files: files, arguments))
        let response = HTTPResult(headerFile: files.headers, bodyFile: files.body)
        if result.status != 0 && response.status == 0 { throw TestFailure("curl exited \(result.status) for \(path)") }
        return response
    }

    /// Where one curl run writes the response head and body.
    struct ResponseFiles {
        let headers: String
        let body: String

        func remove() {
            try? FileManager.default.removeItem(atPath: headers)
            try? FileManager.default.removeItem(atPath: body)
        }
    }

    func responseFiles() -> ResponseFiles {
        let id = UUID().uuidString
        return ResponseFiles(
            headers: daemon.directory.file("headers-\(id)"), body: daemon.directory.file("body-\(id)"))
    }

    func curlArguments(
        _ path: String, auth: (String, String)?, files: ResponseFiles, _ extra: [String]
    ) -> [String] {
        var arguments = ["-s", "-g", "--path-as-is", "-D", files.headers, "-o", files.body, "--max-time", "60"]
        if let (user, password) = auth { arguments += ["-u", "\(user):\(password)"] }
        return arguments + extra + [base + path]
    }

    func office(_ path: String) throws -> HTTPResult {
        try request(path, auth: (Self.user, Self.password))
    }

    /// The CSRF token of the form on a page.
    func csrfToken(on path: String) throws -> String {
        let page = try office(path).text
        guard let range = page.range(of: "name=\"csrf\" value=\"") else {
            throw TestFailure("no CSRF field on \(path)")
        }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }
}
