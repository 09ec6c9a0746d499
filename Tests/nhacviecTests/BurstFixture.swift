import Foundation
import NhacViecTestSupport

/// A morning burst: 300 units asked for the same report, so before-5wd on Fri
/// 22/03/2024 at 08:00 is 300 e-mails at once, over SMTP to a test server.
final class BurstFixture {
    static let units = 300
    static let burstTime = "2024-03-22T08:00:00+07:00"

    let directory: TemporaryDirectory
    var configPath: String { directory.file("nhacviec.yaml") }
    var statePath: String { directory.file("state") }

    /// - Parameters:
    ///   - smtpPort: where e-mail goes (the test server, or a latency proxy in front of it).
    ///   - webhookURL: if set, unit u001 also has this webhook.
    init(smtpPort: Int, connections: Int, timeout: String = "30s", webhookURL: String? = nil) throws {
        directory = try TemporaryDirectory()
        let units = (1...Self.units).map { index in
            let id = Self.unitID(index)
            let hook = index == 1 && webhookURL != nil ? "\n    webhooks: [hook]" : ""
            return "  - id: \(id)\n    name: Đơn vị số \(index)\n    email: \(id)@example.gov.vn" + hook
        }.joined(separator: "\n")
        let webhooks = webhookURL.map { "webhooks:\n  - id: hook\n    url: \($0)\n" } ?? ""
        let config = """
            version: 1
            organization:
              name: Ban Quản lý Khu kinh tế Hải Phòng
              office: van-phong
              plan_year: 2024
            delivery:
              send_time: "08:00"
              email:
                url: smtp://127.0.0.1:\(smtpPort)
                tls: none
                from: "Văn phòng Ban Quản lý <vanphong@example.gov.vn>"
                timeout: \(timeout)
                connections: \(connections)
              retry: { first: 1m, max_interval: 10m, give_up_after: 2h }
            \(webhooks)units:
              - id: van-phong
                name: Văn phòng Ban Quản lý
                email: vanphong@example.gov.vn
            \(units)
            reports:
              requests:
                - id: bc-dot-xuat
                  title: Báo cáo đột xuất về tình hình giải ngân vốn đầu tư công
                  from: all
                  due: 29/03/2024
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    static func unitID(_ index: Int) -> String {
        "u" + String(repeating: "0", count: 3 - String(index).count) + String(index)
    }

    /// `run --once` at the burst's moment, as a process the caller may kill.
    func startRun() throws -> Process {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["run", "--once", "-c", configPath, "--state", statePath, "--now", Self.burstTime]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The ledger's counts per status, read with `status --format json`.
    func counts() throws -> [String: Int] {
        let result = try BinaryRunner.run([
            "status", "-c", configPath, "--state", statePath, "--format", "json", "--now", "2024-03-22T08:05:00+07:00",
        ])
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            let counts = object["counts"] as? [String: Int]
        else { throw TestFailure("status failed (\(result.status)): \(result.stderr)") }
        return counts
    }

    /// How many copies of each Message-ID the SMTP server received.
    static func copiesPerMessageID(in received: TemporaryDirectory) throws -> [String: Int] {
        var copies: [String: Int] = [:]
        for file in received.files(withExtension: "eml") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard let id = messageID(text) else { throw TestFailure("\(file) has no Message-ID") }
            copies[id, default: 0] += 1
        }
        return copies
    }

    /// The unfolded Message-ID header of a message.
    static func messageID(_ text: String) -> String? {
        let headers = text.components(separatedBy: "\r\n\r\n").first ?? text
        var current: String?
        for line in headers.components(separatedBy: "\r\n") {
            if let value = current {
                if line.hasPrefix(" ") || line.hasPrefix("\t") {
                    current = value + line.trimmingCharacters(in: .whitespaces)
                    continue
                }
                return value
            }
            if line.lowercased().hasPrefix("message-id:") {
                current = String(line.dropFirst("message-id:".count)).trimmingCharacters(in: .whitespaces)
            }
        }
        return current
    }
}
