import Foundation
import Testing

@testable import NhacViec

/// Issue 9 #20: recipients are told to report to the Office, never to run a
/// command only an administrator on the server can run.
@Suite struct MessageComposerWhatToDoTests {
    static let officeTask = """
          - id: B.1
            area: tthc
            title: Rà soát quy chế làm việc của Văn phòng
            lead: van-phong
            due: 29/03/2024
        """
    static let monthly = """
        reports:
          monthly:
            title: Báo cáo kết quả CCHC
            from: [phong-tc]
            period: calendar_month
            due: day 16
        """

    /// Every email (text and HTML) and chat note sent from 20/03 to 22/04/2024, as a running daemon would send them.
    static func everything(language: String) throws -> [(recipient: Recipient, text: String)] {
        let yaml = MessageComposerTests.yaml(
            language: language, admins: "  admins: [quantri@example.gov.vn]", extraTasks: officeTask,
            reports: monthly)
        let config = try MessageComposerTests.config(yaml)
        let composer = MessageComposer(config: config)
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        var out: [(Recipient, String)] = []
        var day = try MessageComposerTests.instant("2024-03-20T08:00:00+07:00")
        let end = try MessageComposerTests.instant("2024-04-22T08:00:00+07:00")
        while day <= end {
            for digest in state.apply(scheduler.tick(now: day, state: state)) {
                if let email = composer.email(for: digest) {
                    out.append((digest.recipient, MessageComposerTests.flat(email.textBody)))
                    out.append((digest.recipient, email.htmlBody ?? ""))
                }
                // What the chat formats show for each item.
                for item in composer.reminderItems(of: digest, taskStatus: { _ in nil }) {
                    out.append((digest.recipient, composer.webhookItem(item, digest: digest).note ?? ""))
                }
            }
            day += 86_400
        }
        return out
    }

    @Test(arguments: ["vi", "en"])
    func noMessageTellsItsReaderToRunACommand(language: String) throws {
        let messages = try Self.everything(language: language)
        let recipients = Set(messages.map(\.recipient.description))
        #expect(recipients.isSuperset(of: ["phong-qldt", "phong-tc", "van-phong", "head:phong-qldt"]), "\(recipients)")
        for (recipient, text) in messages {
            #expect(!text.contains("nhacviec task"), "\(recipient): \(text)")
            #expect(!text.contains("--status"), "\(recipient): \(text)")
            #expect(!text.contains("nhacviec submit"), "\(recipient): \(text)")
        }
    }

    @Test func aUnitIsToldToReportToTheOfficeByNameAndAddress() throws {
        let messages = try Self.everything(language: "vi").filter { $0.recipient == .unit("phong-qldt") }
        #expect(
            messages.contains {
                $0.text.contains(
                    "Cập nhật tiến độ trong báo cáo tháng gửi Văn phòng Ban Quản lý, hoặc báo Văn phòng Ban Quản lý (vanphong@example.gov.vn) khi hoàn thành để dừng nhắc."
                )
            })
        let reports = try Self.everything(language: "en").filter { $0.recipient == .unit("phong-tc") }
        #expect(
            reports.contains {
                $0.text.contains("Send the report for March 2024 to Văn phòng Ban Quản lý (vanphong@example.gov.vn) by")
            })
    }

    @Test func theOfficeAsksTheAdministratorsToRecordWhatItLearns() throws {
        let messages = try Self.everything(language: "vi").filter { $0.recipient == .unit("van-phong") }
        // Its own task B.1.
        #expect(
            messages.contains {
                $0.text.contains(
                    "Khi hoàn thành, đề nghị quản trị viên hệ thống nhắc việc (quantri@example.gov.vn) ghi nhận nhiệm vụ B.1 đã hoàn thành để dừng nhắc."
                )
            })
        // A unit's overdue task escalated to it.
        #expect(
            messages.contains {
                $0.text.contains(
                    "khi đơn vị báo đã hoàn thành, đề nghị quản trị viên hệ thống nhắc việc (quantri@example.gov.vn) ghi nhận nhiệm vụ A.2 đã hoàn thành"
                )
            })
    }
}
