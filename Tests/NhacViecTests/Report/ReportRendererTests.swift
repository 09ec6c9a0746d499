import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

@Suite struct ReportRendererTests {
    static let sectionTitles = [
        "I. Kết quả thực hiện nhiệm vụ", "II. Tình hình báo cáo của các đơn vị", "III. Tồn tại, hạn chế, vướng mắc",
        "IV. Nhiệm vụ trọng tâm tháng tới", "V. Đề xuất, kiến nghị",
    ]
    static let appendixHeader = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Trạng thái", "Ghi chú"]
    static let hostile = #"<img src="http://evil.example/x.png" onerror="alert(1)">"#

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    // MARK: - Markdown

    @Test func markdownHasTheHeaderSectionsAndAppendixRows() throws {
        let md = Self.text(try ReportRenderer.render(try ReportFixture.report(), as: .md))
        for expected in [
            "**BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG**", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Số:      /BC-BQL",
            "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
            "*Hải Phòng, ngày 18 tháng 4 năm 2024*", "# BÁO CÁO",
            "**Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024**",
            "Kính gửi: Ban Chỉ đạo cải cách hành chính thành phố.",
            "| 2 | Phòng Tổ chức | 18/04/2024 | Chậm 2 ngày |", "| 3 | Thanh tra Ban Quản lý |  | Chưa gửi |",
            "| 3 | I.3. Ban hành Kế hoạch kiểm tra CCHC | Văn phòng Ban Quản lý | Thanh tra Ban Quản lý | "
                + "01/04/2024<br>(Chậm nhất ngày 31/3/2024) | Quá hạn | Quá hạn 17 ngày |",
            "| **V** | **Cải cách chế độ công vụ** |", "|  | **Tổng cộng** | **14** | **4** | **2** | **3** | **3** |",
            "- **Phòng Tổ chức:** Đề nghị Lãnh đạo Ban bố trí kinh phí.", "***Nơi nhận:***",
            "- Lưu: VT, Văn phòng Ban Quản lý.", "**KT. TRƯỞNG BAN**",
        ] {
            #expect(md.contains(expected), "missing: \(expected)")
        }
        for title in Self.sectionTitles {
            #expect(md.contains("\n## \(title)\n"), "missing section \(title)")
        }
        #expect(md.contains("| " + Self.appendixHeader.joined(separator: " | ") + " |"))
    }

    @Test func markdownEscapesMarkupFromSubmissions() throws {
        let md = Self.text(try ReportRenderer.render(try ReportFixture.report(), as: .md))
        #expect(md.contains(#"\<script\>alert('x')\</script\>Thiếu biên chế \& kinh phí."#))
        #expect(!md.contains("<script>"))
    }

    @Test(arguments: [ReportFormat.md, .html])
    func renderedTextIsNFC(_ format: ReportFormat) throws {
        let text = Self.text(try ReportRenderer.render(try ReportFixture.report(), as: format))
        #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(text.contains("Chưa có hướng dẫn của Sở Nội vụ về vị trí việc làm"))
    }

    // MARK: - HTML

    @Test func htmlHasTheDecree30HeaderInTwoColumns() throws {
        let view = try ReportCheckers.html(try ReportRenderer.render(try ReportFixture.report(), as: .html))
        #expect(view.doctype == "DOCTYPE html")
        #expect(view.lang == "vi")
        #expect(view.by_class["parent"] == ["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"])
        #expect(view.by_class["agency"] == ["BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG"])
        #expect(view.by_class["national"] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        #expect(view.by_class["motto"] == ["Độc lập - Tự do - Hạnh phúc"])
        #expect(view.by_class["number"] == ["Số: /BC-BQL"])
        #expect(view.by_class["date"] == ["Hải Phòng, ngày 18 tháng 4 năm 2024"])
        #expect(view.by_class["doc-type"] == ["BÁO CÁO"])
        #expect(view.by_class["subject"] == ["Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024"])
        let header = try #require(view.tables.first { $0.class == "header" })
        #expect(header.rows.count == 2)
        #expect(header.rows.first?.last == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
        #expect(header.rows.last == ["Số: /BC-BQL", "Hải Phòng, ngày 18 tháng 4 năm 2024"])
        let recipients = try #require(view.tables.first { $0.class == "recipients" })
        #expect(recipients.rows == [["Kính gửi:", "Ban Chỉ đạo cải cách hành chính thành phố."]])
        #expect(view.by_class["signer"] == ["KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN Bùi Ngọc Hải"])
        #expect(view.by_class["distribution-label"] == ["Nơi nhận:"])
        #expect(
            view.by_class["distribution"] == ["Nơi nhận: - Như trên; - Lãnh đạo Ban; - Lưu: VT, Văn phòng Ban Quản lý."]
        )
    }

    @Test func htmlHasSectionsAndTablesWithRepeatingHeaders() throws {
        let view = try ReportCheckers.html(try ReportRenderer.render(try ReportFixture.report(), as: .html))
        #expect(Self.sectionTitles.allSatisfy(view.headings.contains))
        let appendix = try #require(view.tables.first { $0.class.contains("appendix-table") })
        #expect(appendix.thead == [Self.appendixHeader])
        #expect(appendix.thead_count == 1)
        #expect(appendix.rows.count == 14 + 5)
        #expect(
            appendix.rows.contains([
                "3", "I.3. Ban hành Kế hoạch kiểm tra CCHC", "Văn phòng Ban Quản lý", "Thanh tra Ban Quản lý",
                "01/04/2024\n(Chậm nhất ngày 31/3/2024)", "Quá hạn", "Quá hạn 17 ngày",
            ]))
        #expect(appendix.rows.contains(["VII", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"]))
        let units = try #require(view.tables.first { $0.thead.first?.contains("Tình trạng") == true })
        #expect(
            units.rows == [
                ["1", "Phòng Quản lý đầu tư", "15/04/2024", "Đúng hạn"],
                ["2", "Phòng Tổ chức", "18/04/2024", "Chậm 2 ngày"],
                ["3", "Thanh tra Ban Quản lý", "", "Chưa gửi"],
                ["4", "Trung tâm Xúc tiến đầu tư", "16/04/2024", "Đúng hạn"],
            ])
        #expect(view.by_class["appendix-label"] == ["Phụ lục"])
    }

    @Test func htmlIsPrintReadyA4WithoutExternalResources() throws {
        let view = try ReportCheckers.html(try ReportRenderer.render(try ReportFixture.report(), as: .html))
        let style = view.style
        #expect(style.contains("@page { size: A4; margin: 20mm 15mm 20mm 30mm }"))
        #expect(style.contains("thead { display: table-header-group }"))
        #expect(style.contains("font-family: \"Times New Roman\""))
        #expect(style.contains("font-size: 14pt"))
        #expect(style.contains("text-indent: 1cm"))
        #expect(style.contains("text-align: justify"))
        #expect(style.contains(".appendix { page-break-before: always; break-before: page }"))
        #expect(view.external.isEmpty)
        #expect(view.scripts == 0)
    }

    @Test func htmlShowsInjectedMarkupAsText() throws {
        var report = try ReportFixture.report()
        report.organization.name = Self.hostile
        report.proposals[0].text = "</p><script>alert(2)</script>"
        report.appendix[0].note = Self.hostile
        let view = try ReportCheckers.html(try ReportRenderer.render(report, as: .html))
        #expect(view.scripts == 0)
        #expect(view.external.isEmpty)
        #expect(view.event_handlers.isEmpty)
        // The fixture's difficulty with a <script> and the hostile values come out as text.
        #expect(
            view.paragraphs.contains("- Phòng Quản lý đầu tư: <script>alert('x')</script>Thiếu biên chế & kinh phí."))
        #expect(view.paragraphs.contains("- Phòng Quản lý đầu tư: </p><script>alert(2)</script>."))
        #expect(view.by_class["agency"] == [Self.hostile.uppercased()])
        #expect(view.text.contains(Self.hostile))
    }

    @Test func htmlListsSeveralRecipientsOneALine() throws {
        var report = try ReportFixture.report()
        report.recipients = ["Ban Chỉ đạo cải cách hành chính thành phố", "Sở Nội vụ"]
        let view = try ReportCheckers.html(try ReportRenderer.render(report, as: .html))
        let recipients = try #require(view.tables.first { $0.class == "recipients" })
        #expect(recipients.rows == [["Kính gửi:", "- Ban Chỉ đạo cải cách hành chính thành phố;\n- Sở Nội vụ."]])
    }

    // MARK: - JSON

    @Test func jsonRoundTripsToTheSameModel() throws {
        let report = try ReportFixture.report()
        let data = try ReportRenderer.render(report, as: .json)
        #expect(try ReportRenderer.decodeJSON(data) == report)
        let text = Self.text(data)
        // Snake_case keys and the organisation's offset, like `status` and `plan`.
        #expect(text.contains(#""compiled_at" : "2024-04-18T09:00:00+07:00""#))
        #expect(text.contains(#""compile_date" : "2024-04-18""#))
        #expect(text.contains(#""time_zone" : "Asia/Ho_Chi_Minh""#))
        #expect(text.contains(#""status" : "overdue""#))
        #expect(!text.contains("compiledAt"))
        // Sorted keys: "appendix" comes before "compile_date" at the top level.
        let appendix = try #require(text.range(of: "\n  \"appendix\""))
        let compileDate = try #require(text.range(of: "\n  \"compile_date\""))
        #expect(appendix.lowerBound < compileDate.lowerBound)
    }

    @Test func jsonMatchesItsSchemaWithSnakeCaseKeysAndTheOrganizationsOffset() throws {
        let report = try ReportFixture.report()
        let checked = try ReportJSONChecker.check(
            try ReportRenderer.render(report, as: .json), timeZone: "Asia/Ho_Chi_Minh")
        #expect(checked.status == 0, "\(checked.problems)")
    }

    @Test func jsonWritesInstantsInTheReportsZoneWithThatInstantsOffset() throws {
        var report = try ReportFixture.report()
        // New York is on daylight time (-04:00) on 18/04/2024.
        report.timeZone = "America/New_York"
        let data = try ReportRenderer.render(report, as: .json)
        let checked = try ReportJSONChecker.check(data, timeZone: "America/New_York")
        #expect(checked.status == 0, "\(checked.problems)")
        #expect(Self.text(data).contains(#""compiled_at" : "2024-04-17T22:00:00-04:00""#))
        #expect(try ReportRenderer.decodeJSON(data) == report)
        // The checker is not a rubber stamp: the same file in the wrong zone fails it.
        #expect(try ReportJSONChecker.check(data, timeZone: "Asia/Ho_Chi_Minh").status == 1)
    }

    @Test func jsonRejectsAMalformedDate() throws {
        let data = try ReportRenderer.render(try ReportFixture.report(), as: .json)
        let broken = Self.text(data).replacingOccurrences(of: "\"2024-04-18\"", with: "\"18/04/2024\"")
        #expect(throws: DecodingError.self) { try ReportRenderer.decodeJSON(Data(broken.utf8)) }
    }

    // MARK: - DOCX

    @Test func docxIsA4WithDecree30MarginsAndFont() throws {
        let view = try ReportCheckers.docx(try ReportRenderer.render(try ReportFixture.report(), as: .docx))
        let section = try #require(view.sections.first)
        #expect(view.sections.count == 1)
        #expect((section.page_width, section.page_height) == (11906, 16838))
        // 20 mm = 1134 twips, 30 mm = 1701, 15 mm = 850.
        #expect((section.top, section.bottom, section.left, section.right) == (1134, 1134, 1701, 850))
        #expect(view.normal_font == "Times New Roman")
        #expect(view.normal_size_pt == 14)
        #expect(section.title_pg)
        #expect(section.header_has_page_field)
        #expect(section.first_header_text.isEmpty)
        #expect(view.core.title == "BÁO CÁO Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024")
        #expect(view.core.creator == "Ban Quản lý Khu kinh tế Hải Phòng")
    }

    @Test func docxHasTheHeaderTitleAndSections() throws {
        let view = try ReportCheckers.docx(try ReportRenderer.render(try ReportFixture.report(), as: .docx))
        let header = try #require(view.tables.first)
        #expect(!header.borders)
        #expect(
            header.rows == [
                [
                    "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nBAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG\n",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
                ],
                ["Số:      /BC-BQL", "Hải Phòng, ngày 18 tháng 4 năm 2024"],
            ])
        let texts = view.paragraphs.map(\.text)
        #expect(texts.prefix(2) == ["BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024"])
        #expect(texts.contains("Kính gửi: Ban Chỉ đạo cải cách hành chính thành phố."))
        let headings = view.paragraphs.filter { $0.style == "Heading 1" }.map(\.text)
        #expect(headings == Self.sectionTitles)
        #expect(texts.contains("- Phòng Quản lý đầu tư: <script>alert('x')</script>Thiếu biên chế & kinh phí."))
        #expect(texts.contains("Phụ lục"))
        let signature = try #require(view.tables.first { $0.rows.first?.first?.hasPrefix("Nơi nhận:") == true })
        #expect(
            signature.rows == [
                [
                    "Nơi nhận:\n- Như trên;\n- Lãnh đạo Ban;\n- Lưu: VT, Văn phòng Ban Quản lý.",
                    "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n\n\n\nBùi Ngọc Hải",
                ]
            ])
    }

    @Test func docxTablesHaveBordersAndARepeatedHeaderRow() throws {
        let view = try ReportCheckers.docx(try ReportRenderer.render(try ReportFixture.report(), as: .docx))
        let appendix = try #require(view.tables.last)
        #expect(appendix.borders)
        #expect(appendix.rows.first == Self.appendixHeader)
        #expect(appendix.header_rows == [true] + Array(repeating: false, count: 19))
        #expect(
            appendix.rows.contains([
                "6", "II.2. Tham mưu Quy chế phối hợp quản lý khu công nghiệp", "Phòng Quản lý đầu tư",
                "Thanh tra Ban Quản lý, Phòng Tổ chức", "15/04/2024\n(Ngày 15/4/2024)", "Quá hạn",
                "Chờ ý kiến Sở Tư pháp; Đơn vị báo có vướng mắc; Quá hạn 3 ngày",
            ]))
        let units = try #require(view.tables.first { $0.rows.first == ["STT", "Đơn vị", "Ngày nhận", "Tình trạng"] })
        #expect(units.header_rows.first == true)
        #expect(
            units.rows.map { $0[1] } == ["Đơn vị"] + [
                "Phòng Quản lý đầu tư", "Phòng Tổ chức", "Thanh tra Ban Quản lý", "Trung tâm Xúc tiến đầu tư",
            ])
        #expect(units.rows.map { $0[3] } == ["Tình trạng", "Đúng hạn", "Chậm 2 ngày", "Chưa gửi", "Đúng hạn"])
    }

    @Test func docxPackageHoldsWellFormedPartsAndIsDeterministic() throws {
        let report = try ReportFixture.report()
        let data = try ReportRenderer.render(report, as: .docx)
        #expect(try ReportRenderer.render(report, as: .docx) == data)
        let view = try ReportCheckers.docx(data)
        #expect(
            Set(view.parts) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/styles.xml",
                "word/settings.xml", "word/header1.xml", "word/header2.xml", "word/_rels/document.xml.rels",
            ])
        #expect(view.parts.first == "[Content_Types].xml")
        #expect(view.malformed.isEmpty)
    }

    @Test func docxDropsCharactersXMLCannotCarry() throws {
        var report = try ReportFixture.report()
        report.difficulties[0].text = "Ký tự điều khiển:\u{0001}\u{000B} hết"
        let data = try ReportRenderer.render(report, as: .docx)
        let view = try ReportCheckers.docx(data)
        #expect(view.paragraphs.map(\.text).contains("- Phòng Quản lý đầu tư: Ký tự điều khiển: hết."))
    }

    // MARK: - Names and dates

    @Test(arguments: ReportFormat.allCases)
    func fileNamesFollowThePeriod(_ format: ReportFormat) throws {
        let name = ReportRenderer.fileName(for: try ReportFixture.report(), format: format)
        #expect(name == "bao-cao-cchc-2024-03.\(format.rawValue)")
    }

    @Test(arguments: [
        ("2024-01-05", "ngày 05 tháng 01 năm 2024"), ("2024-02-15", "ngày 15 tháng 02 năm 2024"),
        ("2024-04-18", "ngày 18 tháng 4 năm 2024"), ("2024-12-09", "ngày 09 tháng 12 năm 2024"),
        ("2024-10-31", "ngày 31 tháng 10 năm 2024"),
    ])
    func documentDatesPadDaysBelowTenAndJanuaryAndFebruary(_ iso: String, _ expected: String) throws {
        #expect(ReportText.longDate(try #require(LocalDate(iso: iso))) == expected)
    }

    @Test func aReportWithoutParentAbbreviationOrSignerStillRenders() throws {
        var report = try ReportFixture.report()
        report.organization.parent = nil
        report.organization.abbreviation = nil
        report.organization.place = nil
        report.signer = .init()
        report.recipients = []
        for format in ReportFormat.allCases {
            #expect(try !ReportRenderer.render(report, as: format).isEmpty)
        }
        let view = try ReportCheckers.html(try ReportRenderer.render(report, as: .html))
        #expect(view.by_class["number"] == ["Số: /BC"])
        #expect(view.by_class["date"] == ["Ngày 18 tháng 4 năm 2024"])
        #expect(view.by_class["parent"] == nil)
    }
}
