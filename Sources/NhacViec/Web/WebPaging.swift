import Foundation

/// One page of a long list (`?page=N`, from 1): which rows it holds and the links to its
/// neighbours. A page number past the end shows the last page; anything not a positive
/// number shows the first.
struct WebPaging {
    static let pageSize = 100

    let total: Int
    let number: Int
    let size: Int

    init(total: Int, requested: String?, size: Int = Self.pageSize) {
        self.total = total
        self.size = size
        let last = max(1, (total + size - 1) / size)
        let asked = requested.flatMap { Int($0) } ?? 1
        number = min(max(1, asked), last)
    }

    var pageCount: Int { max(1, (total + size - 1) / size) }
    var offset: Int { (number - 1) * size }
    var range: Range<Int> { min(offset, total)..<min(offset + size, total) }

    /// `pager*` values for the `pager` partial; `path` is the list's own path.
    func context(path: String) -> [String: Any] {
        var context: [String: Any] = ["pagerNumber": number, "pagerCount": pageCount, "pagerMany": pageCount > 1]
        if number > 1 { context["pagerPrevious"] = "\(path)?page=\(number - 1)" }
        if number < pageCount { context["pagerNext"] = "\(path)?page=\(number + 1)" }
        return context
    }
}
