import Foundation
import SemfindCore

extension PluginsFile {
    /// The plugins file's path, and whether it was named (`named`: `--plugins`, else
    /// `SEMFIND_PLUGINS`) rather than the default: `$XDG_CONFIG_HOME/semfind/plugins.toml`, else
    /// `~/.config/semfind/plugins.toml`.
    public static func location(
        named: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (path: String, named: Bool) {
        if let given = named ?? environment["SEMFIND_PLUGINS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return (given, true)
        }
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return (base + "/semfind/plugins.toml", false)
    }

    /// The formats declared in the plugins file `location` finds: none when the default file is
    /// absent; a file that was named must exist. `reservedNames` are the built-in plugins' names.
    ///
    /// - Throws: `SemfindError` `.io` when the file cannot be read, or `formats`' errors.
    public static func declared(
        named: String?, reservedNames: Set<String>,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [CommandFormat] {
        let (path, isNamed) = location(named: named, environment: environment)
        guard isNamed || FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SemfindError(.io, "cannot read the plugins file \(path)")
        }
        return try formats(String(decoding: data, as: UTF8.self), path: path, reservedNames: reservedNames)
    }
}
