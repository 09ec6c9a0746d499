/// A location inside the config tree, printed as `tasks[3].lead`.
///
/// The parser makes a path for every value it reads, yet prints one only for an
/// issue: a step links to its parent, and the text is built in `description`.
struct ConfigPath: Hashable, Sendable, CustomStringConvertible {
    private indirect enum Step: Hashable, Sendable {
        case root
        case key(parent: Step, name: String)
        case index(parent: Step, position: Int)

        var parent: Step? {
            switch self {
            case .root: nil
            case .key(let parent, _), .index(let parent, _): parent
            }
        }
    }

    private let last: Step

    static let root = ConfigPath(last: .root)

    func key(_ key: String) -> ConfigPath {
        ConfigPath(last: .key(parent: last, name: key))
    }

    func index(_ index: Int) -> ConfigPath {
        ConfigPath(last: .index(parent: last, position: index))
    }

    var description: String {
        var steps: [Step] = []
        var step = last
        while let parent = step.parent {
            steps.append(step)
            step = parent
        }
        var text = ""
        for step in steps.reversed() {
            switch step {
            case .key(_, let name): text += text.isEmpty ? name : ".\(name)"
            case .index(_, let position): text += "[\(position)]"
            case .root: break
            }
        }
        return text
    }
}
