import Foundation
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Reminders carry the unit's signed report page link when `web.base_url` is set (DESIGN §15).
@Suite struct MessageComposerUnitLinkTests {
    static let reports = """
        reports:
          monthly:
            title: Báo cáo kết quả thực hiện công tác cải cách hành chính
            from: all
            period: decree_09
            due: day 16
        web:
          base_url: https://nhacviec.example.gov.vn
          secret_env: NHACVIEC_WEB_SECRET
        """
    /// Period 2024-04 (15/03–14/04) is due Tue 16/04/2024; its before-5wd step fires on 09/04.
    static let before = "2024-04-09T08:00:00+07:00"

    static func composer(_ config: Config) throws -> MessageComposer {
        var composer = MessageComposer(config: config)
        composer.unitLinks = try WebLinks(config: config, environment: ["NHACVIEC_WEB_SECRET": "k"])
        return composer
    }

    @Test func theUnitsEmailAndWebhookNoteCarryTheSameSignedLinkAsNhacviecLink() throws {
        let config = try MessageComposerTests.config(MessageComposerTests.yaml(reports: Self.reports))
        let composer = try Self.composer(config)
        let links = try WebLinks(config: config, environment: ["NHACVIEC_WEB_SECRET": "k"])
        let period = try #require(ReportPeriod(parsing: "2024-04", kind: .decree09))
        // 14/04 + 45 days = 29/05.
        let url = links.unitPageURL(unit: "phong-qldt", period: period, validity: config.web.linkValid)
        #expect(url.hasPrefix("https://nhacviec.example.gov.vn/u/phong-qldt/2024-04/2024-05-29/"))

        let email = try #require(
            composer.email(for: try MessageComposerTests.digest(config, at: Self.before, to: .unit("phong-qldt"))))
        #expect(email.textBody.contains(url))
        #expect(email.htmlBody?.contains("<a href=\"\(url)\"") == true)

        let hook = try MessageComposerTests.digest(
            config, at: Self.before, to: .unit("phong-qldt"), channel: .webhook("zalo-qldt"))
        let notes = composer.reminderItems(of: hook, taskStatus: { _ in nil }).map {
            composer.webhookItem($0, digest: hook).note ?? ""
        }
        #expect(notes.contains { $0.hasSuffix("Báo cáo trực tuyến: " + url) }, "\(notes)")

        // Another unit's reminder carries its own link, never phong-qldt's.
        let other = try #require(
            composer.email(for: try MessageComposerTests.digest(config, at: Self.before, to: .unit("phong-tc"))))
        #expect(other.textBody.contains("/u/phong-tc/2024-04/2024-05-29/"))
        #expect(!other.textBody.contains("/u/phong-qldt/"))
    }

    @Test func withoutLinksTheReminderIsUnchanged() throws {
        let config = try MessageComposerTests.config(MessageComposerTests.yaml(reports: Self.reports))
        let digest = try MessageComposerTests.digest(config, at: Self.before, to: .unit("phong-qldt"))
        let plain = try #require(MessageComposer(config: config).email(for: digest))
        #expect(!plain.textBody.contains("Báo cáo trực tuyến"))
        let linked = try #require(try Self.composer(config).email(for: digest))
        #expect(linked.textBody.count > plain.textBody.count)
    }
}
