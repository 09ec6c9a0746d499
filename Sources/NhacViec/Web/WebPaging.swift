import Foundation

/// One page of a long list (`?page=N`, from 1): which rows it holds and the links to its
/// neighbours. A page number past the end shows the last page, anything else that is not
/// a page number the first; either way with a notice saying so (a link kept from a longer
/// list, or a hand-typed address).
struct WebPaging {
    static let pageSize = 100

    let total: Int
    let number: Int
    let size: Int
    /// Why the page shown is not the one asked for; nil when it is (or none was asked for).
    let notice: String?

    init(total: Int, requested: String?, size: Int = Self.pageSize) {
        self.total = total
        self.size = size
        let last = max(1, (total + size - 1) / size)
        let asked = requested ?? ""
        if asked.isEmpty {
            (number, notice) = (1, nil)
        } else if asked.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            // All digits: too many of them for an Int is past the end too.
            let page = Int(asked) ?? Int.max
            if page < 1 {
                (number, notice) = (1, "Các trang được đánh số từ 1; đây là trang đầu.")
            } else if page > last {
                (number, notice) = (last, "Không có trang \(asked): danh sách có \(last) trang; đây là trang cuối.")
            } else {
                (number, notice) = (page, nil)
            }
        } else {
            (number, notice) = (1, "“\(asked.prefix(20))” không phải số trang; đây là trang đầu.")
        }
    }

    var pageCount: Int { max(1, (total + size - 1) / size) }
    var offset: Int { (number - 1) * size }
    var range: Range<Int> { min(offset, total)..<min(offset + size, total) }

    /// `pager*` values for the `pager` partial and the header's notice; `path` is the list's own path.
    func context(path: String) -> [String: Any] {
        var context: [String: Any] = ["pagerNumber": number, "pagerCount": pageCount, "pagerMany": pageCount > 1]
        if number > 1 { context["pagerPrevious"] = "\(path)?page=\(number - 1)" }
        if number < pageCount { context["pagerNext"] = "\(path)?page=\(number + 1)" }
        if let notice { context["pagerNotice"] = notice }
        return context
    }
}
