import Foundation

@testable import NhacViec

/// Builds configs for tests from YAML text, the way users write them.
enum TestConfig {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped announced schedule for a year, as an absolute path for `calendar.include`.
    static func holidays(_ year: Int) -> String {
        packageRoot.appendingPathComponent("config/holidays/\(year).yaml").path
    }

    /// A minimal valid config around the given sections (YAML, each starting at column 0).
    static func yaml(
        calendar: String = "", policies: String = "", tasks: String, reports: String = "", delivery: String = ""
    ) -> String {
        """
        version: 1
        organization:
          name: Ban Quản lý Khu kinh tế Hải Phòng
          office: van-phong
          plan_year: 2024
        \(calendar)
        \(delivery)
        webhooks:
          - id: zalo-van-phong
            url: https://hooks.example.vn/abc
        units:
          - id: van-phong
            name: Văn phòng Ban Quản lý
            email: [vanphong@example.gov.vn]
            head: { title: Chánh Văn phòng, name: Nguyễn Văn A, email: a@example.gov.vn }
          - id: phong-qldt
            name: Phòng Quản lý đầu tư
            email: [qldt@example.gov.vn]
            webhooks: [zalo-van-phong]
            head: { title: Trưởng phòng, name: Trần Văn B, email: b@example.gov.vn }
          - id: phong-tc
            name: Phòng Tổ chức
            email: tc@example.gov.vn
        groups:
          - id: ban-chi-dao
            name: Ban Chỉ đạo cải cách hành chính
            email: [bcd@example.gov.vn]
        \(policies)
        \(tasks)
        \(reports)
        """
    }

    static func load(_ text: String) throws -> Config {
        do {
            return try ConfigLoader.parse(yaml: text, path: "test.yaml")
        } catch {
            throw TestConfigError(description: error.description)
        }
    }

    struct TestConfigError: Error, CustomStringConvertible {
        let description: String
    }
}
