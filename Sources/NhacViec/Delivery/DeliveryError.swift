/// A local failure around delivery that is not a server's answer: the outbox
/// directory cannot be written, or a file already holds a different message.
package struct DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Code: Sendable, Equatable {
        /// A system call failed (`errno` in ``errno``).
        case io
        /// A file for the same key exists with different bytes: the key was reused
        /// for a different message, which is a bug upstream, so nothing is overwritten.
        case conflict
    }

    package var code: Code
    package var path: String
    package var message: String
    package var errno: Int32?

    package init(_ code: Code, path: String, message: String, errno: Int32? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.errno = errno
    }

    package var description: String { "\(path): \(message)" }
}
