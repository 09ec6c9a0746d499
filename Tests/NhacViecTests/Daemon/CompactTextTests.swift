import Foundation
import Testing

@testable import NhacViec

/// The daemon keeps its config's task text in fresh memory (issue 15); the text
/// and everything else about the tasks stay as loaded.
@Suite struct CompactTextTests {
    private static let yaml = """
        version: 1
        organization: { name: Ban Quản lý, office: van-phong, plan_year: 2024 }
        units:
          - { id: van-phong, name: Văn phòng, email: [vp@example.gov.vn] }
          - { id: phong-quan-ly-dau-tu-va-doanh-nghiep, name: Phòng Đầu tư, email: [dt@example.gov.vn] }
        tasks:
          - id: I.1
            area: tthc
            title: Rà soát, đơn giản hoá thủ tục hành chính lĩnh vực đầu tư trong khu kinh tế
            lead: phong-quan-ly-dau-tu-va-doanh-nghiep
            support: [van-phong]
            due: Quý II/2024
            output: Báo cáo kết quả thực hiện gửi Văn phòng Ban Quản lý
          - { id: I.2, area: chi_dao_dieu_hanh, title: Kế hoạch, lead: van-phong, due: "Hằng tháng, ngày 20" }
        """

    @Test func copiedTasksReadTheSameAsLoaded() throws {
        let loaded = try ConfigLoader.parse(yaml: Self.yaml, path: "/tmp/compact-text-test.yaml")
        let compacted = CompactText.compacted(loaded)
        #expect(compacted.tasks.count == loaded.tasks.count)
        for (copy, original) in zip(compacted.tasks, loaded.tasks) {
            #expect(copy.id == original.id)
            #expect(copy.title == original.title)
            #expect(copy.lead == original.lead)
            #expect(copy.support == original.support)
            #expect(copy.output == original.output)
            #expect(copy.policy == original.policy)
            #expect(copy.due.text == original.due.text)
            #expect(copy.area == original.area)
        }
        // The index follows the copied ids.
        #expect(compacted.task("I.2")?.title == "Kế hoạch")
    }

    /// The loader hands only a valid config to `finish`, and returns what `finish` made of it.
    @Test func theLoaderReturnsWhatFinishMadeOfAValidConfig() throws {
        var finished = 0
        let loaded = try ConfigLoader.parse(yaml: Self.yaml, path: "/tmp/compact-text-test.yaml") { config in
            finished += 1
            var config = config
            config.tasks.removeLast()
            return config
        }
        #expect(finished == 1)
        #expect(loaded.tasks.map(\.id) == ["I.1"])

        let invalid = Self.yaml.replacingOccurrences(of: "lead: van-phong", with: "lead: khong-co")
        #expect(throws: ConfigError.self) {
            _ = try ConfigLoader.parse(yaml: invalid, path: "/tmp/compact-text-test.yaml") { config in
                finished += 1
                return config
            }
        }
        #expect(finished == 1)
    }

    @Test func aCopyHasStorageOfItsOwn() {
        let text = "Báo cáo kết quả thực hiện gửi Văn phòng Ban Quản lý"
        var original = text
        var copy = CompactText.copy(text)
        #expect(copy == original)
        let originalBytes = original.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        let copyBytes = copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        #expect(originalBytes != copyBytes)
    }
}
