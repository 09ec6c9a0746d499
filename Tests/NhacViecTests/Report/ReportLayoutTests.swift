import Foundation
import Testing

@testable import NhacViec

/// The appendix's "Phối hợp" column keeps room for a unit name per line in print
/// (issue 9 #21): fixed table layout in HTML, a wide enough grid column in DOCX.
@Suite struct ReportLayoutTests {
    @Test func theHTMLTablesKeepTheirColumnWidthsAndPhoiHopHasRoom() throws {
        let html = String(
            decoding: try ReportRenderer.render(try ReportFixture.report(), as: .html), as: UTF8.self)
        #expect(html.contains("table-layout: fixed }") || html.contains("table-layout: fixed;"))
        let appendix = try #require(html.range(of: "Phối hợp</th>"), "no appendix table")
        let table = try #require(html[..<appendix.lowerBound].range(of: "<colgroup>", options: .backwards))
        let columns = html[table.upperBound..<appendix.lowerBound].components(separatedBy: "width: ").dropFirst()
            .compactMap { Double($0.prefix { $0 != "%" }) }
        #expect(columns.count == 7)
        // STT, Nhiệm vụ, Chủ trì, Phối hợp: about 33 mm of the 165 mm text width.
        #expect(columns.count > 3 && columns[3] >= 18, "\(columns)")
    }

    @Test func theDOCXAppendixGivesPhoiHopAtLeastThreeCentimetres() throws {
        let table = ReportOutline.appendixTable(try ReportFixture.report())
        let widths = table.columns.map(\.width)
        // 1 cm = 567 twips; the columns fill the 9355-twip text width of A4 with Decree 30 margins.
        #expect(widths.reduce(0, +) == ReportOutline.textWidth)
        #expect((table.columns.first { $0.title == "Phối hợp" }?.width ?? 0) >= 1701)
    }
}
