import ArgumentParser
import CommandFormat
import Foundation
import ResultOutput
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
        let entries = declared.map(Entry.init) + Plugins.builtIn.map { Entry($0, declared: false) }
        if json {
            print(JSONLine.encode(Listing(pluginsFile: file, plugins: entries)), terminator: "")
            return
        }
        let declaredCount = present ? "\(declared.count) declared" : "not there: no declared formats"
        print("plugins file: \(file) (\(declaredCount))")
        for entry in entries {
            let origin = entry.declared ? "declared" : "built-in"
            let reads = entry.binary ? "binary" : "text"
            print("\n\(entry.name) (\(origin), version \(entry.version), reads \(reads))")
            for (label, values) in [("extensions", entry.extensions), ("MIME types", entry.mimeTypes)] {
                print("  \(label): \(values.isEmpty ? "none" : values.joined(separator: ", "))")
            }
            if let command = entry.command {
                print("  command: \(command.map(Self.quoted).joined(separator: " "))")
                print("  output: \(entry.output ?? "")")
                if let version = entry.versionString { print("  version string: \(version)") }
            }
        }
    }

    /// `plugins --json`: the plugins file and every plugin, declared ones first.
    struct Listing: Encodable {
        let pluginsFile: String
        let plugins: [Entry]

        enum CodingKeys: String, CodingKey { case pluginsFile = "plugins_file", plugins }
    }

    /// One plugin: its name, version, what it reads and claims; a declared format's also its
    /// command, output kind, version string, timeout and output cap.
    struct Entry: Encodable {
        let name: String
        let version: Int
        let declared: Bool
        let binary: Bool
        let extensions: [String]
        let mimeTypes: [String]
        var command: [String]?
        var output: String?
        var versionString: String?
        var timeoutSeconds: Double?
        var maxOutputBytes: Int?

        enum CodingKeys: String, CodingKey {
            case name, version, declared, binary, extensions, mimeTypes = "mime_types", command, output
            case versionString = "version_string", timeoutSeconds = "timeout_seconds"
            case maxOutputBytes = "max_output_bytes"
        }

        init(_ plugin: any FormatPlugin, declared: Bool) {
            name = plugin.name
            version = plugin.version
            self.declared = declared
            binary = plugin.readsBinary
            extensions = plugin.extensions.sorted()
            mimeTypes = plugin.mimeTypes.sorted()
        }

        init(_ format: CommandFormat) {
            self.init(format, declared: true)
            command = format.command
            output = format.output.rawValue
            versionString = format.declaredVersion
            timeoutSeconds = format.timeout
            maxOutputBytes = format.outputLimit
        }
    }

    /// An argument as a shell would need it: in single quotes when it holds anything but
    /// letters, digits and `-_./{}=:,+@%`.
    static func quoted(_ argument: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./{}=:,+@%")
        guard argument.isEmpty || !argument.allSatisfy(plain.contains) else { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
