import Foundation
import Testing

@testable import NhacViec

@Suite struct StoreSubmissionTests {
    typealias F = StoreFixture
    static let qldt = Duty.monthlyReport(unit: "phong-qldt")

    @Test func aSubmissionIsKeptWithEveryField() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let submission = F.submission(
                receivedAt: F.t0,
                tasks: [
                    TaskUpdate(id: "II.3", status: .done, note: "Đã ban hành QĐ số 45/QĐ-BQL"),
                    TaskUpdate(id: "VI.2", status: .inProgress, progress: 60),
                ])
            let stored = try store.recordSubmission(
                submission, duty: Self.qldt, occurrence: "2024-03", now: F.time(minutes: 1))
            #expect(stored.isCurrent)
            #expect(stored.replacesID == nil)

            let current = try #require(try store.currentSubmission(duty: Self.qldt, occurrence: "2024-03"))
            #expect(current == stored)
            #expect(current.submission == submission)
            #expect(current.recordedAt == F.time(minutes: 1))
            #expect(current.submission.tasks.map(\.id) == ["II.3", "VI.2"])
            #expect(current.submission.difficulties == ["Chưa có hướng dẫn của Sở Nội vụ về đánh giá"])
            // The tasks of a submission alone change no status (the intake decides which apply).
            #expect(try store.currentTaskStatuses().isEmpty)
        }
    }

    @Test func aResubmissionReplacesTheCurrentOneAndKeepsTheEarlierAsHistory() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let first = try store.recordSubmission(
                F.submission(receivedAt: F.t0, sourceName: "bc-thang-3.md", body: "Bản đầu"), duty: Self.qldt,
                occurrence: "2024-03", now: F.t0)
            let other = try store.recordSubmission(
                F.submission(unit: "phong-tc", receivedAt: F.time(minutes: 10)),
                duty: .monthlyReport(unit: "phong-tc"), occurrence: "2024-03", now: F.time(minutes: 10))
            let second = try store.recordSubmission(
                F.submission(receivedAt: F.time(minutes: 60), sourceName: "bc-thang-3-bo-sung.md", body: "Bản bổ sung"),
                duty: Self.qldt, occurrence: "2024-03", now: F.time(minutes: 60))

            #expect(second.replacesID == first.id)
            let current = try #require(try store.currentSubmission(duty: Self.qldt, occurrence: "2024-03"))
            #expect(current.id == second.id)
            #expect(current.submission.body == "Bản bổ sung")

            let history = try store.submissionHistory(duty: Self.qldt, occurrence: "2024-03")
            #expect(history.map(\.id) == [first.id, second.id])
            #expect(history[0].supersededByID == second.id)
            #expect(history[0].supersededAt == F.time(minutes: 60))
            #expect(history[0].submission.body == "Bản đầu")
            #expect(history[1].isCurrent)

            let now = try store.submissions(report: "monthly", occurrence: "2024-03")
            #expect(now.map(\.id) == [second.id, other.id])
            // As a report compiled between the two receipts saw it.
            let then = try store.submissions(report: "monthly", occurrence: "2024-03", asOf: F.time(minutes: 30))
            #expect(then.map(\.id) == [first.id, other.id])
            #expect(try store.submissions(report: "monthly", occurrence: "2024-03", asOf: F.time(minutes: -1)).isEmpty)
            #expect(try store.submissions(report: "monthly", occurrence: "2024-04").isEmpty)
        }
    }

    @Test func aReportCountsAsReceivedOnlyForItsOwnDutyAndOccurrence() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let request = Duty.request(id: "bc-dot-xuat-ddci", unit: "phong-qldt")
            #expect(try store.reportReceived(request, occurrence: "2024-05-10") == false)
            var submission = F.submission(receivedAt: F.t0)
            submission.report = "bc-dot-xuat-ddci"
            submission.period = nil
            try store.recordSubmission(submission, duty: request, occurrence: "2024-05-10", now: F.t0)
            #expect(try store.reportReceived(request, occurrence: "2024-05-10"))
            #expect(try store.reportReceived(request, occurrence: "2024-06-10") == false)
            #expect(
                try store.reportReceived(.request(id: "bc-dot-xuat-ddci", unit: "phong-tc"), occurrence: "2024-05-10")
                    == false)
            #expect(try store.reportReceived(Self.qldt, occurrence: "2024-05-10") == false)
            let stored = try #require(try store.currentSubmission(duty: request, occurrence: "2024-05-10"))
            #expect(stored.duty == request)
            #expect(stored.submission.period == nil)
        }
    }

    @Test func statusUpdatesTheIntakeAppliesAreRecordedWithTheSubmission() throws {
        try F.withStateDirectory { directory in
            let store = try StateStore(directory: directory)
            let update = TaskUpdate(id: "II.3", status: .done, note: "Đã ban hành")
            try store.recordSubmission(
                F.submission(receivedAt: F.t0, sourceName: "bc.md", tasks: [update]), duty: Self.qldt,
                occurrence: "2024-03", now: F.time(minutes: 5), statusUpdates: [update])
            let status = try #require(try store.currentTaskStatuses()["II.3"])
            #expect(status.status == .done)
            #expect(status.at == F.t0)
            #expect(status.source == "submission:phong-qldt:bc.md")
            #expect(status.note == "Đã ban hành")
        }
    }
}
