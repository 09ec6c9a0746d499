/// Where the config file is: `-c/--config`, else `$NHACVIEC_CONFIG`, else the system path.
package enum ConfigLocation {
    package static let systemPath = "/etc/nhacviec/nhacviec.yaml"

    package static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["NHACVIEC_CONFIG"], !path.isEmpty { return path }
        return systemPath
    }
}
