import ArgumentParser
import Foundation
import NhacViec

/// `-c/--config FILE`, shared by every subcommand.
struct ConfigOption: ParsableArguments {
    @Option(
        name: [.customShort("c"), .customLong("config")],
        help: "Config file (default: $NHACVIEC_CONFIG or /etc/nhacviec/nhacviec.yaml).")
    var path: String?

    var resolvedPath: String {
        ConfigLocation.resolve(option: path, environment: ProcessInfo.processInfo.environment)
    }

    /// Loads the config, or prints every problem to stderr and exits 78.
    func load() throws -> Config {
        do {
            return try ConfigLoader.load(path: resolvedPath)
        } catch {
            printError(error.description)
            let count = error.issues.count
            printError("\(resolvedPath): \(count) problem\(count == 1 ? "" : "s") found")
            throw ExitCode(ExitStatus.configError.rawValue)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
