/// A problem of the web process that a person can act on (a file it cannot read, an
/// address it cannot bind), with the context in its message.
package struct WebError: Error, Sendable, CustomStringConvertible {
    package let message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
