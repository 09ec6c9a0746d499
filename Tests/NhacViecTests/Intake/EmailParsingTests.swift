import Foundation
import Testing

@testable import NhacViec

/// MIME parsing and report extraction on the corpus of Tests/Fixtures/emails
/// (messages laid out as Thunderbird, Outlook and Gmail write them) and on
/// the encodings one at a time.
@Suite struct EmailParsingTests {
    static let fixtures = TestConfig.packageRoot.appendingPathComponent("Tests/Fixtures/emails")

    static func email(_ name: String) throws -> IncomingEmail {
        IncomingEmail(raw: [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))))
    }

    /// Parses every report found with the intake's config, as `submit` would.
    static func submissions(_ name: String) throws -> [Submission] {
        let config = try IntakeTestSupport.config()
        let received = try IntakeTestSupport.at("2024-04-15T10:00:00+07:00")
        let reports = EmailReportExtractor.extract(try email(name), messages: SubmissionMessages(config)).reports
        return try reports.map { found in
            try SubmissionParser.parse(
                data: Data(found.data), fileName: found.fileName, config: config, receivedAt: received)
        }
    }

    @Test(arguments: [
        "thunderbird-reply-body.eml", "thunderbird-attachment-rfc2231.eml", "outlook-html-windows-1258.eml",
        "outlook-attachment-yaml.eml", "gmail-reply-alternative.eml", "gmail-forward-rfc822.eml",
    ])
    func eachClientsReportIsFoundAndValid(name: String) throws {
        let submissions = try Self.submissions(name)
        try #require(submissions.count == 1)
        let submission = submissions[0]
        #expect(submission.unit == "phong-qldt")
        #expect(submission.report == "monthly")
        #expect(submission.period == "2024-03")
        #expect(submission.tasks.map(\.id) == ["II.3", "VI.2"])
        #expect(submission.tasks.first?.note == "Đã ban hành QĐ số 45/QĐ-BQL ngày 12/3/2024")
        #expect(submission.tasks.last?.progress == 60)
        #expect(submission.difficulties == ["Chưa có hướng dẫn của Sở Nội vụ về số hóa hồ sơ"])
    }

    @Test func aBodyReportStopsAtTheQuotedOriginal() throws {
        let found = try #require(
            EmailReportExtractor.extract(
                try Self.email("thunderbird-reply-body.eml"), messages: SubmissionMessages(language: .vietnamese)
            ).reports.first)
        let text = String(decoding: found.data, as: UTF8.self)
        #expect(found.fileName == EmailReportExtractor.bodyFileName)
        #expect(found.origin == .body(firstLine: 5))
        #expect(text.hasPrefix("---\nunit: phong-qldt\n"))
        #expect(text.contains("Trân trọng"))
        #expect(!text.contains("wrote:"))
        #expect(!text.contains("Kính gửi Phòng"))
    }

    @Test func headersAreDecodedFromEveryClient() throws {
        let thunderbird = try Self.email("thunderbird-reply-body.eml")
        #expect(
            thunderbird.subject == "Re: [Nhắc việc] Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3/2024"
        )
        #expect(thunderbird.from?.address == "qldt@example.gov.vn")
        #expect(thunderbird.from?.displayName == "Phòng Quản lý đầu tư")
        #expect(thunderbird.messageID == "<1f6b2c1e-3d4a-4c8e-9b1a-2f0e5d7c8a91@qldt.example.gov.vn>")
        #expect(thunderbird.references == ["<report.monthly.phong-qldt.2024-03.before-1wd@example.gov.vn>"])
        let outlook = try Self.email("outlook-html-windows-1258.eml")
        #expect(outlook.subject == "RE: [Nhắc việc] Báo cáo tháng 3/2024")
        #expect(outlook.from?.displayName == "Phòng QLĐT")
        let gmail = try Self.email("gmail-reply-alternative.eml")
        #expect(gmail.from?.displayName == "Trần Văn B")
        #expect(!thunderbird.isAutomatic && !outlook.isAutomatic && !gmail.isAutomatic)
    }

    @Test func attachmentNamesAreDecoded() throws {
        let thunderbird = try Self.email("thunderbird-attachment-rfc2231.eml")
        #expect(
            thunderbird.root.allEntities.compactMap(\.fileName) == [
                "báo-cáo-tháng-3-năm-2024-phòng-quản-lý-đầu-tư.md"
            ])
        let outlook = try Self.email("outlook-attachment-yaml.eml")
        #expect(outlook.root.allEntities.compactMap(\.fileName) == ["Báo cáo tháng 3.yaml"])
    }

    @Test func bouncesAndAutoRepliesAreAutomatic() throws {
        #expect(try Self.email("bounce-dsn.eml").isAutomatic)
        #expect(try Self.email("auto-reply-vacation.eml").isAutomatic)
        #expect(try Self.email("bounce-dsn.eml").from?.address == "MAILER-DAEMON@mail.example.gov.vn")
    }

    @Test func aLatin1BodyIsReadInItsCharset() throws {
        let submissions = try Self.submissions("plain-iso-8859-1.eml")
        #expect(submissions.first?.tasks.first?.note == "Décision no. 45 issued")
        #expect(submissions.first?.difficulties == ["Awaiting guidance (café)"])
    }

    @Test func aBadReportInABodyIsLocatedInTheReport() throws {
        #expect {
            try Self.submissions("thunderbird-bad-report.eml")
        } throws: { error in
            guard let error = error as? SubmissionError else { return false }
            // The second task line is line 7 of the report; column 25 is the status value.
            return error.issues.contains { $0.line == 7 && $0.column == 25 && $0.message.contains("dang_lam") }
        }
    }

    @Test(arguments: [
        ("=?UTF-8?B?QsOhbyBjw6Fv?= =?UTF-8?Q?_th=C3=A1ng_3?=", "Báo cáo tháng 3"),
        ("Re: =?windows-1258?Q?B=E1o_c=E1o_Vi=EA=F2t?= x", "Re: Báo cáo Việt x"),
        ("=?iso-8859-1?q?caf=E9?=", "café"),
        ("plain text", "plain text"),
        ("=?bogus-charset?Q?abc?=", "=?bogus-charset?Q?abc?="),
        ("=?utf-8*vi?B?VGjDoW5n?=", "Tháng"),
    ])
    func encodedWordsAreDecoded(raw: String, expected: String) {
        #expect(EncodedWords.decode(raw) == expected)
    }

    @Test func rfc2231ParametersWithAndWithoutContinuations() {
        let single = MIMEFieldValue("attachment; filename*=utf-8'vi'b%C3%A1o%20c%C3%A1o.md")
        #expect(single.value == "attachment")
        #expect(single.parameters["filename"] == "báo cáo.md")
        let mixed = MIMEFieldValue(
            "attachment; filename*0*=windows-1258''B%E1o; filename*1=\" ca\"; filename*2*=%ECo.yaml")
        #expect(mixed.parameters["filename"] == "Báo cáo.yaml")
        let quoted = MIMEFieldValue("text/plain; charset=\"UTF-8\"; name=\"a \\\"b\\\".md\"")
        #expect(quoted.value == "text/plain")
        #expect(quoted.parameters["charset"] == "UTF-8")
        #expect(quoted.parameters["name"] == "a \"b\".md")
    }

    @Test func transferEncodingsAreUndone() {
        #expect(MIMEBytes.base64(Array("QsOh\r\nbyBj\r\nw6Fv".utf8)[...]) == Array("Báo cáo".utf8))
        #expect(
            MIMEBytes.quotedPrintable(Array("B=C3=A1o c=\r\n=C3=A1o=20\r\nx".utf8)[...]) == Array("Báo cáo \r\nx".utf8))
        #expect(MIMEBytes.quotedPrintable(Array("trailing =  \r\nnext".utf8)[...]) == Array("trailing next".utf8))
    }

    @Test func windows1258ToneMarksComeOutPrecomposed() {
        // "Việt Nam": ê (0xEA) + combining dot below (0xF2).
        let text = MIMECharset.decode([0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D], charset: "windows-1258")
        #expect(text == "Việt Nam")
        #expect(text?.unicodeScalars.count == 8)
        #expect(MIMECharset.decode([0xFF, 0xFE], charset: "utf-8") == nil)
        #expect(MIMECharset.decode(Array("x".utf8), charset: "../../etc/passwd") == nil)
    }

    @Test func nestedMultipartsAreWalked() {
        let raw = """
            Content-Type: multipart/mixed; boundary=outer\r
            \r
            preamble\r
            --outer\r
            Content-Type: multipart/alternative; boundary="inner"\r
            \r
            --inner\r
            Content-Type: text/plain\r
            \r
            plain\r
            --inner\r
            Content-Type: text/html\r
            \r
            <p>html</p>\r
            --inner--\r
            --outer\r
            Content-Type: text/yaml; name=r.yaml\r
            Content-Disposition: attachment\r
            \r
            unit: x\r
            --outer--\r
            epilogue\r

            """
        let root = MIMEParser.parse(Array(raw.utf8))
        #expect(root.parts.count == 2)
        #expect(root.parts[0].parts.map(\.contentType.value) == ["text/plain", "text/html"])
        #expect(String(decoding: root.parts[0].parts[0].content, as: UTF8.self) == "plain")
        #expect(root.parts[1].fileName == "r.yaml")
        #expect(String(decoding: root.parts[1].content, as: UTF8.self) == "unit: x")
    }

    @Test func htmlBecomesLines() {
        let text = EmailHTMLText.text(
            "<html><head><style>p{}</style></head><body><div>---</div><div>unit:&nbsp;x</div><p>a &amp; b &#7879;</p>"
                + "<!-- a > b --><br>end</body></html>")
        // `</p>` ends a line and `<br>` adds an empty one, as a browser shows them.
        #expect(text == "---\nunit: x\na & b ệ\n\nend")
    }

    @Test(arguments: [
        ("On Mon, 15 Apr 2024 at 08:00, Văn phòng <a@b.vn> wrote:", nil, true),
        ("On Mon, Apr 15, 2024 at 8:00 AM Văn phòng <", "a@b.vn> wrote:", true),
        ("Vào Th 2, 15 thg 4, 2024 vào lúc 08:00 Văn phòng đã viết:", nil, true),
        ("-----Original Message-----", nil, true),
        ("From: Văn phòng", "Sent: Monday, April 15, 2024 8:00 AM", true),
        ("Từ: Văn phòng", "Đã gửi: Thứ Hai", true),
        ("On time, as promised.", nil, false),
        ("From: the unit's records", "we conclude", false),
    ])
    func replyHeadersAreRecognised(line: String, next: String?, expected: Bool) {
        #expect(EmailReportExtractor.isReplyHeader(line, next: next) == expected)
    }

    @Test(arguments: [
        (MessageLanguage.vietnamese, "tệp đính kèm lớn hơn 10 MB (10 MB): báo cáo không được nhận"),
        (.english, "the attachment is larger than 10 MB (10 MB): the report was not received"),
    ])
    func aReportAttachmentWinsOverTheBodyAndOversizeIsAProblemInTheOrganizationsLanguage(
        _ language: MessageLanguage, _ expected: String
    ) {
        let big = String(repeating: "A", count: (EmailReportExtractor.maximumAttachmentSize / 3 + 10) * 4)
        let raw = """
            From: a@b.vn\r
            Content-Type: multipart/mixed; boundary=b\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            ---\r
            unit: x\r
            ---\r
            --b\r
            Content-Type: text/markdown; name=big.md\r
            Content-Transfer-Encoding: base64\r
            Content-Disposition: attachment; filename=big.md\r
            \r
            \(big)\r
            --b--\r

            """
        let result = EmailReportExtractor.extract(
            IncomingEmail(raw: Array(raw.utf8)), messages: SubmissionMessages(language: language))
        #expect(result.reports.isEmpty)
        #expect(result.problems.map(\.fileName) == ["big.md"])
        #expect(result.problems.map(\.message) == [expected])
    }

    @Test(arguments: [
        ("mail.example.gov.vn;*dmarc=pass*", "mail.example.gov.vn; spf=pass; DMARC=pass (p=none)", true),
        ("mail.example.gov.vn;*dmarc=pass*", "evil.example; dmarc=pass", false),
        ("a?c", "abc", true),
        ("*", "", true),
    ])
    func globsMatchWithoutCase(pattern: String, text: String, expected: Bool) {
        #expect(
            Glob.matches(Array(pattern.lowercased().unicodeScalars), Array(text.lowercased().unicodeScalars))
                == expected)
    }

    @Test func onlyTheTopmostRequiredHeaderCounts() {
        let raw = """
            Authentication-Results: mail.example.gov.vn; dmarc=fail\r
            Authentication-Results: mail.example.gov.vn; dmarc=pass\r
            From: a@b.vn\r
            \r
            x\r

            """
        let email = IncomingEmail(raw: Array(raw.utf8))
        #expect(!email.topmostHeader("authentication-results", matches: "mail.example.gov.vn;*dmarc=pass*"))
        #expect(email.topmostHeader("Authentication-Results", matches: "mail.example.gov.vn;*dmarc=fail*"))
    }

    @Test func anUnchangedTemplateIsRecognisedWhateverTheReindenting() throws {
        let config = try IntakeTestSupport.config()
        let template = ReportTemplate.markdown(config: config, unit: "phong-qldt", report: "monthly", period: "2024-03")
        #expect(template.contains("  - { id: II.3, status: not_started }"))
        #expect(
            ReportTemplate.isUnchanged(
                "\n" + template.replacingOccurrences(of: "  - {", with: "- {") + "\n\n", template: template))
        #expect(
            !ReportTemplate.isUnchanged(
                template.replacingOccurrences(of: "(ghi tại đây)", with: "xong"), template: template))
        // The template itself is a valid report (only its text is missing).
        _ = try SubmissionParser.parse(
            text: template, fileName: "t.md", config: config,
            receivedAt: try IntakeTestSupport.at("2024-04-15T10:00:00+07:00"))
    }
}
