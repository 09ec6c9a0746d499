import Foundation
import Logging

/// One line per event on stderr. Under systemd (`JOURNAL_STREAM` set) each line
/// starts with a `<N>` syslog priority so journald files it at the right level;
/// elsewhere it starts with a local timestamp and the level.
///
/// Metadata is printed as `key=value`, values quoted when they contain spaces.
/// Callers never put secrets in messages or metadata; this handler can't tell.
package struct JournalLogHandler: LogHandler {
    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    private let label: String
    private let journald: Bool
    private let output: FileHandle

    package init(label: String, environment: [String: String], output: FileHandle = .standardError) {
        self.label = label
        self.journald = environment["JOURNAL_STREAM"] != nil
        self.output = output
        if let level = environment["NHACVIEC_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) {
            logLevel = level
        }
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var line =
            journald ? "<\(Self.priority(event.level))>" : "\(Self.timestamp()) \(event.level.rawValue.uppercased()) "
        line += event.message.description
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            guard let value = merged[key] else { continue }
            line += " \(key)=\(Self.quoted("\(value)"))"
        }
        line = String(line.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        output.write(Data((line + "\n").utf8))
    }

    private static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) || value.isEmpty else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }
}
