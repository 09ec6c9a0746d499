import Foundation

/// The `json` format: the report model itself, with sorted snake_case keys, days as
/// `YYYY-MM-DD` and instants in ISO 8601 with the organisation's offset
/// (`2024-04-18T09:00:00+07:00`, as `status` and `plan` write them), so it diffs
/// well and decodes back to an equal `ConsolidatedReport`.
enum JSONReportRenderer {
    static func render(_ report: ConsolidatedReport) throws -> Data {
        let clock = WallClock(
            timeZone: TimeZone(identifier: report.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(clock.iso8601(date))
        }
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }

    static func decode(_ data: Data) throws -> ConsolidatedReport {
        let decoder = JSONDecoder()
        // Reads any offset (`+07:00`, `Z`): the instant is what matters.
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ConsolidatedReport.self, from: data)
    }
}
