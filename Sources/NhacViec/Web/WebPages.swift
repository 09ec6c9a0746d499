import Foundation
import Mustache

/// Renders the Office pages from ``WebTemplates`` with Mustache (HTML-escaping every value).
package struct WebPages: Sendable {
    private let library: MustacheLibrary

    package init() throws {
        var library = MustacheLibrary()
        for (name, text) in WebTemplates.all {
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// The page `template` with `context`; for every list in the context a `<key>Any`
    /// flag is added, so a template can show a table's head only when it has rows.
    package func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(Self.withFlags(context), withTemplate: template) ?? ""
    }

    private static func withFlags(_ context: [String: Any]) -> [String: Any] {
        var result = context
        for (key, value) in context {
            if let list = value as? [Any] { result[key + "Any"] = !list.isEmpty }
        }
        return result
    }
}

/// Formats shared by the pages.
enum WebFormat {
    /// dd/mm/yyyy.
    static func date(_ date: LocalDate) -> String { date.vietnameseNumeric }

    /// dd/mm/yyyy HH:mm in the organization's zone.
    static func dateTime(_ instant: Date, _ clock: WallClock) -> String {
        "\(clock.localDate(of: instant).vietnameseNumeric) \(clock.timeOfDay(instant))"
    }

    /// One path segment, percent-encoded (ids are plain already; this keeps it so for any id).
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func unitHref(_ id: String) -> String { "/units/\(segment(id))" }
    static func taskHref(_ id: String) -> String { "/tasks/\(segment(id))" }
    static func periodHref(_ name: String) -> String { "/periods/\(segment(name))" }

    static func statusName(_ status: ReportTaskStatus) -> String { status.vietnameseName }

    static func statusClass(_ status: ReportTaskStatus) -> String {
        switch status {
        case .done: "ok"
        case .overdue: "late"
        case .blocked: "missing"
        default: ""
        }
    }

    static func deliveryStatusName(_ status: DeliveryStatus) -> String {
        switch status {
        case .pending: "Chờ gửi"
        case .sent: "Đã gửi"
        case .retrying: "Đang gửi lại"
        case .dead: "Thất bại"
        case .skipped: "Bỏ qua"
        }
    }
}
