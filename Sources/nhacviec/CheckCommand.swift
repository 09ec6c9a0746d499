import ArgumentParser
import NhacViec

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the config: print a summary and exit 0, or every problem and exit 78."
    )

    @OptionGroup var config: ConfigOption

    func run() throws {
        let loaded = try config.load()
        print(ConfigSummary(loaded))
    }
}
