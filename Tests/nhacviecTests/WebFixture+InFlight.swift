import Foundation
import NhacViecTestSupport

/// Requests left open on purpose: a server holding them, a test looking at what it does meanwhile.
extension WebFixture {
    /// A request that curl keeps open in the background until the server answers it; `answered`
    /// is signalled when it has (whatever the answer), so a test waits for answers, not for time.
    /// `curl`: more of curl's arguments (a POST's `--data`).
    func begin(
        _ path: String, auth: (String, String)? = nil, curl: [String] = [], answered: DispatchSemaphore
    ) throws -> InFlightRequest {
        let files = responseFiles()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = curlArguments(path, auth: auth, files: files, curl)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { _ in answered.signal() }
        try process.run()
        return InFlightRequest(path: path, process: process, files: files)
    }

    /// A request that curl has sent and not yet seen answered.
    final class InFlightRequest {
        let path: String
        let process: Process
        let files: ResponseFiles

        init(path: String, process: Process, files: ResponseFiles) {
            self.path = path
            self.process = process
            self.files = files
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            files.remove()
        }

        var isAnswered: Bool { !process.isRunning }

        /// The answer, once curl has it (waits for curl to end).
        func result() -> HTTPResult {
            process.waitUntilExit()
            return HTTPResult(headerFile: files.headers, bodyFile: files.body)
        }
    }
}

/// A TCP connection to `serve` that the test writes itself, as slowly as it likes: a client
/// that sends its request's body a piece at a time.
final class RawConnection {
    private let descriptor: Int32
    let serverPort: Int
    /// This end's port: the connection's name in the kernel's socket tables.
    let localPort: Int

    init(port: Int) throws {
        serverPort = port
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure("socket: \(errno)") }
        self.descriptor = descriptor
        // A bound on a failing test's wait for an answer, not a synchronisation.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let connected = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                connect(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard connected else {
            close(descriptor)
            throw TestFailure("cannot connect to 127.0.0.1:\(port)")
        }
        localPort = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw TestFailure("send: \(errno)") }
            sent += count
        }
    }

    /// Whether the server has answered (or closed) yet, looked at without waiting.
    var hasAnswer: Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return count >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// Everything the server sends until it closes the connection (the request asked it to).
    func readToEnd() throws -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { break }
            guard count > 0 else { throw TestFailure("recv: \(errno) after \(received.count) bytes") }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Bytes that reached the server's end of this connection and that the server has not
    /// read yet (`rx_queue` in /proc/net/tcp); nil when the kernel lists no such connection.
    var unreadByServer: Int? {
        // Read to the end: the kernel writes the table a page per read, and a one-read
        // load (String(contentsOfFile:)) of a file whose size shows as 0 gets the first page only.
        guard let file = FileHandle(forReadingAtPath: "/proc/net/tcp") else { return nil }
        defer { try? file.close() }
        let table = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        let local = String(format: "0100007F:%04X", serverPort)
        let remote = String(format: "0100007F:%04X", localPort)
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 4, fields[1] == local, fields[2] == remote else { continue }
            return fields[4].split(separator: ":").last.flatMap { Int($0, radix: 16) }
        }
        return nil
    }
}

/// What the kernel holds unread for `serve` on each of its open connections on `port`
/// (`rx_queue` in /proc/net/tcp), read to the end (see ``RawConnection/unreadByServer``).
func unreadOnConnections(toPort port: Int) -> [Int] {
    guard let file = FileHandle(forReadingAtPath: "/proc/net/tcp") else { return [] }
    defer { try? file.close() }
    let local = String(format: "0100007F:%04X", port)
    return String(decoding: file.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").compactMap { line in
        let fields = line.split(separator: " ")
        // State 01: established.
        guard fields.count > 4, fields[1] == local, fields[3] == "01" else { return nil }
        return fields[4].split(separator: ":").last.flatMap { Int($0, radix: 16) }
    }
}
