import Foundation
import NhacViecTestSupport
import Testing

/// The whole loop with the built binary, a real Dovecot and the outbox: a reminder
/// goes out, the unit replies to it with the template filled in, the daemon takes
/// the reply, answers with a receipt, stops reminding that unit, and the report
/// shows it received on time. Also `intake --once` beside a running daemon.
@Suite(.serialized) struct EmailIntakeEndToEndTests {
    final class Fixture {
        let server: DovecotServer
        let directory: TemporaryDirectory
        var configPath: String { directory.file("nhacviec.yaml") }
        var statePath: String { directory.file("state") }
        var environment: [String: String] { ["NHACVIEC_IMAP_PASSWORD": server.password] }

        init() throws {
            server = try DovecotServer()
            directory = try TemporaryDirectory()
            let config = """
                version: 1
                organization:
                  name: Ban Quản lý Khu kinh tế Hải Phòng
                  office: van-phong
                  plan_year: 2024
                  admins: [it@example.gov.vn]
                units:
                  - id: van-phong
                    name: Văn phòng Ban Quản lý
                    email: [vanphong@example.gov.vn]
                  - id: phong-qldt
                    name: Phòng Quản lý đầu tư
                    email: [qldt@example.gov.vn]
                  - id: phong-tc
                    name: Phòng Tổ chức
                    email: [tc@example.gov.vn]
                tasks:
                  - id: II.3
                    area: the_che
                    title: Rà soát văn bản quy phạm pháp luật
                    lead: phong-qldt
                    due: Tháng 6/2024
                reports:
                  monthly:
                    title: Báo cáo kết quả thực hiện công tác cải cách hành chính
                    from: all
                    period: decree_09
                    due: day 16
                  consolidated:
                    compile: day 18
                    to: [van-phong]
                intake:
                  email:
                    url: imaps://127.0.0.1:\(server.imapsPort)/INBOX
                    ca_file: \(server.caFile)
                    username: \(server.user)
                    password_env: NHACVIEC_IMAP_PASSWORD
                    address: "Văn phòng - Báo cáo CCHC <baocao@example.gov.vn>"
                    poll: 30s

                """
            try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> BinaryRunner.Result {
            try BinaryRunner.run(
                [arguments[0], "-c", configPath, "--state", statePath] + arguments.dropFirst(), environment: environment
            )
        }

        /// Outbox messages addressed to `address`, parsed by Python's email package.
        func outbox(to address: String) throws -> [(path: String, email: ParsedEmail)] {
            let outbox = statePath + "/outbox"
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).filter {
                $0.hasSuffix(".eml")
            }.sorted()
            return try names.map { (outbox + "/" + $0, try ParsedEmail.parse(file: outbox + "/" + $0)) }.filter {
                $0.email.to.contains { $0.address == address }
            }
        }
    }

    @Test func reminderReplyReceiptAndTheReportShowsItOnTime() throws {
        let fixture = try Fixture()
        // 15/03/2024: one working day before March's report is due (16/03 is a Saturday: due 18/03).
        let first = try fixture.run(["run", "--once", "--now", "2024-03-15T08:05:00+07:00"])
        #expect(first.status == 0, "\(first.stderr)")
        let reminders = try fixture.outbox(to: "qldt@example.gov.vn")
        let reminder = try #require(reminders.first)
        let raw = try String(contentsOfFile: reminder.path, encoding: .utf8)
        #expect(raw.contains("Reply-To: =?utf-8?") || raw.contains("Reply-To: "))
        #expect(raw.contains("baocao@example.gov.vn>"))
        let text = try #require(reminder.email.parts.first { $0.type == "text/plain" }?.text)
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.contains("Trả lời thư này kèm"))
        #expect(!text.contains("nhacviec task"))
        // The unit's mail client: reply with the template filled in, the original quoted below.
        let start = try #require(text.range(of: "---\nunit: phong-qldt"))
        let end = try #require(text.range(of: "(ghi tại đây)", range: start.upperBound..<text.endIndex))
        let template = String(text[start.lowerBound..<end.upperBound])
        let filled = template.replacingOccurrences(of: "status: not_started", with: "status: in_progress")
            .replacingOccurrences(of: "(ghi tại đây)", with: "đã rà soát 12 văn bản.")
        let messageID = try #require(reminder.email.message_id)
        let reply = """
            From: =?UTF-8?Q?Ph=C3=B2ng_QL=C4=90T?= <qldt@example.gov.vn>\r
            To: baocao@example.gov.vn\r
            Subject: Re: \(reminder.email.subject_lines.first.map { String($0.dropFirst("Subject: ".count)) } ?? "")\r
            Message-ID: <e2e-reply-1@qldt.example.gov.vn>\r
            In-Reply-To: \(messageID)\r
            References: \(messageID)\r
            Date: Fri, 15 Mar 2024 09:30:00 +0700\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Kính gửi Văn phòng,\r
            \r
            \(filled.replacingOccurrences(of: "\n", with: "\r\n"))\r
            \r
            On 15/03/2024 08:05, Văn phòng wrote:\r
            > Xin nhắc đơn vị việc dưới đây.\r

            """
        let file = fixture.directory.file("reply.eml")
        try Data(reply.utf8).write(to: URL(fileURLWithPath: file))
        try fixture.server.append([file])

        let second = try fixture.run(["run", "--once", "--now", "2024-03-15T10:00:00+07:00"])
        #expect(second.status == 0, "\(second.stderr)")
        let receipts = try fixture.outbox(to: "qldt@example.gov.vn").filter {
            $0.email.auto_submitted == "auto-replied"
        }
        try #require(receipts.count == 1)
        let receiptText = receipts[0].email.parts.first { $0.type == "text/plain" }?.text ?? ""
        #expect(receiptText.contains("đúng hạn"))
        #expect(try fixture.server.folders()["nhacviec/accepted"]?.count == 1)

        // On the due date the other unit is reminded; phong-qldt is not.
        let before = try fixture.outbox(to: "qldt@example.gov.vn").count
        let tcBefore = try fixture.outbox(to: "tc@example.gov.vn").count
        let third = try fixture.run(["run", "--once", "--now", "2024-03-18T08:05:00+07:00"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try fixture.outbox(to: "qldt@example.gov.vn").count == before)
        #expect(try fixture.outbox(to: "tc@example.gov.vn").count > tcBefore)

        let reportFile = fixture.directory.file("report.json")
        let report = try fixture.run([
            "report", "--period", "2024-03", "--format", "json", "--out", reportFile, "--now",
            "2024-03-19T09:00:00+07:00",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportFile)))
        func state(of unit: String) -> Bool {
            Self.find(json) { ($0["unit"] as? [String: Any])?["id"] as? String == unit && $0["state"] != nil }
        }
        #expect(state(of: "phong-qldt"))
        #expect(
            Self.find(json) {
                ($0["unit"] as? [String: Any])?["id"] as? String == "phong-qldt" && $0["state"] as? String == "on_time"
            })
        #expect(
            Self.find(json) {
                ($0["unit"] as? [String: Any])?["id"] as? String == "phong-tc" && $0["state"] as? String == "missing"
            })

        let status = try fixture.run(["status", "--format", "json", "--now", "2024-03-19T09:00:00+07:00"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let intake = try #require(object["intake"] as? [String: Any])
        #expect((intake["result"] as? String)?.hasPrefix("ok:") == true)
        #expect(intake["last_uid"] as? Int == 1)
        #expect(intake["backlog"] as? Int == 0)
        #expect(!status.stdout.contains(fixture.server.password))
    }

    @Test func intakeOnceExits75WhileTheDaemonHoldsTheLock() throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: fixture.statePath, withIntermediateDirectories: true)
        let daemon = Process()
        daemon.executableURL = BinaryRunner.binary
        daemon.arguments = [
            "run", "-c", fixture.configPath, "--state", fixture.statePath, "--now", "2024-03-15T08:05:00+07:00",
        ]
        daemon.environment = ProcessInfo.processInfo.environment.merging(fixture.environment) { $1 }
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer {
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
        }
        #expect(
            eventually {
                FileManager.default.fileExists(atPath: fixture.statePath + "/run.lock")
                    && (try? fixture.run(["intake", "--once"]).status) == 75
            })
        let status = try fixture.run(["status", "--format", "json", "--now", "2024-03-15T09:00:00+07:00"])
        #expect(status.status == 0)
        // The daemon polled at its start: the mailbox's state is in `status`.
        #expect(
            eventually {
                status.stdout.contains("\"intake\":{\"last_poll\":\"2024")
                    || (try? fixture.run(["status", "--format", "json"]).stdout.contains("\"last_poll\":\"2024"))
                        == true
            })
    }

    /// Whether some dictionary inside `value` satisfies `predicate`.
    static func find(_ value: Any, _ predicate: ([String: Any]) -> Bool) -> Bool {
        if let object = value as? [String: Any] {
            if predicate(object) { return true }
            return object.values.contains { find($0, predicate) }
        }
        if let array = value as? [Any] { return array.contains { find($0, predicate) } }
        return false
    }
}
