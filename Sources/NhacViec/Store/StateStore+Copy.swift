import Foundation
import GRDB

extension StateStore {
    /// Writes a consistent copy of the database to `directory` (`VACUUM INTO`), for
    /// `run --dry-run`: it works on the copy, so the real state records nothing.
    package func copy(to directory: String) throws(StoreError) {
        let target = (directory as NSString).appendingPathComponent(Self.databaseName)
        do {
            try PrivateFiles.makeFolder(directory)
            // Outside a transaction: SQLite refuses VACUUM inside one.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [target])
            }
        } catch {
            throw StoreError.wrapping(error, path: target, while: "copying the state for a dry run")
        }
    }
}
