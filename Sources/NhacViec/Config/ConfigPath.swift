/// A location inside the config tree, printed as `tasks[3].lead`.
struct ConfigPath: Hashable, Sendable, CustomStringConvertible {
    private var components: [String] = []

    static let root = ConfigPath()

    func key(_ key: String) -> ConfigPath {
        var copy = self
        copy.components.append(copy.components.isEmpty ? key : ".\(key)")
        return copy
    }

    func index(_ index: Int) -> ConfigPath {
        var copy = self
        copy.components.append("[\(index)]")
        return copy
    }

    var description: String { components.joined() }
}
