import Foundation
import Testing

/// The library's folders form a DAG (STYLE.md): each uses only the types of the
/// folders before it. Checked on the source text, since one module cannot be
/// made to enforce it.
@Suite struct FolderLayeringTests {
    static let order = [
        "Support", "Calendar", "Config", "Schedule", "Intake", "Report", "Store", "Curl", "Delivery", "Daemon", "Web",
    ]
    static let library = TestConfig.packageRoot.appendingPathComponent("Sources/NhacViec")

    /// Swift files of one folder, with line comments removed.
    static func sources(of folder: String) -> [(name: String, text: String)] {
        let directory = library.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted().compactMap { name in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                return nil
            }
            let code = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
            }
            return (name, code.joined(separator: "\n"))
        }
    }

    /// Names of the types declared at file scope (not nested) in a folder.
    static func declaredTypes(in folder: String) throws -> Set<String> {
        let declaration = try Regex(
            #"^(?:(?:package|public|internal|fileprivate|private|final|indirect)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)"#
        )
        var names: Set<String> = []
        for source in sources(of: folder) {
            for line in source.text.split(separator: "\n") {
                if let match = line.firstMatch(of: declaration), let name = match.output[1].substring {
                    names.insert(String(name))
                }
            }
        }
        return names
    }

    @Test func noFolderUsesATypeOfAFolderAfterIt() throws {
        let present = Self.order.filter {
            FileManager.default.fileExists(atPath: Self.library.appendingPathComponent($0).path)
        }
        var owner: [String: String] = [:]
        for folder in present {
            for name in try Self.declaredTypes(in: folder) where owner[name] == nil { owner[name] = folder }
        }
        try #require(owner.count > 100, "the declarations were not found")
        var backEdges: [String] = []
        for (rank, folder) in present.enumerated() {
            let later = Set(present[(rank + 1)...])
            let laterTypes = owner.filter { later.contains($0.value) }
            for source in Self.sources(of: folder) {
                let words = Set(source.text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
                for name in words where laterTypes[name] != nil {
                    backEdges.append("\(folder)/\(source.name) uses \(laterTypes[name] ?? "")'s \(name)")
                }
            }
        }
        #expect(backEdges.isEmpty, "\(backEdges.sorted().joined(separator: "\n"))")
    }
}
