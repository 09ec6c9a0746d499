import Foundation
import Testing

@testable import NhacViec

@Suite struct ConsolidatedReportBuilderTests {
    typealias Counts = ConsolidatedReport.TaskCounts

    static func counts(
        total: Int, done: Int = 0, inProgress: Int = 0, notStarted: Int = 0, overdue: Int = 0, ongoing: Int = 0,
        blocked: Int = 0
    ) -> Counts {
        var counts = Counts()
        counts.total = total
        counts.done = done
        counts.inProgress = inProgress
        counts.notStarted = notStarted
        counts.overdue = overdue
        counts.ongoing = ongoing
        counts.blocked = blocked
        return counts
    }

    @Test func countsPerAreaAndTotalsMatchTheFixture() throws {
        let report = try ReportFixture.report()
        let areas = report.tasks.areas
        #expect(areas.map(\.area) == [.chiDaoDieuHanh, .theChe, .thuTucHanhChinh, .congVu, .chinhQuyenSo])
        #expect(areas.map(\.name) == areas.map(\.area.vietnameseName))
        #expect(areas[0].counts == Self.counts(total: 4, done: 2, overdue: 1, ongoing: 1))
        #expect(areas[1].counts == Self.counts(total: 3, inProgress: 1, notStarted: 1, overdue: 1))
        #expect(areas[2].counts == Self.counts(total: 3, done: 1, inProgress: 1, notStarted: 1))
        #expect(areas[3].counts == Self.counts(total: 2, done: 1, notStarted: 1))
        #expect(areas[4].counts == Self.counts(total: 2, overdue: 1, blocked: 1))
        #expect(
            report.tasks.totals
                == Self.counts(total: 14, done: 4, inProgress: 2, notStarted: 3, overdue: 3, ongoing: 1, blocked: 1))
    }

    @Test func eachTaskHasTheStatusOfTheCompileMoment() throws {
        let report = try ReportFixture.report()
        let status = Dictionary(uniqueKeysWithValues: report.tasks.areas.flatMap(\.tasks).map { ($0.id, $0.status) })
        #expect(
            status == [
                "I.1": .done, "I.2": .done, "I.3": .overdue, "I.4": .ongoing, "II.1": .inProgress, "II.2": .overdue,
                "II.3": .notStarted, "III.1": .done, "III.2": .notStarted, "III.3": .inProgress, "V.1": .notStarted,
                "V.2": .done, "VII.1": .overdue, "VII.2": .blocked,
            ])
    }

    @Test func overdueIsCountedInCalendarDaysFromTheMovedDueDate() throws {
        let lines = try ReportFixture.report().tasks.areas.flatMap(\.tasks)
        let line = { (id: String) in lines.first { $0.id == id } }
        // 31/3/2024 is a Sunday: due Monday 01/04, 17 days before 18/04.
        #expect(line("I.3")?.dueDate == LocalDate(iso: "2024-04-01"))
        #expect(line("I.3")?.daysOverdue == 17)
        #expect(line("II.2")?.daysOverdue == 3)
        #expect(line("VII.1")?.daysOverdue == 6)
        // A blocked task that is past due is overdue, and the note says it is blocked.
        #expect(line("II.2")?.note == "Chờ ý kiến Sở Tư pháp; Đơn vị báo có vướng mắc")
        #expect(line("III.3")?.daysOverdue == nil)
    }

    @Test func aStatusRecordedAfterTheCompileMomentIsNotSeen() throws {
        let data = ReportFixture.data()
        let config = try ReportFixture.config()
        let builder = ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let before = try builder.build(period: ReportFixture.period, asOf: ReportFixture.asOf, data: data)
        let after = try builder.build(
            period: ReportFixture.period, asOf: ReportFixture.at("2024-04-19T12:00:00+07:00"), data: data)
        let status = { (report: ConsolidatedReport) in
            report.tasks.areas.flatMap(\.tasks).first { $0.id == "VII.1" }?.status
        }
        #expect(status(before) == .overdue)
        #expect(status(after) == .done)
    }

    @Test func dueDatesMatchTheOccurrencesRemindersUse() throws {
        let config = try ReportFixture.config()
        let calendar = WorkingCalendar(rules: config.calendar.rules)
        let report = try ReportFixture.report()
        let expander = OccurrenceExpander(config: config, calendar: calendar)
        let occurrences = expander.occurrences(dueIn: LocalDate(iso: "2024-01-01")!...LocalDate(iso: "2024-12-31")!)
        for line in report.tasks.areas.flatMap(\.tasks) {
            guard let due = line.dueDate else { continue }
            #expect(
                occurrences.contains { $0.duty == .task(id: line.id) && $0.due == due },
                "\(line.id) due \(due) is not a reminder occurrence")
        }
        let moved = report.tasks.areas.flatMap(\.tasks).first { $0.id == "V.1" }
        #expect(moved?.dueDate == LocalDate(iso: "2024-05-02"))
        #expect(moved?.dueText == "30/4/2024")
    }

    @Test func ongoingAndOnDemandTasksHaveNoDueDate() throws {
        let lines = try ReportFixture.report().tasks.areas.flatMap(\.tasks)
        let ongoing = try #require(lines.first { $0.id == "I.4" })
        let onDemand = try #require(lines.first { $0.id == "II.3" })
        #expect(ongoing.status == .ongoing && ongoing.dueDate == nil && ongoing.note == "Đăng 12 tin, bài")
        #expect(onDemand.status == .notStarted && onDemand.dueDate == nil && onDemand.dueText == "Theo yêu cầu")
    }

    @Test func aRecurringTaskIsDoneOnlyForTheCycleItWasMarkedIn() throws {
        let report = try ReportFixture.report()
        let line = try #require(report.tasks.areas.flatMap(\.tasks).first { $0.id == "III.1" })
        #expect(line.status == .done)
        #expect(line.dueDate == LocalDate(iso: "2024-03-20"))
        // The April occurrence (Saturday 20/04 → Monday 22/04) is still to do.
        let next = try #require(report.nextPeriodTasks.first { $0.id == "III.1" })
        #expect(next.dueDate == LocalDate(iso: "2024-04-22"))
        #expect(next.status == .notStarted)
    }

    @Test func tasksCompletedWithinThePeriodAreListed() throws {
        let report = try ReportFixture.report()
        #expect(report.tasks.completedInPeriod.map(\.id) == ["I.2", "III.1"])
        #expect(report.tasks.completedInPeriod.first?.completedOn == LocalDate(iso: "2024-03-20"))
    }

    @Test func monthlyReportsAreOnTimeLateOrMissing() throws {
        let monthly = try #require(try ReportFixture.report().unitReports)
        #expect(monthly.dueDate == LocalDate(iso: "2024-04-16"))
        #expect(monthly.units.map(\.unit.id) == ["phong-qldt", "phong-tc", "thanh-tra", "trung-tam"])
        #expect(monthly.units.map(\.state) == [.onTime, .late, .missing, .onTime])
        #expect(monthly.units.map(\.vietnameseStatus) == ["Đúng hạn", "Chậm 2 ngày", "Chưa gửi", "Đúng hạn"])
        // The first receipt decides: the resubmission of 17/04 does not make it late.
        #expect(monthly.units[0].receivedOn == LocalDate(iso: "2024-04-15"))
        #expect(monthly.units[1].receivedOn == LocalDate(iso: "2024-04-18"))
        #expect(monthly.units[1].daysLate == 2)
        #expect(monthly.units[3].receivedOn == LocalDate(iso: "2024-04-16"))
        #expect((monthly.onTimeCount, monthly.lateCount, monthly.missingCount) == (2, 1, 1))
    }

    @Test func requestsDueInThePeriodAreTrackedLikeMonthlyReports() throws {
        let requests = try ReportFixture.report().requests
        #expect(requests.map(\.id) == ["bc-ddci"])
        let ddci = try #require(requests.first)
        #expect(ddci.dueDate == LocalDate(iso: "2024-03-29"))
        #expect(ddci.units.map(\.unit.id) == ["phong-qldt", "phong-tc"])
        #expect(ddci.units.map(\.state) == [.onTime, .missing])
    }

    @Test func difficultiesAndProposalsAreAttributedFromTheLatestSubmission() throws {
        let report = try ReportFixture.report()
        #expect(report.difficulties.map(\.unit.id) == ["phong-qldt", "phong-qldt", "trung-tam"])
        #expect(
            report.difficulties.map(\.text) == [
                "Chưa có hướng dẫn của Sở Nội vụ về vị trí việc làm", ReportFixture.injected,
                "Hệ thống một cửa điện tử thường xuyên gián đoạn",
            ])
        // Swift's == ignores normalization: compare scalars to see the NFD input came out NFC.
        let nfc = "Chưa có hướng dẫn của Sở Nội vụ về vị trí việc làm".precomposedStringWithCanonicalMapping
        #expect(report.difficulties.first.map { Array($0.text.unicodeScalars) } == Array(nfc.unicodeScalars))
        #expect(report.proposals.map(\.unit.name) == ["Phòng Quản lý đầu tư", "Phòng Tổ chức", "Phòng Quản lý đầu tư"])
        #expect(report.proposals.map(\.report) == ["monthly", "monthly", "bc-ddci"])
        #expect(report.proposals.first?.text == "Đề nghị Sở Nội vụ tổ chức tập huấn")
    }

    @Test func nextPeriodTasksAreTheUnfinishedOccurrencesDueInIt() throws {
        let report = try ReportFixture.report()
        // V.2 (10/04) is done; V.1 moved to 02/05, out of April; I.2 (01/04) is done.
        #expect(report.nextPeriodTasks.map(\.id) == ["I.3", "VII.1", "II.2", "III.1", "III.3"])
        #expect(report.period.nextStart == LocalDate(iso: "2024-04-01"))
        #expect(report.period.nextEnd == LocalDate(iso: "2024-04-30"))
    }

    @Test func deliveryCountsAreAskedForThePeriodInLocalTime() throws {
        let report = try ReportFixture.report()
        #expect(report.deliveries == DeliveryCounts(reminders: 37, escalations: 4))
    }

    @Test func documentPartsComeFromTheConfig() throws {
        let report = try ReportFixture.report()
        #expect(report.subject == "Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024")
        #expect(report.compileDate == LocalDate(iso: "2024-04-18"))
        #expect(report.recipients == ["Ban Chỉ đạo cải cách hành chính thành phố"])
        #expect(report.distribution == ["Như trên", "Lãnh đạo Ban", "Lưu: VT, Văn phòng Ban Quản lý"])
        #expect(report.signer.authority == "KT. TRƯỞNG BAN")
        #expect(report.signer.title == "PHÓ TRƯỞNG BAN")
        #expect(report.signer.name == "Bùi Ngọc Hải")
        #expect(report.organization.abbreviation == "BQL")
        #expect(report.period.name == "2024-03")
    }

    @Test func appendixRowsAreNumberedInAreaOrderWithNotes() throws {
        let rows = try ReportFixture.report().appendix
        #expect(rows.map(\.number) == Array(1...14))
        #expect(rows.map(\.taskID).prefix(4) == ["I.1", "I.2", "I.3", "I.4"])
        #expect(rows.map(\.taskID).suffix(2) == ["VII.1", "VII.2"])
        let row = { (id: String) in rows.first { $0.taskID == id } }
        #expect(row("II.1")?.note == "Tiến độ 60%; Đang dự thảo")
        #expect(row("I.3")?.note == "Quá hạn 17 ngày")
        #expect(row("I.2")?.note == "Đã ban hành KH số 12/KH-BQL; Hoàn thành ngày 20/03/2024")
        #expect(row("II.2")?.support == ["Thanh tra Ban Quản lý", "Phòng Tổ chức"])
        #expect(row("II.2")?.lead == "Phòng Quản lý đầu tư")
    }

    @Test func aDecree09PeriodMovesTheReportDueDateOffTheWeekend() throws {
        var yaml = ReportFixture.yaml.replacingOccurrences(of: "period: calendar_month", with: "period: decree_09")
        yaml = yaml.replacingOccurrences(of: "due: 29/03/2024", with: "due: 11/03/2024")
        let config = try TestConfig.load(yaml)
        let builder = ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        var data = FakeReportData()
        data.add(ReportFixture.monthly("phong-qldt", "2024-03-18T07:00:00+07:00"))
        data.add(ReportFixture.monthly("phong-tc", "2024-03-19T07:00:00+07:00"))
        let report = try builder.build(
            period: ReportPeriod(year: 2024, month: 3, kind: .decree09),
            asOf: ReportFixture.at("2024-03-20T08:00:00+07:00"), data: data)
        #expect(report.period.start == LocalDate(iso: "2024-02-15"))
        #expect(report.period.end == LocalDate(iso: "2024-03-14"))
        // Day 16 of March 2024 is a Saturday: due Monday 18/03.
        let monthly = try #require(report.unitReports)
        #expect(monthly.dueDate == LocalDate(iso: "2024-03-18"))
        #expect(monthly.units.map(\.vietnameseStatus) == ["Đúng hạn", "Chậm 1 ngày", "Chưa gửi", "Chưa gửi"])
        #expect(report.requests.map(\.dueDate) == [LocalDate(iso: "2024-03-11")])
    }

    @Test func theCompileMomentIsKeptInWholeSeconds() throws {
        let config = try ReportFixture.config()
        let builder = ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        let report = try builder.build(
            period: ReportFixture.period, asOf: ReportFixture.asOf.addingTimeInterval(0.75), data: FakeReportData())
        #expect(report.compiledAt == ReportFixture.asOf)
    }
}

@Suite struct ConsolidatedReportScheduleTests {
    @Test func theCompileDayMovesOffAHolidayAndTheMomentIsAtSendTime() throws {
        let config = try ReportFixture.config()
        let builder = ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        #expect(builder.periodKind == .calendarMonth)
        // compile: day 18 of April 2024 is Giỗ Tổ Hùng Vương: compiled Friday 19/04.
        #expect(builder.compileDay(for: ReportFixture.period) == LocalDate(iso: "2024-04-19"))
        #expect(builder.compileMoment(for: ReportFixture.period) == ReportFixture.at("2024-04-19T08:00:00+07:00"))
        // May 18 2024 is a Saturday: Monday 20/05.
        let april = ReportPeriod(year: 2024, month: 4, kind: .calendarMonth)
        #expect(builder.compileDay(for: april) == LocalDate(iso: "2024-05-20"))
    }

    @Test func withoutAConsolidatedSectionThereIsNoCompileDay() throws {
        let yaml = ReportFixture.yaml.components(separatedBy: "  consolidated:").first ?? ""
        let config = try TestConfig.load(yaml)
        let builder = ConsolidatedReportBuilder(config: config, calendar: WorkingCalendar(rules: config.calendar.rules))
        #expect(builder.compileDay(for: ReportFixture.period) == nil)
        let report = try builder.build(period: ReportFixture.period, asOf: ReportFixture.asOf, data: FakeReportData())
        #expect(report.recipients.isEmpty)
        #expect(report.distribution == ["Lưu: VT, Văn phòng Ban Quản lý"])
        #expect(report.signer == ConsolidatedReport.Signer())
    }
}
