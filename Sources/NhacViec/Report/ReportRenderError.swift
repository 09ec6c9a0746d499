/// Rendering a report failed: only packaging (ZIP) or encoding can.
package struct ReportRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    package let format: ReportFormat
    package let message: String

    package init(format: ReportFormat, message: String) {
        self.format = format
        self.message = message
    }

    package var description: String { "cannot render the \(format.rawValue) report: \(message)" }
}
