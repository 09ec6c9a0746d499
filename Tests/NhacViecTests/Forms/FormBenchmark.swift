import Foundation
import Testing

@testable import NhacViec

/// Benchmarks/run.sh section 8: the report forms of 300 units for one period (the
/// 10,000-task board of `ReportBenchmark`, about 67 task rows a form), then those 300
/// forms read back through `SubmissionParser` as units returning them with the known
/// statuses filled in. Runs only with `NHACVIEC_BENCH=1`; prints timings, asserts nothing.
@Suite struct FormBenchmark {
    @Test(.enabled(if: ReportBenchmark.enabled)) func generateAndRead300Forms() throws {
        let clock = ContinuousClock()
        let config = try TestConfig.load(ReportBenchmark.yaml())
        let data = ReportBenchmark.data()
        let now = ReportFixture.asOf
        let writer = ReportFormWriter(config: config)
        var forms: [(fileName: String, data: Data)] = []
        let units = config.reports.monthly?.from ?? []
        let generate = try clock.measure {
            for unit in units {
                forms.append(try writer.write(unit: unit, kind: .monthly(period: "2024-03"), data: data, now: now))
            }
        }
        let bytes = forms.map(\.data.count).reduce(0, +)
        var rows = 0
        let read = try clock.measure {
            for form in forms {
                rows += try SubmissionParser.parse(
                    data: form.data, fileName: form.fileName, config: config, receivedAt: now
                ).tasks.count
            }
        }
        var stages = [Duration](repeating: .zero, count: 3)
        for form in forms.prefix(30) {
            var parts: WordPackageParts?
            stages[0] += try clock.measure {
                parts = try WordPackageParts(
                    data: form.data, file: form.fileName, messages: .init(language: .vietnamese))
            }
            var events: [XMLEvents.Event] = []
            stages[1] += try clock.measure { events = try XMLEvents.parse(parts?.document ?? "") }
            stages[2] += clock.measure { _ = WordDocumentContent(events: events) }
        }
        print(
            "form-bench: first 30 read: unzip \(Self.ms(stages[0])) ms, xml \(Self.ms(stages[1])) ms, "
                + "document text \(Self.ms(stages[2])) ms")
        print("form-bench: \(forms.count) forms, \(rows) task rows, \(bytes / 1024) KiB")
        print("form-bench: generate \(ReportBenchmark.milliseconds(generate)) ms")
        print("form-bench: read     \(ReportBenchmark.milliseconds(read)) ms")
    }

    static func ms(_ duration: Duration) -> String {
        ReportBenchmark.milliseconds(duration).trimmingCharacters(in: .whitespaces)
    }
}
