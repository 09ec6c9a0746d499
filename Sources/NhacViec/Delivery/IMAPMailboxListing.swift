import Foundation

/// How the new messages of the intake mailbox are listed in bounded commands.
///
/// libcurl hands an IMAP command's untagged responses over as "header" lines and
/// fails a transfer whose counted header bytes pass 300 KiB ("Too large response
/// headers"); Debian 12's libcurl counts them far beyond linearly (40 lines of
/// `FETCH (UID RFC822.SIZE INTERNALDATE)` count about 66 KiB, 100 lines fail), and
/// it silently clips a single line longer than its 16 KiB receive buffer. One
/// `UID FETCH last+1:*` of a backlog of a few hundred messages therefore failed
/// every poll. So the UIDs are found with `UID SEARCH` over windows whose answer
/// stays under 8 KiB, and their sizes and arrival dates are fetched a few dozen at
/// a time. Every range is closed (`a:b`, never `a:*`): `*` names the highest UID in
/// use, so `n:*` with `n` past it would list that message again (RFC 3501 §6.4.8).
enum IMAPMailboxListing {
    /// UIDs asked about by one `UID SEARCH` when the mailbox holds too many messages
    /// for one search: 500 UIDs of at most 10 digits answer in under 5.5 KiB.
    static let searchWindow: UInt32 = 500
    /// Up to this many messages in the mailbox, one search covers every new UID: its
    /// answer cannot name more messages than the mailbox holds (under 6.6 KiB).
    static let wholeRangeSearchLimit = 600
    /// Messages whose size and arrival date one `UID FETCH` asks for.
    static let attributesPerFetch = 40

    /// The UIDs to search next: from `start` up to the last UID assigned before the
    /// poll's `STATUS` (`uidNext - 1`), all at once when the mailbox holds at most
    /// ``wholeRangeSearchLimit`` messages, else ``searchWindow`` of them; nil when
    /// nothing is left. Messages arriving after `STATUS` wait for the next poll.
    static func searchRange(from start: UInt32, uidNext: UInt32, messages: Int) -> ClosedRange<UInt32>? {
        guard start > 0, uidNext > start else { return nil }
        let last = uidNext - 1
        if messages <= wholeRangeSearchLimit { return start...last }
        let (end, overflow) = start.addingReportingOverflow(searchWindow - 1)
        return start...(overflow ? last : min(end, last))
    }

    /// `UID SEARCH UID a:b UNKEYWORD $NhacviecDone`: the window's messages not yet
    /// handled on a server that can only flag them (see ``IMAPMailbox/LeaveMethod``).
    static func searchCommand(_ range: ClosedRange<UInt32>) -> String {
        "UID SEARCH UID \(range.lowerBound):\(range.upperBound) UNKEYWORD \(IMAPMailbox.doneFlag)"
    }

    /// The UIDs in a `SEARCH` answer that lie in `range`, ascending (the order of the
    /// answer is not specified).
    static func searchResult(_ lines: [String], in range: ClosedRange<UInt32>) -> [UInt32] {
        var found: [UInt32] = []
        for line in lines {
            let words = line.split(separator: " ")
            guard words.first?.uppercased() == "SEARCH" else { continue }
            for word in words.dropFirst() {
                if let uid = UInt32(word), range.contains(uid) { found.append(uid) }
            }
        }
        return Array(Set(found)).sorted()
    }

    /// Ascending `uids` as an IMAP sequence set, runs collapsed: `[3, 4, 5, 9]` → `3:5,9`.
    static func sequenceSet(_ uids: [UInt32]) -> String {
        var parts: [String] = []
        var index = uids.startIndex
        while index < uids.endIndex {
            var end = index
            while end + 1 < uids.endIndex, uids[end + 1] == uids[end] &+ 1 { end += 1 }
            parts.append(end == index ? "\(uids[index])" : "\(uids[index]):\(uids[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// `UID FETCH set (UID RFC822.SIZE INTERNALDATE)` for the given UIDs.
    static func attributesCommand(_ uids: [UInt32]) -> String {
        "UID FETCH \(sequenceSet(uids)) (UID RFC822.SIZE INTERNALDATE)"
    }

    /// The messages a `FETCH` answer describes, limited to `wanted` (a server may add
    /// unsolicited `FETCH` responses for other messages), ascending by UID. A message's
    /// attributes may come in more than one response; one without a size is left out.
    static func fetchedAttributes(_ lines: [String], wanted: Set<UInt32>) -> [IMAPMailbox.Waiting] {
        var sizes: [UInt32: Int] = [:]
        var dates: [UInt32: Date] = [:]
        for line in lines where line.uppercased().contains(" FETCH (") {
            let values = IMAPMailbox.attributes(line)
            guard let uid = values["UID"].flatMap({ UInt32($0) }), wanted.contains(uid) else { continue }
            if let size = values["RFC822.SIZE"].flatMap({ Int($0) }) { sizes[uid] = size }
            if let open = line.range(of: "INTERNALDATE \""), let close = line[open.upperBound...].firstIndex(of: "\""),
                let date = IMAPMailbox.internalDate(String(line[open.upperBound..<close]))
            {
                dates[uid] = date
            }
        }
        return sizes.keys.sorted().map { uid in
            IMAPMailbox.Waiting(uid: uid, size: sizes[uid] ?? 0, arrivedAt: dates[uid])
        }
    }
}
