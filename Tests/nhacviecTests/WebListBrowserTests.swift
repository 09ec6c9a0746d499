import Foundation
import NhacViecTestSupport
import Testing

/// A real browser from the dashboard to every full list behind it (DESIGN §15), on the
/// board of ``WebDashboardCapTests`` (more of everything than the dashboard shows; 105
/// overdue tasks of one area: two pages of 100 and 5), with the keyboard alone, then
/// without JavaScript. Part of ``WebBrowserTests``, which runs one browser at a time.
extension WebBrowserTests {
    @Test(.enabled(if: available))
    func everySeeAllLinkLeadsByKeyboardToItsWholeListAPageAtATime() throws {
        let web = try WebDashboardCapTests.fixture()
        let result = try TestSupport.run(
            TestSupport.python,
            [TestSupport.script("web_list_browser.py"), web.base, WebFixture.user, WebFixture.password, Self.artifacts])
        let output = String(decoding: result.output, as: UTF8.self)
        #expect(result.status == 0, "\(output)\n\(web.log)")
        #expect(output.contains("browser checks passed"))
    }
}
