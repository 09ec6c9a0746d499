/// A file-system failure while scanning the inbox or moving a file in it.
package struct InboxError: Error, Sendable, CustomStringConvertible {
    package let path: String
    package let message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { "\(DisplayText.escaped(path)): \(message)" }
}
