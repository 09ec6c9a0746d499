import ArgumentParser
import Foundation
import NhacViec

/// `--state DIR`, shared by the commands that read or write the state.
struct StateOption: ParsableArguments {
    @Option(name: .customLong("state"), help: "State directory (default: $STATE_DIRECTORY or /var/lib/nhacviec).")
    var path: String?

    var resolvedPath: String {
        StateLocation.resolve(option: path, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store if the state dir already holds one (commands that only read
    /// must not create a state dir), or exits with the store's status.
    func openExisting() throws -> StateStore? {
        do {
            return try StateStore.openExisting(directory: resolvedPath)
        } catch {
            printError("nhacviec: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }

    /// Opens (creating and migrating if needed) the store, or exits with the store's status.
    func open() throws -> StateStore {
        do {
            return try StateStore(directory: resolvedPath)
        } catch {
            printError("nhacviec: \(error)")
            throw ExitCode(error.exitStatus.rawValue)
        }
    }
}
