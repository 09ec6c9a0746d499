import Testing

@testable import NhacViec

@Suite struct ConfigTaskLookupTests {
    static let tasks = """
        tasks:
          - { id: I.1, area: chi_dao_dieu_hanh, title: Kế hoạch CCHC, lead: van-phong, due: Tháng 1/2024 }
          - { id: II.3, area: the_che, title: Rà soát văn bản, lead: phong-qldt, due: Tháng 3/2024 }
          - { id: VI.2, area: chinh_quyen_so, title: Dịch vụ công, lead: phong-qldt, due: Quý II/2024 }
        """

    @Test func aTaskIsFoundByItsIdAndAnUnknownIdIsNot() throws {
        let config = try TestConfig.load(TestConfig.yaml(tasks: Self.tasks))
        #expect(config.task("II.3")?.title == "Rà soát văn bản")
        #expect(config.task("VI.2")?.lead == "phong-qldt")
        #expect(config.task("II.4") == nil)
    }

    @Test func theLookupFollowsACopyWhoseTasksWereNarrowed() throws {
        var config = try TestConfig.load(TestConfig.yaml(tasks: Self.tasks))
        config.tasks = config.tasks.filter { $0.id != "I.1" }
        #expect(config.task("I.1") == nil)
        // Positions shifted by one: the index must have been rebuilt, not kept.
        #expect(config.task("II.3")?.title == "Rà soát văn bản")
        #expect(config.task("VI.2")?.title == "Dịch vụ công")
    }
}
