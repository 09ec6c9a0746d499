import Synchronization

/// Up to `size` ``CurlSMTPConnection``s for one server, each kept for message
/// after message (issue 15: a session carries several messages, so a burst pays
/// for the connection, TLS and login once per session, not once per message).
///
/// The worker never runs more transfers of the group than `size`, so a free
/// session is always there when a message starts. Used only from the worker
/// thread; the lock keeps the bookkeeping honest, not concurrent use.
final class CurlSMTPSessionPool: @unchecked Sendable {
    private let options: CurlSMTPConnection.Options
    private let idle = Mutex<[Session]>([])

    /// A session lent out for one message.
    final class Session: @unchecked Sendable {
        let connection: CurlSMTPConnection
        init(_ connection: CurlSMTPConnection) { self.connection = connection }
    }

    init(options: CurlSMTPConnection.Options) {
        self.options = options
    }

    /// An idle session, or a new one.
    func checkOut() throws(CurlError) -> Session {
        if let session = idle.withLock({ $0.popLast() }) { return session }
        return Session(try CurlSMTPConnection(options: options))
    }

    func checkIn(_ session: Session) {
        idle.withLock { $0.append(session) }
    }
}
