/// Fresh copies of a loaded config's task text, for a process that keeps them all day.
///
/// Yams composes the whole file into nodes, and the config keeps the nodes' strings:
/// each task's title and output end up between kilobytes of freed node memory,
/// which keeps the heap's pages resident long after the nodes are gone (a 900-task
/// plan: about 1.4 MiB of the idle daemon's private memory, issue 15). The copy is
/// made while the nodes are still alive (`ConfigLoader.load(path:finish:)`): copied
/// after they were freed, the small copies filled their holes and kept those pages
/// resident all the same (heap 4.4 MiB, against 3.0 MiB copied before).
enum CompactText {
    /// `text` in storage of its own (a short string stays inline and costs nothing).
    static func copy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }

    /// The task with its text copied; everything else as it was.
    static func copy(_ task: PlanTask) -> PlanTask {
        var task = task
        task.id = copy(task.id)
        task.title = copy(task.title)
        task.lead = copy(task.lead)
        task.support = task.support.map(copy)
        task.output = task.output.map(copy)
        task.policy = copy(task.policy)
        return task
    }

    /// The config with its tasks' text copied.
    static func compacted(_ config: Config) -> Config {
        var config = config
        config.tasks = config.tasks.map(copy)
        return config
    }
}
