import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Reminder emails built from digests of the real scheduler, read back with
/// Python's email package where the bytes matter.
@Suite struct MessageComposerTests {
    static let clock = WallClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current)

    static func instant(_ text: String) throws -> Date {
        try #require(clock.parse(text))
    }

    /// Tasks of phong-qldt around April 2024:
    /// A.1 due "Tháng 3/2024" = Sun 31/03, moved to Mon 01/04; A.2 due Fri 29/03; A.3 due Wed 10/04.
    /// On Wed 03/04 at 08:00: A.2 overdue-1 (3wd), A.1 due step caught up (2 days old), A.3 before-5wd.
    static func yaml(
        language: String = "vi", delivery: String = "", admins: String = "",
        qldtHead: String = "{ title: Trưởng phòng, name: Trần Văn B, email: b@example.gov.vn }",
        a1Title: String = "Công bố thủ tục hành chính lĩnh vực đầu tư", extraTasks: String = "",
        reports: String = ""
    ) -> String {
        """
        version: 1
        organization:
          name: Ban Quản lý Khu kinh tế Hải Phòng
          office: van-phong
          plan_year: 2024
          language: \(language)
        \(admins)
        \(delivery)
        webhooks:
          - id: zalo-qldt
            url: https://hooks.example.vn/abc
            timeout: 5s
        units:
          - id: van-phong
            name: Văn phòng Ban Quản lý
            email: [vanphong@example.gov.vn]
            head: { title: Chánh Văn phòng, name: Nguyễn Văn A, email: a@example.gov.vn }
          - id: phong-qldt
            name: Phòng Quản lý đầu tư
            email: [qldt@example.gov.vn]
            webhooks: [zalo-qldt]
            head: \(qldtHead)
          - id: phong-tc
            name: Phòng Tổ chức
            email: [tc@example.gov.vn]
        tasks:
          - id: A.1
            area: tthc
            title: \(a1Title)
            lead: phong-qldt
            support: [phong-tc]
            due: Tháng 3/2024
            output: Quyết định công bố
          - id: A.2
            area: cong_vu
            title: Đánh giá, xếp loại cán bộ quý I
            lead: phong-qldt
            due: 29/03/2024
          - id: A.3
            area: chinh_quyen_so
            title: Cập nhật cơ sở dữ liệu dự án đầu tư
            lead: phong-qldt
            due: 10/04/2024
        \(extraTasks)
        \(reports)
        """
    }

    static func config(_ yaml: String = yaml()) throws -> Config {
        try TestConfig.load(yaml)
    }

    /// The digests the scheduler sends at `now`, from an empty state; ticks at
    /// `earlier` instants first send what was due before, as a running daemon would.
    static func digests(_ config: Config, at now: String, after earlier: [String] = []) throws -> [Digest] {
        var scheduler = Scheduler(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var state = MemoryState()
        for tick in earlier {
            _ = state.apply(scheduler.tick(now: try instant(tick), state: state))
        }
        return state.apply(scheduler.tick(now: try instant(now), state: state))
    }

    static func digest(
        _ config: Config, at now: String, after earlier: [String] = [], to recipient: Recipient,
        channel: Channel = .email
    ) throws -> Digest {
        try #require(
            try digests(config, at: now, after: earlier).first { $0.recipient == recipient && $0.channel == channel })
    }

    static func email(_ config: Config, at now: String, after earlier: [String] = [], to recipient: Recipient) throws
        -> EmailMessage
    {
        let digest = try digest(config, at: now, after: earlier, to: recipient)
        return try #require(MessageComposer(config: config).email(for: digest))
    }

    /// Plain text with the wrapping undone, so phrases can be found across line breaks.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let overdueDay = "2024-04-03T08:00:00+07:00"

    // MARK: Addresses

    @Test func aUnitDigestGoesToTheLeadUnitWithSupportingUnitsInCcFromTheOfficeWhenThereIsNoSMTP() throws {
        let config = try Self.config()
        let message = try Self.email(config, at: Self.overdueDay, to: .unit("phong-qldt"))

        #expect(message.to.map(\.description) == ["Phòng Quản lý đầu tư <qldt@example.gov.vn>"])
        #expect(message.cc.map(\.description) == ["Phòng Tổ chức <tc@example.gov.vn>"])
        #expect(message.from.description == "Văn phòng Ban Quản lý <vanphong@example.gov.vn>")
        #expect(message.date == (try Self.instant(Self.overdueDay)))
        #expect(message.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(message.extraHeaders.map { "\($0.name): \($0.value)" }.contains("X-Nhacviec-Kind: reminder"))
    }

    @Test func theConfiguredFromIsUsedWhenSMTPIsConfigured() throws {
        let config = try Self.config(
            Self.yaml(
                delivery: """
                    delivery:
                      email:
                        url: smtp://mail.example.gov.vn:587
                        from: "Hệ thống nhắc việc <no-reply@example.gov.vn>"
                    """))
        let message = try Self.email(config, at: Self.overdueDay, to: .unit("phong-qldt"))
        #expect(message.from.description == "Hệ thống nhắc việc <no-reply@example.gov.vn>")
    }

    @Test func theMessageKeyIsTheDigestKey() throws {
        let config = try Self.config()
        let digest = try Self.digest(config, at: Self.overdueDay, to: .unit("phong-qldt"))
        let message = try #require(MessageComposer(config: config).email(for: digest))
        #expect(digest.items.count == 3)
        #expect(message.key == digest.key)
        #expect(message.key.hasPrefix("digest/phong-qldt/email/"))
    }

    @Test func anEscalationGoesToTheHeadByNameAndTitle() throws {
        let config = try Self.config()
        // A.2 due Fri 29/03, escalate_after 5wd: Fri 05/04.
        let message = try Self.email(config, at: "2024-04-05T08:00:00+07:00", to: .head("phong-qldt"))
        #expect(message.to.map(\.description) == ["Trưởng phòng Trần Văn B <b@example.gov.vn>"])
        #expect(message.cc.isEmpty)
        #expect(
            message.subject
                == "[Nhắc việc – Báo cáo Thủ trưởng] Phòng Quản lý đầu tư – Đánh giá, xếp loại cán bộ quý I: quá hạn 5 ngày làm việc"
        )
        let text = Self.flat(message.textBody)
        #expect(text.contains("Kính gửi: Trưởng phòng Trần Văn B (Phòng Quản lý đầu tư)"))
        #expect(text.contains("Báo cáo người đứng đầu (quá hạn 5 ngày làm việc)"))
        #expect(
            text.contains(
                "Đề nghị đồng chí chỉ đạo Phòng Quản lý đầu tư khẩn trương hoàn thành nhiệm vụ và báo cáo kết quả về Văn phòng Ban Quản lý (vanphong@example.gov.vn)."
            ))
    }

    @Test func aHeadWithoutAnEmailIsReachedThroughTheUnitAddress() throws {
        let config = try Self.config(Self.yaml(qldtHead: "{ title: Trưởng phòng, name: Trần Văn B }"))
        let message = try Self.email(config, at: "2024-04-05T08:00:00+07:00", to: .head("phong-qldt"))
        #expect(message.to.map(\.description) == ["Phòng Quản lý đầu tư <qldt@example.gov.vn>"])
        #expect(Self.flat(message.textBody).contains("Thư gửi qua hộp thư của đơn vị"))
    }

    @Test func anUnnamedHeadWithoutAnEmailIsAddressedAsTheHeadOfTheUnit() throws {
        let config = try Self.config(Self.yaml(qldtHead: "{}"))
        let message = try Self.email(config, at: "2024-04-05T08:00:00+07:00", to: .head("phong-qldt"))
        #expect(message.to.map(\.description) == ["Phòng Quản lý đầu tư <qldt@example.gov.vn>"])
        let text = Self.flat(message.textBody)
        #expect(text.contains("Kính gửi: Người đứng đầu Phòng Quản lý đầu tư Xin báo cáo"))
        #expect(text.contains("đề nghị đơn vị chuyển đến người đứng đầu đơn vị."))
    }

    @Test func theOfficeGetsTheEscalationAsAFollowUp() throws {
        let config = try Self.config()
        let message = try Self.email(config, at: "2024-04-05T08:00:00+07:00", to: .unit("van-phong"))
        #expect(
            message.subject
                == "[Nhắc việc – Đôn đốc] Phòng Quản lý đầu tư – Đánh giá, xếp loại cán bộ quý I: quá hạn 5 ngày làm việc"
        )
        #expect(
            Self.flat(message.textBody).contains(
                "Đôn đốc Phòng Quản lý đầu tư hoàn thành; khi đơn vị báo đã hoàn thành, đề nghị quản trị viên hệ thống nhắc việc ghi nhận nhiệm vụ A.2 đã hoàn thành để dừng nhắc."
            ))
    }

    @Test func aDigestOnAnotherChannelOrForAnUnknownRecipientHasNoEmail() throws {
        let config = try Self.config()
        let composer = MessageComposer(config: config)
        let webhook = try Self.digest(
            config, at: Self.overdueDay, to: .unit("phong-qldt"), channel: .webhook("zalo-qldt"))
        #expect(composer.email(for: webhook) == nil)
        let email = try Self.digest(config, at: Self.overdueDay, to: .unit("phong-qldt"))
        let stranger = Digest(recipient: .unit("phong-khong-co"), channel: .email, items: email.items, at: email.at)
        #expect(composer.email(for: stranger) == nil)
    }

    // MARK: Subjects

    @Test func aDigestSubjectCountsItemsMostUrgentFirst() throws {
        let message = try Self.email(try Self.config(), at: Self.overdueDay, to: .unit("phong-qldt"))
        #expect(message.subject == "[Nhắc việc] Phòng Quản lý đầu tư: 2 nhiệm vụ quá hạn, 1 sắp đến hạn")
    }

    @Test func aSingleItemSubjectNamesTheItemAndItsTiming() throws {
        // Thu 28/03: only A.2's before-1wd (due Fri 29/03); A.1's before-5wd went out on Mon 25/03.
        let message = try Self.email(
            try Self.config(), at: "2024-03-28T08:00:00+07:00", after: ["2024-03-25T08:00:00+07:00"],
            to: .unit("phong-qldt"))
        #expect(message.subject == "[Nhắc việc] Đánh giá, xếp loại cán bộ quý I: sắp đến hạn (29/03/2024)")
    }

    @Test func aMonthlyReportDueTodayHasTheExampleSubjectAndWhereToSendIt() throws {
        let config = try Self.config(
            Self.yaml(
                reports: """
                    reports:
                      monthly:
                        title: Báo cáo kết quả CCHC
                        from: [phong-tc]
                        period: calendar_month
                        due: day 16
                    """))
        // calendar_month, day 16: the report for March 2024 is due Tue 16/04.
        let message = try Self.email(config, at: "2024-04-16T08:00:00+07:00", to: .unit("phong-tc"))
        #expect(message.subject == "[Nhắc việc] Báo cáo kết quả CCHC tháng 3/2024: đến hạn hôm nay")
        let text = Self.flat(message.textBody)
        #expect(text.contains("Thời hạn: Thứ Ba, 16/04/2024 (ngày 16 hằng tháng)"))
        #expect(text.contains("Báo cáo định kỳ tháng 3/2024, số liệu từ 01/03/2024 đến 31/03/2024"))
        #expect(
            text.contains(
                "Gửi báo cáo tháng 3/2024 về Văn phòng Ban Quản lý (vanphong@example.gov.vn) chậm nhất Thứ Ba, 16/04/2024."
            ))
        #expect(text.contains("Nhắc việc tự dừng khi Văn phòng Ban Quản lý nhận được báo cáo."))
    }

    // MARK: Body

    @Test func everyItemSaysWhatWhenWhichStepAndWhatToDo() throws {
        let message = try Self.email(try Self.config(), at: Self.overdueDay, to: .unit("phong-qldt"))
        let text = Self.flat(message.textBody)
        let expected = [
            "Kính gửi: Phòng Quản lý đầu tư",
            "Xin nhắc đơn vị 3 việc dưới đây, việc gấp nhất xếp trước.",
            "Thư đồng gửi đơn vị phối hợp: Phòng Tổ chức.",
            // A.2: overdue-1, three working days after Fri 29/03.
            "1. Đánh giá, xếp loại cán bộ quý I",
            "Nhiệm vụ: A.2 – Cải cách chế độ công vụ",
            "Thời hạn: Thứ Sáu, 29/03/2024 Tình trạng",
            "Tình trạng: Quá hạn 3 ngày làm việc",
            "Lần nhắc: Nhắc quá hạn lần 1/5",
            // A.1: its due step, caught up two working days late; the deadline moved off a Sunday.
            "2. Công bố thủ tục hành chính lĩnh vực đầu tư",
            "Nhiệm vụ: A.1 – Cải cách thủ tục hành chính",
            "Thời hạn: Thứ Hai, 01/04/2024 (Tháng 3/2024) – lùi từ Chủ nhật, 31/03/2024 do trùng ngày nghỉ",
            "Tình trạng: Quá hạn 2 ngày làm việc",
            "Lần nhắc: Nhắc vào ngày đến hạn",
            "Chủ trì: Phòng Quản lý đầu tư",
            "Phối hợp: Phòng Tổ chức",
            "Sản phẩm: Quyết định công bố",
            "Việc cần làm: Đề nghị khẩn trương hoàn thành. Cập nhật tiến độ trong báo cáo tháng gửi Văn phòng Ban Quản lý, hoặc báo Văn phòng Ban Quản lý (vanphong@example.gov.vn) khi hoàn thành để dừng nhắc.",
            // A.3: five working days before Wed 10/04.
            "3. Cập nhật cơ sở dữ liệu dự án đầu tư",
            "Thời hạn: Thứ Tư, 10/04/2024 Tình trạng",
            "Tình trạng: Còn 5 ngày làm việc đến hạn",
            "Lần nhắc: Nhắc trước hạn 5 ngày làm việc",
            "Việc cần làm: Cập nhật tiến độ",
            // Footer.
            "Thư gửi tự động từ hệ thống nhắc việc (nhacviec) của Văn phòng Ban Quản lý, Ban Quản lý Khu kinh tế Hải Phòng, lúc 08:00 Thứ Tư, 03/04/2024.",
            "Nhắc việc tự dừng khi Văn phòng Ban Quản lý ghi nhận nhiệm vụ đã hoàn thành.",
            "Mọi trao đổi xin gửi Văn phòng Ban Quản lý (vanphong@example.gov.vn).",
        ]
        for phrase in expected {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        // Most urgent first.
        let positions = ["1. Đánh giá", "2. Công bố", "3. Cập nhật"].compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
    }

    @Test func aKnownTaskStatusIsShown() throws {
        let config = try Self.config()
        let digest = try Self.digest(config, at: Self.overdueDay, to: .unit("phong-qldt"))
        let message = try #require(
            MessageComposer(config: config).email(for: digest) { $0 == "A.1" ? .inProgress : nil })
        let text = Self.flat(message.textBody)
        #expect(text.contains("Tiến độ đã báo: Đang thực hiện"))
        #expect(text.components(separatedBy: "Tiến độ đã báo:").count == 2, "shown for A.1 only")
    }

    @Test func plainTextIsWrappedAt76ColumnsAndNFC() throws {
        let message = try Self.email(try Self.config(), at: Self.overdueDay, to: .unit("phong-qldt"))
        for line in message.textBody.split(separator: "\n") {
            let words = line.split(separator: " ")
            #expect(line.count <= 76 || words.count == 1, "too long: \(line)")
        }
        #expect(message.textBody == message.textBody.precomposedStringWithCanonicalMapping)
        #expect(message.htmlBody == message.htmlBody?.precomposedStringWithCanonicalMapping)
        #expect(message.textBody.contains("\n-- \n"), "signature separator before the footer")
    }

    @Test func theRenderedEmailParsesWithBothPartsAndTheSameAddresses() throws {
        let message = try Self.email(try Self.config(), at: Self.overdueDay, to: .unit("phong-qldt"))
        let parsed = try ParsedEmail.parse(bytes: message.rendered())

        #expect(parsed.defects.isEmpty)
        #expect(parsed.subject == "[Nhắc việc] Phòng Quản lý đầu tư: 2 nhiệm vụ quá hạn, 1 sắp đến hạn")
        #expect(parsed.from == [.init(name: "Văn phòng Ban Quản lý", address: "vanphong@example.gov.vn")])
        #expect(parsed.to == [.init(name: "Phòng Quản lý đầu tư", address: "qldt@example.gov.vn")])
        #expect(parsed.cc == [.init(name: "Phòng Tổ chức", address: "tc@example.gov.vn")])
        #expect(parsed.auto_submitted == "auto-generated")
        #expect(parsed.date_iso == "2024-04-03T08:00:00+07:00")
        #expect(parsed.parts.map(\.type) == ["multipart/alternative", "text/plain", "text/html"])
        let plain = try #require(parsed.parts[1].text)
        let html = try #require(parsed.parts[2].text)
        #expect(Self.flat(plain).contains("Tình trạng: Quá hạn 3 ngày làm việc"))
        #expect(html.contains("Quá hạn 3 ngày làm việc"))
        #expect(html.contains("lùi từ Chủ nhật, 31/03/2024 do trùng ngày nghỉ"))
        #expect(!parsed.bare_cr && !parsed.bare_lf)
        #expect(parsed.max_line <= 998)
    }

    @Test func htmlEscapesConfigTextAndLoadsNothingFromOutside() throws {
        let title = "Rà soát <script>alert(1)</script> & \"quy chế\" <b>nội bộ</b>"
        let config = try Self.config(Self.yaml(a1Title: "'\(title)'"))
        let message = try Self.email(config, at: Self.overdueDay, to: .unit("phong-qldt"))
        let html = try #require(message.htmlBody)

        #expect(
            html.contains(
                "Rà soát &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quy chế&quot; &lt;b&gt;nội bộ&lt;/b&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<img") && !html.contains("<link") && !html.contains("<style"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
        // The plain text shows the title as written.
        #expect(Self.flat(message.textBody).contains(title))
    }

    @Test func aTitleWithLineBreaksCannotInjectAHeader() throws {
        // The config loader refuses such a title; a digest built from a config
        // changed in code must still not produce a second header.
        var config = try Self.config()
        config.tasks[0].title = "Công bố TTHC\r\nBcc: attacker@evil.example\r\nX-Injected: yes"
        // Mon 25/03: A.1's before-5wd alone (A.2's went out on Fri 22/03), so its title is the subject.
        let message = try Self.email(
            config, at: "2024-03-25T08:00:00+07:00", after: ["2024-03-22T08:00:00+07:00"], to: .unit("phong-qldt"))
        #expect(message.subject.contains("Công bố TTHC"))
        let bytes = message.rendered()
        let raw = String(decoding: bytes, as: UTF8.self)
        let header = try #require(raw.components(separatedBy: "\r\n\r\n").first)
        #expect(header.contains("\r\nSubject: "))
        #expect(!header.contains("\r\nBcc:"))
        #expect(!header.contains("\r\nX-Injected:"))
        let parsed = try ParsedEmail.parse(bytes: bytes)
        #expect(!parsed.header_names.contains("bcc"))
        #expect(!parsed.header_names.contains("x-injected"))
        #expect(message.envelopeRecipients == ["qldt@example.gov.vn", "tc@example.gov.vn"])
    }

    // MARK: English

    @Test func englishSwitchesEveryWordButTheConfigText() throws {
        let config = try Self.config(Self.yaml(language: "en"))
        let message = try Self.email(config, at: Self.overdueDay, to: .unit("phong-qldt"))
        #expect(message.subject == "[Reminder] Phòng Quản lý đầu tư: 2 tasks overdue, 1 due soon")
        let text = Self.flat(message.textBody)
        let expected = [
            "To: Phòng Quản lý đầu tư",
            "This is a reminder of the 3 items below, the most urgent first.",
            "Task: A.1 – Administrative procedure reform",
            "Deadline: Monday, 1 April 2024 (Tháng 3/2024) – moved from Sunday, 31 March 2024, a day off",
            "Timing: Overdue by 2 working days",
            "Reminder: Reminder on the due date",
            "Deadline: Friday, 29 March 2024 (29/03/2024)",
            "Timing: Overdue by 3 working days",
            "Reminder: Overdue reminder 1 of 5",
            "Timing: Due in 5 working days",
            "Reminder: Reminder 5 working days before the deadline",
            "Lead unit: Phòng Quản lý đầu tư",
            "Supporting units: Phòng Tổ chức",
            "Output: Quyết định công bố",
            "Reminders stop when Văn phòng Ban Quản lý records the task as done.",
        ]
        for phrase in expected {
            #expect(text.contains(phrase), "missing: \(phrase)")
        }
        for word in ["Kính gửi", "Thời hạn", "Quá hạn", "Việc cần làm", "Thứ Hai"] {
            #expect(!text.contains(word), "Vietnamese left in an English message: \(word)")
        }
        #expect(message.htmlBody?.contains("<html lang=\"en\">") == true)
    }

    @Test func englishSingleItemSubject() throws {
        let config = try Self.config(Self.yaml(language: "en"))
        let message = try Self.email(
            config, at: "2024-03-28T08:00:00+07:00", after: ["2024-03-25T08:00:00+07:00"], to: .unit("phong-qldt"))
        #expect(message.subject == "[Reminder] Đánh giá, xếp loại cán bộ quý I: due 29 March 2024")
        let escalation = try Self.email(config, at: "2024-04-05T08:00:00+07:00", to: .head("phong-qldt"))
        #expect(
            escalation.subject
                == "[Reminder – Escalation to head] Phòng Quản lý đầu tư – Đánh giá, xếp loại cán bộ quý I: overdue by 5 working days"
        )
    }
}
