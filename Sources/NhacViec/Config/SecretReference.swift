import Foundation

/// Where a secret comes from. Secrets never live in the config file itself.
package enum SecretReference: Hashable, Sendable, CustomStringConvertible {
    /// An environment variable name.
    case environment(String)
    /// A file path; a relative path is looked up in `$CREDENTIALS_DIRECTORY`
    /// (systemd `LoadCredential=`) first, then relative to the config file's folder.
    case file(String)

    package var description: String {
        switch self {
        case .environment(let name): "environment variable \(name)"
        case .file(let path): "file \(path)"
        }
    }

    /// Reads the secret. The error names where it looked, never the value.
    package func resolve(
        environment: [String: String], configDirectory: String
    ) throws(SecretError) -> String {
        switch self {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw SecretError(message: "environment variable \(name) is not set")
            }
            return value
        case .file(let path):
            var candidates: [String] = []
            if path.hasPrefix("/") {
                candidates = [path]
            } else {
                if let credentials = environment["CREDENTIALS_DIRECTORY"], !credentials.isEmpty {
                    candidates.append(credentials + "/" + path)
                }
                candidates.append(configDirectory + "/" + path)
            }
            for candidate in candidates {
                if let data = FileManager.default.contents(atPath: candidate),
                    let text = String(data: data, encoding: .utf8)
                {
                    // A trailing newline from `echo secret > file` is not part of the secret.
                    let value = text.hasSuffix("\n") ? String(text.dropLast()) : text
                    guard !value.isEmpty else { throw SecretError(message: "\(candidate) is empty") }
                    return value.hasSuffix("\r") ? String(value.dropLast()) : value
                }
            }
            throw SecretError(message: "cannot read \(candidates.joined(separator: " or "))")
        }
    }

    /// Environment variable names as POSIX shells accept them.
    static func isValidEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }
}

package struct SecretError: Error, Sendable, CustomStringConvertible {
    package let message: String
    package var description: String { message }
}
