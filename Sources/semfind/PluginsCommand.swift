import ArgumentParser
import CommandFormat
import Foundation
import SemfindCore

/// `semfind plugins`: the formats semfind reads, declared ones first (they take precedence), with
/// what each claims.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the format plugins: those declared in the plugins file first, then the built-in ones.",
        discussion: """
            A declared plugin runs a command on each file it claims; it takes precedence over a \
            built-in one for the extensions and MIME types it claims. An invalid plugins file is an \
            error naming its line.
            """)

    @Option(
        name: .long,
        help: """
            The plugins file (default: $SEMFIND_PLUGINS, else $XDG_CONFIG_HOME/semfind/plugins.toml).
            """)
    var plugins: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() throws {
        let declared = try Plugins.declared(pluginsFile: plugins)
        let file = Plugins.file(plugins).path
        let present = FileManager.default.fileExists(atPath: file)
        let entries = declared.map(Self.fields) + Plugins.builtIn.map { Self.fields($0, declared: false) }
        if json {
            print(ResultJSON.line(["plugins_file": file, "plugins": entries]), terminator: "")
            return
        }
        let declaredCount = present ? "\(declared.count) declared" : "not there: no declared formats"
        print("plugins file: \(file) (\(declaredCount))")
        for entry in entries {
            let origin = entry["declared"] as? Bool == true ? "declared" : "built-in"
            let reads = entry["binary"] as? Bool == true ? "binary" : "text"
            print("\n\(entry["name"] ?? "") (\(origin), version \(entry["version"] ?? ""), reads \(reads))")
            for (key, label) in [("extensions", "extensions"), ("mime_types", "MIME types")] {
                let values = entry[key] as? [String] ?? []
                print("  \(label): \(values.isEmpty ? "none" : values.joined(separator: ", "))")
            }
            if let command = entry["command"] as? [String] {
                print("  command: \(command.map(Self.quoted).joined(separator: " "))")
                print("  output: \(entry["output"] ?? "")")
                if let version = entry["version_string"] { print("  version string: \(version)") }
            }
        }
    }

    static func fields(_ plugin: any FormatPlugin, declared: Bool) -> [String: Any] {
        [
            "name": plugin.name, "version": plugin.version, "declared": declared, "binary": plugin.readsBinary,
            "extensions": plugin.extensions.sorted(), "mime_types": plugin.mimeTypes.sorted(),
        ]
    }

    /// A declared format's fields: a built-in's, and its command, output kind, version string,
    /// timeout and output cap.
    static func fields(_ format: CommandFormat) -> [String: Any] {
        var fields = fields(format, declared: true)
        fields["command"] = format.command
        fields["output"] = format.output.rawValue
        fields["version_string"] = format.declaredVersion
        fields["timeout_seconds"] = format.timeout
        fields["max_output_bytes"] = format.outputLimit
        return fields
    }

    /// An argument as a shell would need it: in single quotes when it holds anything but
    /// letters, digits and `-_./{}=:,+@%`.
    static func quoted(_ argument: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./{}=:,+@%")
        guard argument.isEmpty || !argument.allSatisfy(plain.contains) else { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
