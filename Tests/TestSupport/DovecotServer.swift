import Foundation

/// A throwaway Dovecot IMAP server for the e-mail intake tests: its own config,
/// passwd-file user and Maildir in a temporary directory, IMAP (with STARTTLS)
/// and IMAPS on free loopback ports, TLS with the test CA. Started with
/// `dovecot -F -c FILE` (no system config), stopped by its PID.
package final class DovecotServer: @unchecked Sendable {
    package let directory: TemporaryDirectory
    package let imapPort: Int
    package let imapsPort: Int
    package let user = "office"
    package let password = "Mk-thu-7Q9z"
    package let caFile: String
    private var process: Process?

    /// - Parameter capabilities: overrides what the server advertises (to test servers without MOVE/UIDPLUS).
    package init(capabilities: String? = nil) throws {
        directory = try TemporaryDirectory()
        let certificates = try TestSupport.certificates.get()
        caFile = certificates.file("ca.pem")
        let ports = try TestSupport.run(TestSupport.python, [TestSupport.script("imap_tool.py"), "ports", "2"])
        let numbers = String(decoding: ports.output, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        guard numbers.count == 2 else { throw TestFailure("no free ports") }
        imapPort = numbers[0]
        imapsPort = numbers[1]
        let root = directory.path
        let manager = FileManager.default
        for folder in ["run", "state", "mail"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        // Mail is owned by nobody (Dovecot never accesses mail as root); auth runs as dovecot.
        try manager.setAttributes([.posixPermissions: 0o777], ofItemAtPath: root + "/mail")
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root)
        try "\(user):{PLAIN}\(password)\n".write(toFile: root + "/passwd", atomically: true, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: root + "/passwd")
        let config = """
            protocols = imap
            listen = 127.0.0.1
            base_dir = \(root)/run
            state_dir = \(root)/state
            instance_name = nhacviec-test-\(imapPort)
            log_path = \(root)/dovecot.log
            default_internal_user = dovecot
            default_internal_group = dovecot
            default_login_user = dovenull
            ssl = yes
            ssl_cert = <\(certificates.file("server.pem"))
            ssl_key = <\(certificates.file("server.key"))
            auth_mechanisms = plain login
            disable_plaintext_auth = no
            mail_location = maildir:\(root)/mail/%u
            \(capabilities.map { "imap_capability = \($0)" } ?? "")
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u \(root)/passwd
            }
            userdb {
              driver = static
              args = uid=nobody gid=nogroup home=\(root)/mail/%u
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = \(imapPort)
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = \(imapsPort)
                ssl = yes
              }
            }
            service anvil {
              chroot =
            }

            """
        try config.write(toFile: root + "/dovecot.conf", atomically: true, encoding: .utf8)
        try start()
    }

    deinit { stop() }

    /// Starts Dovecot and waits until it answers on the IMAP port.
    package func start() throws {
        guard process == nil else { return }
        for attempt in 0..<50 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/dovecot")
            process.arguments = ["-F", "-c", directory.file("dovecot.conf")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<100 where process.isRunning {
                if Self.accepts(port: imapPort) && Self.accepts(port: imapsPort) {
                    self.process = process
                    return
                }
                usleep(50_000)
            }
            // A previous instance's login processes may still hold the ports for a moment.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            usleep(useconds_t(100_000 * min(attempt + 1, 5)))
        }
        let log = (try? String(contentsOfFile: directory.file("dovecot.log"), encoding: .utf8)) ?? ""
        throw TestFailure("dovecot did not start: \(log.suffix(2000))")
    }

    /// Stops Dovecot (SIGKILL by PID; its children exit when the master is gone) and waits
    /// until the ports refuse connections.
    package func stop() {
        guard let process else { return }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        self.process = nil
        for _ in 0..<100 where Self.accepts(port: imapPort) || Self.accepts(port: imapsPort) { usleep(50_000) }
        try? FileManager.default.removeItem(atPath: directory.file("run/master.pid"))
    }

    /// APPENDs messages with Python's imaplib.
    package func append(_ files: [String], mailbox: String = "INBOX") throws {
        let result = try TestSupport.run(
            TestSupport.python,
            [TestSupport.script("imap_tool.py"), "append", String(imapPort), user, password, mailbox] + files)
        guard result.status == 0 else { throw TestFailure("APPEND failed") }
    }

    /// Deletes and expunges the messages with these UIDs, with Python's imaplib.
    package func expunge(uids: [Int], mailbox: String = "INBOX") throws {
        let result = try TestSupport.run(
            TestSupport.python,
            [TestSupport.script("imap_tool.py"), "expunge", String(imapPort), user, password, mailbox]
                + uids.map(String.init))
        guard result.status == 0 else { throw TestFailure("EXPUNGE failed") }
    }

    /// Every selectable folder (`/`-separated) with its messages' UIDs and flags, as imaplib sees them.
    package func folders() throws -> [String: [(uid: Int, flags: [String])]] {
        let result = try TestSupport.run(
            TestSupport.python, [TestSupport.script("imap_tool.py"), "dump", String(imapPort), user, password])
        guard result.status == 0,
            let json = try JSONSerialization.jsonObject(with: result.output) as? [String: [[String: Any]]]
        else { throw TestFailure("dump failed") }
        return json.mapValues { messages in
            messages.map { (uid: $0["uid"] as? Int ?? 0, flags: $0["flags"] as? [String] ?? []) }
        }
    }

    /// Gives INBOX a new UIDVALIDITY, as a server restored from backup or rebuilt would:
    /// stopped, the uidlist's V field changed, the indexes dropped, started again.
    package func changeUIDValidity() throws {
        stop()
        let home = directory.path + "/mail/" + user
        let uidlist = home + "/dovecot-uidlist"
        var text = try String(contentsOfFile: uidlist, encoding: .utf8)
        guard let range = text.range(of: #" V[0-9]+"#, options: .regularExpression),
            let old = Int(text[range].dropFirst(2))
        else { throw TestFailure("no V field in \(uidlist)") }
        text.replaceSubrange(range, with: " V\(old + 1000)")
        try text.write(toFile: uidlist, atomically: true, encoding: .utf8)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: home)) ?? []
        where name.hasPrefix("dovecot.index") {
            try FileManager.default.removeItem(atPath: home + "/" + name)
        }
        try start()
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
