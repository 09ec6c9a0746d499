import Foundation

/// Deliveries retrying or dead, newest first: a few on the dashboard, every one on `/deliveries`
/// a page at a time. Only that page's rows are read from the ledger.
enum DeliveryView {
    static let stuck: Set<DeliveryStatus> = [.retrying, .dead]
    static let path = "/deliveries"

    /// The dashboard's `deliveries`, `deliveryCount` and, when some are left out, `deliveriesMore*`.
    static func dashboard(_ view: OfficeView, limit: Int) throws -> [String: Any] {
        let count = try view.store?.deliveryCount(statuses: stuck) ?? 0
        var context: [String: Any] = [
            "deliveryCount": count,
            "deliveries": try (view.store?.deliveries(statuses: stuck, limit: limit) ?? []).map { row($0, view) },
        ]
        if count > limit {
            context["deliveriesMore"] = "Xem tất cả \(count) thư đang gửi lại hoặc thất bại"
            context["deliveriesMoreHref"] = path
        }
        return context
    }

    static func page(_ view: OfficeView, requestedPage: String?) throws -> [String: Any] {
        var context = view.base(title: "Thư đang gửi lại hoặc thất bại")
        let count = try view.store?.deliveryCount(statuses: stuck) ?? 0
        let paging = WebPaging(total: count, requested: requestedPage)
        context["deliveryCount"] = count
        context["deliveries"] =
            try (view.store?.deliveries(statuses: stuck, limit: paging.size, offset: paging.offset) ?? [])
            .map { row($0, view) }
        context.merge(paging.context(path: path)) { $1 }
        return context
    }

    static func row(_ entry: LedgerEntry, _ view: OfficeView) -> [String: Any] {
        [
            "status": WebFormat.deliveryStatusName(entry.status), "css": entry.status == .dead ? "late" : "missing",
            "recipient": recipientName(entry.recipient, view), "channel": entry.channel, "duty": entry.duty,
            "step": entry.step, "attempts": entry.attempts, "error": entry.lastError ?? "",
            "next": entry.nextAttemptAt.map { WebFormat.dateTime($0, view.clock) } ?? "",
        ]
    }

    static func recipientName(_ recipient: String, _ view: OfficeView) -> String {
        if recipient.hasPrefix("head:") {
            return "Người đứng đầu " + view.unitName(String(recipient.dropFirst(5)))
        }
        if recipient.contains("@") { return recipient }
        return view.unitName(recipient)
    }
}
