import Foundation

/// The `json` format: the report model itself, with sorted keys and ISO 8601 instants,
/// so it diffs well and decodes back to an equal `ConsolidatedReport`.
enum JSONReportRenderer {
    static func render(_ report: ConsolidatedReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }

    static func decode(_ data: Data) throws -> ConsolidatedReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ConsolidatedReport.self, from: data)
    }
}
