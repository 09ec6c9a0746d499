import Foundation
import Testing

@testable import NhacViec

/// `?page=N` on the list pages: a page past the end shows the last, anything else that is
/// not a page number the first, each with a notice; a page asked for rightly has none.
@Suite struct WebPagingTests {
    @Test(
        arguments: [
            // (rows, asked, page shown, the notice's start)
            (250, nil, 1, nil),
            (250, "", 1, nil),
            (250, "2", 2, nil),
            (250, "3", 3, nil),
            (250, "4", 3, "Không có trang 4: danh sách có 3 trang; đây là trang cuối."),
            (250, "99999999999999999999999", 3, "Không có trang 99999999999999999999999: danh sách có 3 trang"),
            (0, "2", 1, "Không có trang 2: danh sách có 1 trang; đây là trang cuối."),
            (250, "0", 1, "Các trang được đánh số từ 1; đây là trang đầu."),
            (250, "-1", 1, "“-1” không phải số trang; đây là trang đầu."),
            (250, "+2", 1, "“+2” không phải số trang"),
            (250, "2.5", 1, "“2.5” không phải số trang"),
            (250, "٢", 1, "“٢” không phải số trang"),
            (250, String(repeating: "x", count: 100), 1, "“xxxxxxxxxxxxxxxxxxxx” không phải số trang"),
        ] as [(Int, String?, Int, String?)])
    func aPageIsShownWithANoticeWhenItIsNotTheOneAskedFor(
        rows: Int, asked: String?, shown: Int, notice: String?
    ) {
        let paging = WebPaging(total: rows, requested: asked)
        #expect(paging.number == shown)
        if let notice {
            #expect(paging.notice?.hasPrefix(notice) == true, "\(paging.notice ?? "no notice")")
        } else {
            #expect(paging.notice == nil)
        }
        let context = paging.context(path: "/upcoming")
        #expect(context["pagerNotice"] as? String == paging.notice)
        #expect(paging.range.count == min(100, max(0, rows - (shown - 1) * 100)))
    }

    @Test func theLinksLeadToTheNeighbouringPagesOnly() {
        let middle = WebPaging(total: 250, requested: "2").context(path: "/overdue/the_che")
        #expect(middle["pagerPrevious"] as? String == "/overdue/the_che?page=1")
        #expect(middle["pagerNext"] as? String == "/overdue/the_che?page=3")
        let last = WebPaging(total: 250, requested: "3").context(path: "/deliveries")
        #expect(last["pagerNext"] == nil && last["pagerPrevious"] as? String == "/deliveries?page=2")
        let only = WebPaging(total: 100, requested: nil).context(path: "/upcoming")
        #expect(only["pagerMany"] as? Bool == false && only["pagerNext"] == nil && only["pagerPrevious"] == nil)
    }
}
