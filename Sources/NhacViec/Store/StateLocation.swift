/// Where the state dir is: `--state`, else `$STATE_DIRECTORY` (systemd), else `/var/lib/nhacviec`.
package enum StateLocation {
    package static let systemPath = "/var/lib/nhacviec"

    package static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        // systemd may pass several colon-separated directories; the first is ours.
        if let value = environment["STATE_DIRECTORY"], let first = value.split(separator: ":").first {
            return String(first)
        }
        return systemPath
    }
}
