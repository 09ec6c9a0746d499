import Foundation
import Testing

@testable import NhacViec

/// The intake tests' config with a unit symbol for phong-qldt, and forms made from it.
enum FormTestSupport {
    static func config(form: String = "") throws -> Config {
        var yaml = IntakeTestSupport.yaml.replacingOccurrences(
            of: "    name: Phòng Quản lý đầu tư\n", with: "    name: Phòng Quản lý đầu tư\n    abbreviation: QLĐT\n")
        if !form.isEmpty {
            yaml = yaml.replacingOccurrences(of: "    due: day 16\n", with: "    due: day 16\n    form: \(form)\n")
        }
        return try TestConfig.load(yaml)
    }

    /// II.3 in progress at 40 % since 01/03/2024; VI.2 never reported on.
    static func data() throws -> FakeReportData {
        var data = FakeReportData()
        data.history["II.3"] = [
            RecordedTaskStatus(
                status: .inProgress, progress: 40, note: "Đang rà soát 12 văn bản",
                at: try IntakeTestSupport.at("2024-03-01T10:00:00+07:00"))
        ]
        return data
    }

    static func form(
        unit: String = "phong-qldt", _ kind: ReportForm.Kind = .monthly(period: "2024-03"),
        now: String = "2024-03-20T08:00:00+07:00"
    ) throws -> (fileName: String, data: Data) {
        try ReportFormWriter(config: config()).write(
            unit: unit, kind: kind, data: data(), now: IntakeTestSupport.at(now))
    }
}
