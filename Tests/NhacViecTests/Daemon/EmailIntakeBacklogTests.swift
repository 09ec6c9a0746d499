import Foundation
import Logging
import NhacViecTestSupport
import Testing

@testable import NhacViec

/// Listing the intake mailbox against a real Dovecot: a backlog far larger than one
/// IMAP answer may carry through libcurl drains over polls in UID order, with sparse
/// UIDs, nothing listed twice, nothing passed over.
@Suite(.serialized) struct EmailIntakeBacklogTests {
    typealias Fixture = EmailIntakeDovecotTests.Fixture

    /// `count` small messages from a sender no unit knows (rejected silently, so each costs
    /// little), every one different so that none is taken for another by its hash.
    static func strangersMessages(_ count: Int, from first: Int = 1, in fixture: Fixture) throws -> [String] {
        try (first..<(first + count)).map { number in
            let file = fixture.state.file("stranger-\(number).eml")
            let text = """
                From: Stranger <stranger-\(number)@elsewhere.example>\r
                To: baocao@example.gov.vn\r
                Subject: Message \(number)\r
                Message-ID: <backlog-\(number)@elsewhere.example>\r
                Date: Mon, 15 Apr 2024 09:00:00 +0700\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                Message number \(number).\r

                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    static func mailbox(_ fixture: Fixture) throws -> IMAPMailbox {
        try EmailIntakeRunner.mailbox(
            try #require(fixture.config.intake.email), config: fixture.config, environment: fixture.environment)
    }

    static func pass(_ fixture: Fixture, maximumPerPoll: Int) throws -> EmailIntakePass {
        EmailIntakePass(
            config: fixture.config, settings: try #require(fixture.config.intake.email), store: try fixture.store,
            mailbox: try mailbox(fixture),
            delivery: try DeliveryService(
                config: fixture.config, stateDirectory: fixture.state.path, mode: .live, environment: [:]),
            logger: Logger(label: "test"), maximumPerPoll: maximumPerPoll)
    }

    @Test func aBacklogOfSixHundredAndFiftyDrainsOverPollsInUIDOrderEachTakenOnce() throws {
        let fixture = try Fixture()
        try fixture.server.append(try Self.strangersMessages(650, in: fixture))
        // Sparse UIDs, as a mail clerk or a spam filter leaves them.
        let gone = Array(100...149) + Array(520...530)
        try fixture.server.expunge(uids: gone)
        let now = try IntakeTestSupport.at(EmailIntakeDovecotTests.now)

        let first = try Self.pass(fixture, maximumPerPoll: 250).run(now: now)
        #expect(first.error == nil, "\(first.line)")
        #expect(first.rejected == 250)
        #expect(first.backlog == 650 - gone.count - 250)
        #expect(first.lastUID == 250 + 50)  // UIDs 1…299 less the 50 gone
        #expect(try fixture.store.metadata(EmailIntakePass.backlogKey) == "339")

        // Messages arriving during the drain wait behind the backlog.
        try fixture.server.append(try Self.strangersMessages(5, from: 651, in: fixture))
        let second = try Self.pass(fixture, maximumPerPoll: 250).run(now: now)
        let third = try Self.pass(fixture, maximumPerPoll: 250).run(now: now)
        let fourth = try Self.pass(fixture, maximumPerPoll: 250).run(now: now)
        #expect(second.rejected == 250)
        #expect(third.rejected == 650 - gone.count - 500 + 5)
        #expect(third.backlog == 0)
        #expect(third.lastUID == 655)
        #expect(fourth.rejected + fourth.accepted + fourth.ignored == 0)

        // Every message once: one notice each for the Office, none left, none counted twice.
        let total = 650 - gone.count + 5
        #expect(first.rejected + second.rejected + third.rejected == total)
        #expect(try fixture.store.untoldIntakeRejectionCount() == total)
        let folders = try fixture.server.folders()
        #expect(folders["INBOX"]?.count == 0)
        #expect(folders["nhacviec/rejected"]?.count == total)
        #expect(try fixture.store.metadata(EmailIntakePass.lastUIDKey) == "655")
    }

    @Test func aMessageBelowTheLastUIDIsNotListedAgainWhenTheNewestIsGone() throws {
        let fixture = try Fixture()
        try fixture.server.append(try Self.strangersMessages(3, in: fixture))
        try fixture.server.expunge(uids: [3])
        let mailbox = try Self.mailbox(fixture)
        let status = try mailbox.status()
        #expect(status.uidNext == 4)
        // `UID FETCH 4:*` or `3:*` would name message 2 here (RFC 3501 §6.4.8).
        #expect(try mailbox.waiting(after: 3, status: status, limit: 10).messages.isEmpty)
        #expect(try mailbox.waiting(after: 2, status: status, limit: 10).messages.isEmpty)
        #expect(try mailbox.waiting(after: 1, status: status, limit: 10).messages.map(\.uid) == [2])
    }

    @Test func theListingSkipsGapsAndStopsAtTheLimitCountingTheRest() throws {
        let fixture = try Fixture()
        try fixture.server.append(try Self.strangersMessages(120, in: fixture))
        try fixture.server.expunge(uids: Array(20...60) + [75])
        let mailbox = try Self.mailbox(fixture)
        let status = try mailbox.status()
        let listing = try mailbox.waiting(after: 10, status: status, limit: 50)
        let expected = (11...120).filter { !(20...60).contains($0) && $0 != 75 }.map { UInt32($0) }
        #expect(listing.messages.map(\.uid) == Array(expected.prefix(50)))
        #expect(listing.backlog == expected.count - 50)
        #expect(listing.messages.allSatisfy { $0.size > 100 && $0.arrivedAt != nil })
    }

    @Test func messagesFlaggedDoneAreNotListed() throws {
        let fixture = try Fixture(server: try DovecotServer(capabilities: "IMAP4rev1"))
        try fixture.server.append(try Self.strangersMessages(3, in: fixture))
        let mailbox = try Self.mailbox(fixture)
        #expect(try mailbox.leaveMethod() == .flag)
        try mailbox.leave(uid: 2, to: "nhacviec/accepted")
        let listing = try mailbox.waiting(after: 0, status: try mailbox.status(), limit: 10)
        #expect(listing.messages.map(\.uid) == [1, 3])
        #expect(listing.backlog == 0)
    }

    @Test func aListingForAnotherUIDVALIDITYFailsInsteadOfMixingUIDs() throws {
        let fixture = try Fixture()
        try fixture.server.append(try Self.strangersMessages(2, in: fixture))
        let mailbox = try Self.mailbox(fixture)
        let before = try mailbox.status()
        try fixture.server.changeUIDValidity()
        #expect(throws: IMAPError.self) { try mailbox.waiting(after: 0, status: before, limit: 10) }
        let after = try mailbox.status()
        #expect(after.uidValidity != before.uidValidity)
        #expect(try mailbox.waiting(after: 0, status: after, limit: 10).messages.count == 2)
    }
}
