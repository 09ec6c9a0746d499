import Foundation

/// The intake mailbox on the IMAP server (DESIGN §12), over ``CurlIMAPConnection``:
/// what the poller needs and nothing else. Folder names are given with `/` and
/// sent with the server's hierarchy delimiter (from `LIST`). Blocking, not `Sendable`.
package final class IMAPMailbox {
    package struct Settings: Sendable {
        package var serverURL: String
        package var mailbox: String
        package var tls: TLSMode
        package var username: String
        package var password: String
        package var caFile: String?
        package var timeout: Duration
        /// Asked during every command; true ends it at once (the daemon's SIGTERM).
        package var shouldAbort: (@Sendable () -> Bool)?

        package init(
            serverURL: String, mailbox: String, tls: TLSMode, username: String, password: String, caFile: String?,
            timeout: Duration = .seconds(60), shouldAbort: (@Sendable () -> Bool)? = nil
        ) {
            self.shouldAbort = shouldAbort
            self.serverURL = serverURL
            self.mailbox = mailbox
            self.tls = tls
            self.username = username
            self.password = password
            self.caFile = caFile
            self.timeout = timeout
        }
    }

    /// What `STATUS` says of the polled mailbox.
    package struct Status: Sendable, Hashable {
        package var uidValidity: UInt32
        package var uidNext: UInt32
        package var messages: Int
    }

    /// One message waiting in the mailbox.
    package struct Waiting: Sendable, Hashable {
        package var uid: UInt32
        package var size: Int
        /// When the server received it (`INTERNALDATE`): decides whether a report was on time.
        package var arrivedAt: Date?
    }

    /// What one listing found: the first new messages in UID order, and how many more wait.
    package struct Listing: Sendable, Hashable {
        package var messages: [Waiting]
        package var backlog: Int
    }

    /// How a message leaves the mailbox once handled, by what the server supports.
    package enum LeaveMethod: Sendable, Hashable {
        /// `UID MOVE` (RFC 6851).
        case move
        /// `UID COPY`, `UID STORE +FLAGS (\Deleted)`, `UID EXPUNGE` (UIDPLUS, RFC 4315).
        case copyAndExpunge
        /// Neither: flag `$NhacviecDone` and leave it; later polls skip it.
        case flag
    }

    package static let doneFlag = "$NhacviecDone"

    package let settings: Settings
    private let connection: CurlIMAPConnection
    private var delimiter: String?
    private var capabilities: Set<String>?

    package init(settings: Settings) throws(IMAPError) {
        self.settings = settings
        let tls: CurlIMAPConnection.TLSUse =
            switch settings.tls {
            case .required: .required
            case .opportunistic: .ifAvailable
            case .none: .never
            }
        do {
            connection = try CurlIMAPConnection(
                options: .init(
                    serverURL: settings.serverURL, tls: tls, username: settings.username, password: settings.password,
                    caFile: settings.caFile, connectTimeout: min(settings.timeout, .seconds(30)),
                    timeout: settings.timeout, shouldAbort: settings.shouldAbort))
        } catch {
            throw IMAPError(error, doing: "cannot set up libcurl for IMAP")
        }
    }

    /// The server's capabilities after login, upper-cased.
    package func serverCapabilities() throws(IMAPError) -> Set<String> {
        if let capabilities { return capabilities }
        let lines = try run("CAPABILITY", doing: "reading the server's capabilities")
        var found: Set<String> = []
        for line in lines where line.uppercased().hasPrefix("CAPABILITY ") {
            for word in line.split(separator: " ").dropFirst() { found.insert(word.uppercased()) }
        }
        capabilities = found
        return found
    }

    package func leaveMethod() throws(IMAPError) -> LeaveMethod {
        let capabilities = try serverCapabilities()
        if capabilities.contains("MOVE") { return .move }
        if capabilities.contains("UIDPLUS") { return .copyAndExpunge }
        return .flag
    }

    /// A `/`-separated folder name in the server's own hierarchy delimiter.
    package func serverName(_ folder: String) throws(IMAPError) -> String {
        if delimiter == nil {
            let lines = try run("LIST \"\" \"\"", doing: "reading the folder delimiter")
            delimiter = "/"
            for line in lines where line.uppercased().hasPrefix("LIST ") {
                // `LIST (\Noselect) "." ""`; NIL means a flat namespace.
                if let open = line.firstIndex(of: "\""),
                    let close = line[line.index(after: open)...].firstIndex(of: "\"")
                {
                    let value = String(line[line.index(after: open)..<close])
                    if !value.isEmpty { delimiter = value.hasPrefix("\\") ? String(value.dropFirst()) : value }
                }
            }
        }
        guard let delimiter, delimiter != "/" else { return folder }
        return folder.split(separator: "/").joined(separator: delimiter)
    }

    package func status() throws(IMAPError) -> Status {
        let name = try serverName(settings.mailbox)
        let lines = try run(
            "STATUS \(CurlIMAPConnection.quoted(name)) (UIDVALIDITY UIDNEXT MESSAGES)",
            doing: "reading the state of \(settings.mailbox)")
        for line in lines where line.uppercased().hasPrefix("STATUS ") {
            let numbers = Self.attributes(line)
            // UIDNEXT bounds the listing (see IMAPMailboxListing); every IMAP4rev1 server reports it.
            if let validity = numbers["UIDVALIDITY"].flatMap({ UInt32($0) }),
                let uidNext = numbers["UIDNEXT"].flatMap({ UInt32($0) })
            {
                return Status(
                    uidValidity: validity, uidNext: uidNext,
                    messages: numbers["MESSAGES"].flatMap { Int($0) } ?? Int.max)
            }
        }
        throw IMAPError(
            kind: .rejected, message: "the server did not report UIDVALIDITY and UIDNEXT for \(settings.mailbox)")
    }

    /// The first `limit` messages with a UID above `uid` and below `status.uidNext`, in
    /// UID order, leaving out those flagged done; listed in bounded commands (see
    /// ``IMAPMailboxListing``) in the mailbox as `status` saw it: a mailbox whose
    /// UIDVALIDITY changed since fails the listing instead of mixing up UIDs.
    package func waiting(after uid: UInt32, status: Status, limit: Int) throws(IMAPError) -> Listing {
        guard status.messages > 0, limit > 0 else { return Listing(messages: [], backlog: 0) }
        let name = try serverName(settings.mailbox)
        var found: [UInt32] = []
        var start = uid &+ 1
        while let range = IMAPMailboxListing.searchRange(
            from: start, uidNext: status.uidNext, messages: status.messages)
        {
            let lines = try run(
                IMAPMailboxListing.searchCommand(range), selecting: name, uidValidity: status.uidValidity,
                doing: "searching new messages in \(settings.mailbox)")
            found += IMAPMailboxListing.searchResult(lines, in: range)
            start = range.upperBound &+ 1
        }
        let listed = Array(found.prefix(limit))
        var messages: [Waiting] = []
        for first in stride(from: 0, to: listed.count, by: IMAPMailboxListing.attributesPerFetch) {
            let part = Array(listed[first..<min(first + IMAPMailboxListing.attributesPerFetch, listed.count)])
            let lines = try run(
                IMAPMailboxListing.attributesCommand(part), selecting: name, uidValidity: status.uidValidity,
                doing: "listing new messages in \(settings.mailbox)")
            let described = IMAPMailboxListing.fetchedAttributes(lines, wanted: Set(part))
            let known = Set(described.map(\.uid))
            if let missing = part.first(where: { !known.contains($0) }) {
                // Gone meanwhile, or an answer not understood: the listing ends before it, so
                // the last UID never passes a message this poll did not take in.
                messages += described.filter { $0.uid < missing }
                break
            }
            messages += described
        }
        return Listing(messages: messages, backlog: found.count - messages.count)
    }

    /// The message's bytes; fails if the mailbox's UIDVALIDITY is no longer `uidValidity`.
    package func fetch(uid: UInt32, uidValidity: UInt32, headerOnly: Bool = false, limit: Int) throws(IMAPError)
        -> [UInt8]
    {
        let mailbox = try serverName(settings.mailbox)
        do {
            return try connection.fetch(
                uid: uid, uidValidity: uidValidity, mailbox: mailbox, section: headerOnly ? "HEADER" : nil,
                limit: limit)
        } catch {
            throw IMAPError(error, doing: "fetching message \(uid) of \(settings.mailbox)")
        }
    }

    /// Creates `folder` unless it exists.
    package func ensureFolder(_ folder: String) throws(IMAPError) {
        let name = try serverName(folder)
        let lines = try run(
            "LIST \"\" \(CurlIMAPConnection.quoted(name))", doing: "looking for the folder \(folder)")
        if lines.contains(where: { $0.uppercased().hasPrefix("LIST ") }) { return }
        _ = try run("CREATE \(CurlIMAPConnection.quoted(name))", doing: "creating the folder \(folder)")
    }

    /// Takes message `uid` out of the polled mailbox into `folder` (or flags it, see ``LeaveMethod``).
    package func leave(uid: UInt32, to folder: String) throws(IMAPError) {
        let mailbox = try serverName(settings.mailbox)
        let target = CurlIMAPConnection.quoted(try serverName(folder))
        switch try leaveMethod() {
        case .move:
            _ = try run("UID MOVE \(uid) \(target)", selecting: mailbox, doing: "moving message \(uid) to \(folder)")
        case .copyAndExpunge:
            _ = try run("UID COPY \(uid) \(target)", selecting: mailbox, doing: "copying message \(uid) to \(folder)")
            _ = try run(
                "UID STORE \(uid) +FLAGS.SILENT (\\Deleted)", selecting: mailbox,
                doing: "marking message \(uid) deleted")
            _ = try run("UID EXPUNGE \(uid)", selecting: mailbox, doing: "expunging message \(uid)")
        case .flag:
            _ = try run(
                "UID STORE \(uid) +FLAGS.SILENT (\(Self.doneFlag))", selecting: mailbox,
                doing: "flagging message \(uid) \(Self.doneFlag)")
        }
    }

    private func run(
        _ command: String, selecting mailbox: String? = nil, uidValidity: UInt32? = nil, doing what: String
    ) throws(IMAPError) -> [String] {
        do {
            return try connection.command(command, selecting: mailbox, uidValidity: uidValidity)
        } catch {
            throw IMAPError(error, doing: what)
        }
    }

    /// `15-Apr-2024 09:12:44 +0700` (the day may be space-padded).
    static func internalDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "d-MMM-yyyy HH:mm:ss Z"
        return formatter.date(from: text.trimmingSpaces)
    }

    /// `NAME value` pairs of a response line, e.g. `UID 5 RFC822.SIZE 1234` → ["UID": "5", …].
    static func attributes(_ line: String) -> [String: String] {
        let words = line.replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ").split(
            separator: " ")
        var values: [String: String] = [:]
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let key = word.uppercased()
            if values[key] == nil { values[key] = String(words[index + 1]) }
        }
        return values
    }
}
