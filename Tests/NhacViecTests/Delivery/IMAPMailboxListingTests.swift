import Foundation
import Testing

@testable import NhacViec

/// The bounded listing of new messages (``IMAPMailboxListing``): which UIDs each
/// `UID SEARCH` asks about, how found UIDs become sequence sets, and how answers are read.
struct IMAPMailboxListingTests {
    @Test func aSmallMailboxIsSearchedInOneClosedRangeUpToTheUIDBeforeUIDNEXT() {
        #expect(IMAPMailboxListing.searchRange(from: 41, uidNext: 90_000, messages: 600) == 41...89_999)
        #expect(IMAPMailboxListing.searchRange(from: 1, uidNext: 2, messages: 1) == 1...1)
    }

    @Test func aLargeMailboxIsSearchedInWindowsOfFiveHundredUIDs() {
        #expect(IMAPMailboxListing.searchRange(from: 1, uidNext: 2_000, messages: 601) == 1...500)
        #expect(IMAPMailboxListing.searchRange(from: 1_001, uidNext: 1_200, messages: 5_000) == 1_001...1_199)
        var windows: [ClosedRange<UInt32>] = []
        var start: UInt32 = 7
        while let range = IMAPMailboxListing.searchRange(from: start, uidNext: 1_508, messages: 10_000) {
            windows.append(range)
            start = range.upperBound &+ 1
        }
        #expect(windows == [7...506, 507...1_006, 1_007...1_506, 1_507...1_507])
    }

    @Test func nothingIsSearchedPastTheLastAssignedUID() {
        // `UID SEARCH UID 6:*` would name UID 5 when 5 is the highest (RFC 3501 §6.4.8).
        #expect(IMAPMailboxListing.searchRange(from: 6, uidNext: 6, messages: 5) == nil)
        #expect(IMAPMailboxListing.searchRange(from: 9, uidNext: 6, messages: 5) == nil)
        // The last UID was UInt32.max: `last + 1` wrapped to 0.
        #expect(IMAPMailboxListing.searchRange(from: 0, uidNext: 6, messages: 5) == nil)
    }

    @Test func windowsNearTheHighestUIDDoNotOverflow() {
        let top = UInt32.max
        #expect(
            IMAPMailboxListing.searchRange(from: top - 10, uidNext: top, messages: 10_000) == (top - 10)...(top - 1))
    }

    @Test func theSearchLeavesOutMessagesFlaggedDone() {
        #expect(IMAPMailboxListing.searchCommand(5...9) == "UID SEARCH UID 5:9 UNKEYWORD $NhacviecDone")
    }

    @Test func searchAnswersAreReadInTheirRangeSortedAndOnce() {
        let lines = ["SEARCH 12 7 9 400 9", "3 EXISTS", "OK SEARCH completed"]
        #expect(IMAPMailboxListing.searchResult(lines, in: 5...20) == [7, 9, 12])
        #expect(IMAPMailboxListing.searchResult(["SEARCH"], in: 1...10) == [])
    }

    @Test func foundUIDsBecomeASequenceSetWithRunsCollapsed() {
        #expect(IMAPMailboxListing.sequenceSet([3, 4, 5, 9, 11, 12]) == "3:5,9,11:12")
        #expect(IMAPMailboxListing.sequenceSet([42]) == "42")
        #expect(IMAPMailboxListing.sequenceSet([]) == "")
        #expect(IMAPMailboxListing.attributesCommand([1, 2]) == "UID FETCH 1:2 (UID RFC822.SIZE INTERNALDATE)")
    }

    @Test func fetchAnswersGiveSizeAndArrivalOfTheWantedMessagesOnly() throws {
        let lines = [
            #"2 FETCH (UID 8 RFC822.SIZE 1234 INTERNALDATE "15-Apr-2024 09:12:44 +0700")"#,
            // Unsolicited: another message's flags changed meanwhile.
            #"1 FETCH (UID 3 FLAGS (\Seen))"#,
            // A server may split a message's attributes over two responses.
            #"3 FETCH (UID 10 INTERNALDATE " 5-Apr-2024 08:00:00 +0000")"#,
            "3 FETCH (UID 10 RFC822.SIZE 77)",
            // No size: not listed (the listing ends before it).
            #"4 FETCH (UID 11 INTERNALDATE "15-Apr-2024 09:12:44 +0700")"#,
        ]
        let found = IMAPMailboxListing.fetchedAttributes(lines, wanted: [8, 10, 11])
        #expect(found.map(\.uid) == [8, 10])
        #expect(found.map(\.size) == [1234, 77])
        let first = try #require(found.first?.arrivedAt)
        #expect(first == Date(timeIntervalSince1970: 1_713_147_164))
        #expect(found.last?.arrivedAt == Date(timeIntervalSince1970: 1_712_304_000))
    }
}
